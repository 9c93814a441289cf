package org.neuromorph.nir;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import org.neuromorph.crossbar.Crossbar;

/**
 * One stepping kernel per NIR node type, on primitive arrays allocated once: each step reads the node's summed input
 * and writes its output (spikes as 1 for the step in which they happen). The discretisations:
 * <ul>
 * <li>{@link NirNetwork.Method#EULER}: forward Euler, as Norse and snnTorch step NIR's equations (a CubaLIF's
 * current first, the voltage from the new current);
 * <li>{@link NirNetwork.Method#EXACT}: the exact solution of each linear ODE over the step with the input held,
 * the paper's reference (its lif_exact trace).
 * </ul>
 */
final class NirStages {
    private NirStages() {
    }

    /** A node's step: reads {@code in}, writes {@code out}; {@code reset} clears its state. */
    interface Stage {
        void step(double[] in, double[] out);

        default void reset() {
        }

        /** What the node outputs before its first step, with nothing in and its state at zero. */
        default double[] atRest(int size) {
            return new double[size];
        }

        /** The membrane voltage, for the nodes that have one (else null). */
        default double[] voltage() {
            return null;
        }
    }

    static final class Pass implements Stage {
        @Override
        public void step(double[] in, double[] out) {
            System.arraycopy(in, 0, out, 0, out.length);
        }
    }

    /** W·x (+ b), in software or, once placed, on a crossbar (the bias stays digital). */
    static final class Dense implements Stage {
        final double[][] weight;
        final double[] bias;
        Crossbar crossbar;

        Dense(double[][] weight, double[] bias) {
            this.weight = weight;
            this.bias = bias;
        }

        @Override
        public double[] atRest(int size) {
            return bias == null ? new double[size] : bias.clone();
        }

        @Override
        public void step(double[] in, double[] out) {
            if (crossbar != null) {
                double[] y = crossbar.mvm(in);
                System.arraycopy(y, 0, out, 0, out.length);
            } else {
                for (int j = 0; j < out.length; j++) {
                    double[] row = weight[j];
                    double sum = 0;
                    for (int i = 0; i < row.length; i++) {
                        sum += row[i] * in[i];
                    }
                    out[j] = sum;
                }
            }
            if (bias != null) {
                for (int j = 0; j < out.length; j++) {
                    out[j] += bias[j];
                }
            }
        }
    }

    /** out[j] = f(in[j], p[j]): a Scale (s·x) or a Threshold (1 where x crosses θ). */
    static Stage elementwise(DoubleBinaryOperator f, double[] p) {
        return (in, out) -> {
            for (int j = 0; j < out.length; j++) {
                out[j] = f.applyAsDouble(in[j], p[j]);
            }
        };
    }

    /** x(t − d): each element through a ring of its own length round(d/dt). */
    static final class Delay implements Stage {
        private final int[] steps;
        private final double[][] rings;
        private int now;

        Delay(double[] delay, double dt) {
            steps = Arrays.stream(delay).mapToInt(d -> (int) Math.round(d / dt)).toArray();
            int depth = Arrays.stream(steps).max().orElse(0) + 1;
            rings = new double[steps.length][depth];
        }

        @Override
        public void step(double[] in, double[] out) {
            for (int j = 0; j < out.length; j++) {
                double[] ring = rings[j];
                ring[now % ring.length] = in[j];
                out[j] = ring[(now - steps[j] + ring.length) % ring.length];
            }
            now = (now + 1) % rings[0].length;
        }

        @Override
        public void reset() {
            for (double[] ring : rings) {
                Arrays.fill(ring, 0);
            }
            now = 0;
        }
    }

    /**
     * LIF, CubaLIF, IF, LI, CubaLI and I in one kernel: an optional exponential current (τ_syn, w_in), a membrane
     * that leaks (τ, v_leak) or integrates (no τ), and an optional threshold with a reset.
     */
    static final class Neurons implements Stage {
        /** A bound on the spikes one neuron fires within one exact step (a drive that strong is a modelling error). */
        private static final int MAX_SPIKES_PER_STEP = 1000;
        private final double[] tauMem; // null: a perfect integrator (IF, I)
        private final double[] tauSyn; // null: the input drives v directly
        private final double[] r;
        private final double[] vLeak;
        private final double[] wIn;
        private final double[] vThreshold; // null: no spikes, the output is v (LI, CubaLI, I)
        private final double[] vReset;
        private final NirNetwork.Method method;
        private final boolean subtract;
        private final double dt;
        private final double[] v;
        private final double[] current;

        Neurons(double[] tauMem, double[] tauSyn, double[] r, double[] vLeak, double[] wIn, double[] vThreshold,
                double[] vReset, double dt, NirNetwork.Method method, NirNetwork.Reset reset) {
            int n = r.length;
            this.tauMem = tauMem;
            this.tauSyn = tauSyn;
            this.r = r;
            this.vLeak = vLeak == null ? new double[n] : vLeak;
            this.wIn = wIn == null ? filled(n, 1) : wIn;
            this.vThreshold = vThreshold;
            this.vReset = vReset == null ? new double[n] : vReset; // NIR's default, as nir.read fills it
            this.dt = dt;
            this.method = method;
            this.subtract = reset == NirNetwork.Reset.SUBTRACT;
            v = new double[n];
            current = new double[n];
        }

