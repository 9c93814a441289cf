package org.neuromorph.crossbar;

import java.util.Arrays;
import org.neuromorph.device.PulseRounding;
import org.neuromorph.random.SplitMix64;

/**
 * The outer-product update W += rate·d·xᵀ applied in parallel as device pulses, by one of {@link Crossbar.Update}'s
 * schemes. Holds what the schemes keep between updates: the random stream of their stochastic rounding and
 * coincidences, and mixed precision's high-precision copy of the weights.
 */
final class OuterProductUpdate {
    /** Stochastic pulse coincidence's time slots per update (BL in Gokmen &amp; Vlasov 2016). */
    private static final int SLOTS = 10;

    private final SplitMix64 rng;
    /** The high-precision weights of {@link Crossbar.Update#MIXED_PRECISION}, inputs × outputs; null until used. */
    private double[] precise;

    OuterProductUpdate(long seed) {
        rng = new SplitMix64(seed * 31 + 7);
    }

    /** Mixed-precision updates start again from what the devices hold (after programming). */
    void restart() {
        precise = null;
    }

    void apply(WeightMapping mapping, double[] x, double[] d, double rate, Crossbar.Update how) {
        double pulsesPerWeight = mapping.beta / mapping.model.nominalStep();
        switch (how) {
            case MIXED_PRECISION -> mixedPrecision(mapping, x, d, rate, pulsesPerWeight);
            case PULSE_COUNT -> pulseCount(mapping, x, d, rate, pulsesPerWeight);
            case STOCHASTIC -> coincidences(mapping, x, d, rate, pulsesPerWeight);
        }
    }

    private void mixedPrecision(WeightMapping m, double[] x, double[] d, double rate, double pulsesPerWeight) {
        int inputs = m.inputs;
        int outputs = m.outputs;
        if (precise == null) {
            precise = new double[inputs * outputs];
            for (int k = 0; k < precise.length; k++) {
                precise[k] = m.heldWeight(k / outputs, k);
            }
        }
        for (int i = 0; i < inputs; i++) {
            if (x[i] == 0) {
                continue; // a silent row changes nothing (ReLU layers have many)
            }
            for (int j = 0; j < outputs; j++) {
                int k = i * outputs + j;
                // the copy stays inside what the devices can hold, as in hardware, or a device at its bound would
                // be sent the same futile pulses at every update while its copy ran away
                precise[k] = m.reachable(i, k, precise[k] + rate * d[j] * x[i]);
                pulse(m, k, (int) ((precise[k] - m.heldWeight(i, k)) * pulsesPerWeight));
            }
        }
    }

    private void pulseCount(WeightMapping m, double[] x, double[] d, double rate, double pulsesPerWeight) {
        for (int i = 0; i < m.inputs; i++) {
            for (int j = 0; j < m.outputs; j++) {
                pulse(m, i * m.outputs + j, PulseRounding.round(rate * d[j] * x[i] * pulsesPerWeight, rng));
            }
        }
    }

    private void coincidences(WeightMapping m, double[] x, double[] d, double rate, double pulsesPerWeight) {
        int inputs = m.inputs;
        int outputs = m.outputs;
        double xMax = Arrays.stream(x).map(Math::abs).max().orElse(0);
        double dMax = Arrays.stream(d).map(Math::abs).max().orElse(0);
        if (xMax == 0 || dMax == 0) {
            return;
        }
        // probabilities p_i = |x_i|/xMax·cx and q_j = |d_j|/dMax·cd with cx·cd·slots = rate·xMax·dMax·pulsesPerWeight,
        // split evenly and capped at 1 (a larger request saturates at one pulse per slot)
        double product = Math.abs(rate) * xMax * dMax * pulsesPerWeight / SLOTS;
        double c = Math.min(1, Math.sqrt(product));
        double cx = c;
        double cd = Math.min(1, product / c);
        boolean[][] rowFires = new boolean[SLOTS][inputs];
        boolean[][] colFires = new boolean[SLOTS][outputs];
        for (int s = 0; s < SLOTS; s++) {
            for (int i = 0; i < inputs; i++) {
                rowFires[s][i] = rng.nextDouble() < Math.abs(x[i]) / xMax * cx;
            }
            for (int j = 0; j < outputs; j++) {
                colFires[s][j] = rng.nextDouble() < Math.abs(d[j]) / dMax * cd;
            }
        }
        for (int i = 0; i < inputs; i++) {
            for (int j = 0; j < outputs; j++) {
                int count = 0;
                for (int s = 0; s < SLOTS; s++) {
                    if (rowFires[s][i] && colFires[s][j]) {
                        count++;
                    }
                }
                pulse(m, i * outputs + j, (int) Math.signum(rate * x[i] * d[j]) * count);
            }
        }
    }

    private static void pulse(WeightMapping m, int k, int n) {
        if (n != 0) {
            m.pulse(k, n);
        }
    }
}
