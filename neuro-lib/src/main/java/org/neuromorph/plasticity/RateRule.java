package org.neuromorph.plasticity;

import java.util.Arrays;

/**
 * A learning rule for rate units: given presynaptic rates x (length pre) and postsynaptic rates y (length post),
 * it advances the weights {@code w[i * pre + j]} (post i, pre j; row-major) by one time step dt, integrating
 * dw/dt with forward Euler. Rules with a state of their own (BCM's thresholds) keep it between calls.
 */
public interface RateRule {
    void update(double[] w, int pre, int post, double[] x, double[] y, double dt);

    /** Plain Hebb: dw_ij/dt = η·x_j·y_i (grows without bound; the rules below are what keeps it in check). */
    static RateRule hebb(double eta) {
        return (w, pre, post, x, y, dt) -> {
            checkSizes(w, pre, post, x, y);
            for (int i = 0; i < post; i++) {
                double gain = eta * dt * y[i];
                for (int j = 0; j < pre; j++) {
                    w[i * pre + j] += gain * x[j];
                }
            }
        };
    }

    /**
     * Oja's rule (Oja 1982, J Math Biol 15:267): dw_ij/dt = η·y_i·(x_j − y_i·w_ij). For a linear unit y = w·x it
     * converges to the unit-length principal eigenvector of the inputs' correlation matrix.
     */
    static RateRule oja(double eta) {
        return (w, pre, post, x, y, dt) -> {
            checkSizes(w, pre, post, x, y);
            for (int i = 0; i < post; i++) {
                double yi = y[i];
                double gain = eta * dt * yi;
                for (int j = 0; j < pre; j++) {
                    int k = i * pre + j;
                    w[k] += gain * (x[j] - yi * w[k]);
                }
            }
        };
    }

    /**
     * BCM (Bienenstock, Cooper &amp; Munro 1982, J Neurosci 2:32): dw_ij/dt = η·x_j·y_i·(y_i − θ_i) with a sliding
     * threshold τ_θ·dθ_i/dt = y_i² − θ_i, starting at {@code theta0}. Weights are not bounded, as in the paper.
     */
    static Bcm bcm(double eta, double tauTheta, double theta0) {
        return new Bcm(eta, tauTheta, theta0);
    }

    private static void checkSizes(double[] w, int pre, int post, double[] x, double[] y) {
        if (w.length != pre * post || x.length != pre || y.length != post) {
            throw new IllegalArgumentException("a rate rule needs w of pre × post = " + pre + " × " + post
                    + " values, x of " + pre + " and y of " + post + "; got " + w.length + ", " + x.length + ", "
                    + y.length);
        }
    }

    /** BCM with its per-neuron sliding thresholds. */
    final class Bcm implements RateRule {
        private final double eta;
        private final double tauTheta;
        private final double theta0;
        private double[] theta;

        private Bcm(double eta, double tauTheta, double theta0) {
            if (!(tauTheta > 0)) {
                throw new IllegalArgumentException("BCM's threshold time constant must be > 0, got " + tauTheta);
            }
            this.eta = eta;
            this.tauTheta = tauTheta;
            this.theta0 = theta0;
        }

        /** The current thresholds θ_i (a copy). */
        public double[] thresholds() {
            return theta == null ? new double[0] : theta.clone();
        }

        @Override
        public void update(double[] w, int pre, int post, double[] x, double[] y, double dt) {
            checkSizes(w, pre, post, x, y);
            if (theta == null || theta.length != post) {
                theta = new double[post];
                Arrays.fill(theta, theta0);
            }
            for (int i = 0; i < post; i++) {
                double yi = y[i];
                double gain = eta * dt * yi * (yi - theta[i]);
                for (int j = 0; j < pre; j++) {
                    int k = i * pre + j;
                    w[k] += gain * x[j];
                }
                theta[i] += dt / tauTheta * (yi * yi - theta[i]);
            }
        }
    }
}
