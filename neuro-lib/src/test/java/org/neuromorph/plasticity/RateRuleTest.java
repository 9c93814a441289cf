package org.neuromorph.plasticity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Hebb, Oja and BCM on one linear rate unit, against the textbook results they are known for. */
class RateRuleTest {
    /** Inputs with covariance [[3, 1], [1, 2]]: principal eigenvector (1, (√5 − 1)/2) normalised, eigenvalue 3.618. */
    private static double[] correlatedInput(SplittableRandom rng) {
        double a = rng.nextGaussian();
        double b = rng.nextGaussian();
        // Cholesky factor of the covariance: L = [[√3, 0], [1/√3, √(2 − 1/3)]]
        return new double[] {Math.sqrt(3) * a, a / Math.sqrt(3) + Math.sqrt(2 - 1.0 / 3) * b};
    }

    private static final double[] PRINCIPAL = normalised(new double[] {1, (Math.sqrt(5) - 1) / 2});

    /** One linear unit y = w·x from w = (0.3, −0.2), taught by {@code rule} on {@code steps} correlated inputs. */
    private static double[] trained(RateRule rule, int steps) {
        double[] w = {0.3, -0.2};
        SplittableRandom rng = new SplittableRandom(3);
        for (int n = 0; n < steps; n++) {
            double[] x = correlatedInput(rng);
            rule.update(w, 2, 1, x, new double[] {w[0] * x[0] + w[1] * x[1]}, 1);
        }
        return w;
    }

    @Test
    void ojaFindsTheUnitPrincipalComponent() {
        double[] w = trained(RateRule.oja(0.002), 40_000);
        // the stationary fluctuations scale with η·λ ≈ 0.007; 0.03 leaves room and still rules out any other vector
        assertEquals(1, Math.hypot(w[0], w[1]), 0.03, "unit length");
        assertTrue(Math.abs(dot(normalised(w), PRINCIPAL)) > 0.999, "along the principal eigenvector: "
                + w[0] + ", " + w[1]);
    }

    @Test
    void hebbAlignsButGrowsWithoutBound() {
        double[] w = trained(RateRule.hebb(0.002), 2_000);
        assertTrue(Math.hypot(w[0], w[1]) > 100, "|w| grows: " + Math.hypot(w[0], w[1]));
        assertTrue(Math.abs(dot(normalised(w), PRINCIPAL)) > 0.999, "along the principal eigenvector");
    }

    @Test
    void bcmBecomesSelectiveToOneOfTwoPatterns() {
        // two patterns shown with probability 1/2 each; the stable states of BCM respond to one pattern only, with
        // y = θ = E[y²] = y²/2, so y = 2 for the chosen pattern and 0 for the other (Bienenstock et al. 1982)
        double[][] patterns = {{1, 0.3}, {0.3, 1}};
        double[] w = {0.4, 0.38};
        RateRule.Bcm bcm = RateRule.bcm(0.005, 20, 0.5);
        SplittableRandom rng = new SplittableRandom(5);
        // responses averaged over the last 20000 presentations: single samples wander with θ's noise (τ_θ = 20)
        double y0 = 0;
        double y1 = 0;
        double theta = 0;
        for (int n = 0; n < 80_000; n++) {
            double[] x = patterns[rng.nextInt(2)];
            bcm.update(w, 2, 1, x, new double[] {w[0] * x[0] + w[1] * x[1]}, 1);
            if (n >= 60_000) {
                y0 += (w[0] * patterns[0][0] + w[1] * patterns[0][1]) / 20_000;
                y1 += (w[0] * patterns[1][0] + w[1] * patterns[1][1]) / 20_000;
                theta += bcm.thresholds()[0] / 20_000;
            }
        }
        double high = Math.max(y0, y1);
        double low = Math.min(y0, y1);
        assertEquals(2, high, 0.15, "response to the chosen pattern");
        assertEquals(0, low, 0.1, "response to the other");
        assertEquals(2, theta, 0.15, "θ slides to E[y²]");
    }

    @Test
    void sizesAreChecked() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> RateRule.oja(0.1).update(new double[3], 2, 1, new double[2], new double[1], 1));
        assertTrue(e.getMessage().contains("pre × post = 2 × 1"), e.getMessage());
    }

    private static double[] normalised(double[] v) {
        double n = Math.hypot(v[0], v[1]);
        return new double[] {v[0] / n, v[1] / n};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1];
    }
}
