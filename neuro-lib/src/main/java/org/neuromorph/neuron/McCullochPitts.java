package org.neuromorph.neuron;

import java.util.Locale;
import java.util.SplittableRandom;
import org.neuromorph.state.StateExchange;

/**
 * The McCulloch-Pitts threshold unit (McCulloch &amp; Pitts 1943) in discrete time: a unit fires at step n + 1
 * when the weighted sum of the spikes that reached it at step n is at least its threshold θ,
 * <pre>  y(n+1) = 1  if  Σ_i w_i x_i(n) ≥ θ,  else 0</pre>
 * with no memory from one step to the next. Weights are plain numbers ({@code weight(1.0)}, negative for
 * inhibition), not volts. With θ ≤ 0 a unit fires when nothing inhibits it, which gives NOT and a bias.
 * An injected current has no meaning here and is refused.
 */
public final class McCullochPitts implements NeuronModel {
    private final double threshold;

    public McCullochPitts(double threshold) {
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold must be a finite number, got " + threshold);
        }
        this.threshold = threshold;
    }

    public double threshold() {
        return threshold;
    }

    @Override
    public String name() {
        return "McCulloch-Pitts";
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "McCullochPitts(θ=%s)", threshold);
    }

    @Override
    public NeuronDynamics instantiate(int size, double dt, SplittableRandom rng) {
        return new State(threshold, size);
    }

    private static final class State implements NeuronDynamics {
        private final double theta;
        private final double[] input;
        private final double[] output;

        State(double theta, int size) {
            this.theta = theta;
            input = new double[size];
            output = new double[size];
        }

        @Override
        public int size() {
            return input.length;
        }

        @Override
        public void integrate(long step, double[] current) {
            for (double c : current) {
                if (c != 0) {
                    throw new IllegalStateException("a McCulloch-Pitts unit takes weighted spikes, not currents; "
                            + "drive it from a spike source instead of inject(...)");
                }
            }
        }

        /** Tests the sums of the previous step's inputs, then clears them for this step's deliveries. */
        @Override
        public int threshold(long step, int[] spikes) {
            int count = 0;
            for (int i = 0; i < input.length; i++) {
                boolean fires = input[i] >= theta;
                output[i] = fires ? 1 : 0;
                if (fires) {
                    spikes[count++] = i;
                }
                input[i] = 0;
            }
            return count;
        }

        @Override
        public void addVoltage(int neuron, double weight) {
            input[neuron] += weight;
        }

        @Override
        public String inputUnit() {
            return "1";
        }

        @Override
        public void reset(long step, int[] spikes, int count) {
            // no state survives a step
        }

        @Override
        public void exchangeState(StateExchange state) {
            state.doubles("y", output);
            state.doubles("input", input);
        }

        @Override
        public String[] variables() {
            return new String[] {"y"};
        }

        @Override
        public double[] variable(String name) {
            if (name.equals("y")) {
                return output;
            }
            throw new IllegalArgumentException("a McCulloch-Pitts unit has one variable, y (its output, 0 or 1)");
        }
    }
}