        @Override
        public void step(double[] in, double[] out) {
            for (int j = 0; j < v.length; j++) {
                if (method == NirNetwork.Method.EULER) {
                    eulerStep(j, in[j]);
                    out[j] = vThreshold == null ? v[j] : fired(j) ? 1 : 0;
                } else {
                    out[j] = exactStep(j, in[j]);
                }
            }
        }

        /** Forward Euler: the current first, then v from the new current; a spike is tested at the step's end. */
        private void eulerStep(int j, double x) {
            double drive = x;
            if (tauSyn != null) {
                current[j] += dt / tauSyn[j] * (wIn[j] * x - current[j]);
                drive = current[j];
            }
            v[j] += tauMem == null ? dt * r[j] * drive : dt / tauMem[j] * (vLeak[j] - v[j] + r[j] * drive);
        }

        private boolean fired(int j) {
            if (v[j] <= vThreshold[j]) {
                return false;
            }
            v[j] = subtract ? v[j] - (vThreshold[j] - vReset[j]) : vReset[j];
            return true;
        }

        /**
         * The exact step with x held: v follows its closed form; where it crosses the threshold, the crossing time
         * is found (bisection on the closed form), v restarts from v_reset there and runs the rest of the step (so
         * the two resets agree: at the crossing v − (θ − v_reset) is v_reset). Returns the spikes in the step (or v).
         */
        private double exactStep(int j, double x) {
            double v0 = v[j];
            double i0 = current[j];
            double left = dt;
            int spikes = 0;
            while (true) {
                v[j] = voltageAt(j, x, v0, i0, left);
                current[j] = currentAt(j, x, i0, left);
                if (vThreshold == null) {
                    return v[j];
                }
                if (v[j] <= vThreshold[j] || spikes == MAX_SPIKES_PER_STEP) {
                    return spikes;
                }
                double low = 0;
                double high = left;
                for (int k = 0; k < 60 && voltageAt(j, x, v0, i0, low) < vThreshold[j]; k++) {
                    double mid = 0.5 * (low + high);
                    if (voltageAt(j, x, v0, i0, mid) > vThreshold[j]) {
                        high = mid;
                    } else {
                        low = mid;
                    }
                }
                i0 = currentAt(j, x, i0, high);
                v0 = vReset[j];
                left -= high;
                spikes++;
            }
        }

        /** The synaptic current t after a state with current i0, under x held (no synapse: unused). */
        private double currentAt(int j, double x, double i0, double t) {
            if (tauSyn == null) {
                return 0;
            }
            double iInf = wIn[j] * x;
            return iInf + (i0 - iInf) * Math.exp(-t / tauSyn[j]);
        }

        /**
         * v t after (v0, i0) under x held. With a synapse, I relaxes to I∞ = w_in·x with τ_syn and
         * v = v∞ + C·e^(−t/τ_syn) + (v0 − v∞ − C)·e^(−t/τ_mem), C = r·(I0 − I∞)·τ_syn/(τ_syn − τ_mem) (for equal
         * time constants the limit (v0 − v∞ + r·(I0 − I∞)·t/τ)·e^(−t/τ)); without a leak v gains r·∫I.
         */
        private double voltageAt(int j, double x, double v0, double i0, double t) {
            if (tauSyn == null) {
                if (tauMem == null) {
                    return v0 + t * r[j] * x;
                }
                double target = vLeak[j] + r[j] * x;
                return target + (v0 - target) * Math.exp(-t / tauMem[j]);
            }
            double iInf = wIn[j] * x;
            double tauS = tauSyn[j];
            double decaySyn = Math.exp(-t / tauS);
            if (tauMem == null) {
                return v0 + r[j] * (iInf * t + (i0 - iInf) * tauS * (1 - decaySyn));
            }
            double tauM = tauMem[j];
            double decayMem = Math.exp(-t / tauM);
            double vInf = vLeak[j] + r[j] * iInf;
            if (Math.abs(tauS - tauM) > 1e-9 * tauM) {
                double c = r[j] * (i0 - iInf) * tauS / (tauS - tauM);
                return vInf + c * decaySyn + (v0 - vInf - c) * decayMem;
            }
            return vInf + (v0 - vInf + r[j] * (i0 - iInf) * t / tauM) * decayMem;
        }

        @Override
        public void reset() {
            Arrays.fill(v, 0);
            Arrays.fill(current, 0);
        }

        @Override
        public double[] voltage() {
            return v;
        }

        private static double[] filled(int n, double value) {
            double[] a = new double[n];
            Arrays.fill(a, value);
            return a;
        }
    }
}
