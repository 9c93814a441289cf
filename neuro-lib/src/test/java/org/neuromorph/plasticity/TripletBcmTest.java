package org.neuromorph.plasticity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Rate dependence of the triplet rule: with independent Poisson pre and post trains, the minimal all-to-all
 * model drifts at dw/dt = ρx·ρy·(A3+·τ+·τy·ρy − A2−·τ−) (Pfister &amp; Gerstner 2006), a BCM curve in the post rate
 * with threshold ρy* = A2−·τ− / (A3+·τ+·τy) ≈ 19.2 Hz: depression below, potentiation above. This is the
 * spike-rate-dependent plasticity the triplet rule brings.
 */
class TripletBcmTest {
    private static final double DT = 1e-4;

    /** Mean drift (per second) and its standard error over {@code batches} runs of {@code seconds} each. */
    private static double[] drift(double rateX, double rateY, int batches, double seconds, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] perBatch = new double[batches];
        for (int b = 0; b < batches; b++) {
            Learning learning = TripletStdp.visualCortexAllToAllMinimal().bounds(-1e9, 1e9).instantiate(1, 1, 1, DT);
            int[] one = {0};
            double[] w = {0};
            long steps = Math.round(seconds / DT);
            // Poisson trains as geometric gaps between spike steps; events in step order, pre before post
            long nextPre = gap(rng, rateX);
            long nextPost = gap(rng, rateY);
            while (Math.min(nextPre, nextPost) < steps) {
                if (nextPre <= nextPost) {
                    learning.onPre(nextPre, 0, 0, 1, one, w);
                    nextPre += 1 + gap(rng, rateX);
                } else {
                    learning.onPost(nextPost, 0, one, 0, 1, one, w);
                    nextPost += 1 + gap(rng, rateY);
                }
            }
            perBatch[b] = w[0] / seconds;
        }
        double mean = java.util.Arrays.stream(perBatch).average().orElse(0);
        double var = java.util.Arrays.stream(perBatch).map(v -> (v - mean) * (v - mean)).sum() / (batches - 1);
        return new double[] {mean, Math.sqrt(var / batches)};
    }

    private static long gap(SplittableRandom rng, double rate) {
        double p = rate * DT;
        return (long) Math.floor(Math.log(1 - rng.nextDouble()) / Math.log1p(-p));
    }

    @Test
    void minimalTripletRuleIsBcmInThePostRate() {
        double tauPlus = 16.8e-3;
        double tauMinus = 33.7e-3;
        double tauY = 114e-3;
        double a3Plus = 6.5e-3;
        double a2Minus = 7.1e-3;
        double threshold = a2Minus * tauMinus / (a3Plus * tauPlus * tauY);
        assertEquals(19.2, threshold, 0.05);
        double rateX = 10;
        for (double rateY : new double[] {5, 30, 50}) {
            double[] measured = drift(rateX, rateY, 20, 50, 42 + (long) rateY);
            double expected = rateX * rateY * (a3Plus * tauPlus * tauY * rateY - a2Minus * tauMinus);
            // 5 standard errors of the batch means, plus the 0.1 ms grid's bias (spikes closer than a step
            // are merged into step order), which stays below 2 % of the drift
            assertEquals(expected, measured[0], 5 * measured[1] + 0.02 * Math.abs(expected),
                    "drift at ρy = " + rateY + " Hz");
            assertTrue(Math.signum(measured[0]) == Math.signum(rateY - threshold),
                    "depression below the threshold, potentiation above: ρy = " + rateY);
        }
    }
}
