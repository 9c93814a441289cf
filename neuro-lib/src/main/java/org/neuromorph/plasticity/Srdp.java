package org.neuromorph.plasticity;

import java.util.Arrays;
import java.util.Locale;
import org.neuromorph.state.StateExchange;
import org.neuromorph.units.Time;

/**
 * Spike-rate-dependent plasticity as the 4-transistor/1-RRAM synapse of Milo et al. 2018 (IEEE TVLSI 26:2806)
 * produces it: each presynaptic spike opens a time window τ_D in the circuit; a presynaptic spike that arrives
 * while the window of the previous one is still open overlaps it and drives a SET (potentiation, +A_set), one that
 * arrives after it closed drives a RESET (depression, −A_reset). At presynaptic rate f a Poisson input overlaps
 * with probability 1 − e^(−f·τ_D), so high rates potentiate and low rates depress; on binary RRAM the synapse ends
 * up set with that probability. The circuit is reduced to this gating (see PHYSICS.md); post spikes play no part.
 */
public final class Srdp implements Plasticity {
    private final double window;
    private final double aSet;
    private final double aReset;
    private WeightBounds bounds = WeightBounds.NONNEGATIVE;

    public Srdp(Time window, double aSet, double aReset) {
        if (!(window.si() > 0) || !(aSet >= 0) || !(aReset >= 0)) {
            throw new IllegalArgumentException("SRDP needs a window > 0 and amplitudes ≥ 0, got " + window + ", "
                    + aSet + ", " + aReset);
        }
        this.window = window.si();
        this.aSet = aSet;
        this.aReset = aReset;
    }

    public Srdp bounds(double min, double max) {
        bounds = new WeightBounds(min, max);
        return this;
    }

    /** The probability that a Poisson input at {@code rateHz} potentiates at a given spike: 1 − e^(−f·τ_D). */
    public double potentiationProbability(double rateHz) {
        return 1 - Math.exp(-rateHz * window);
    }

    @Override
    public Learning instantiate(int preSize, int postSize, int synapses, double dt) {
        long windowSteps = Math.round(window / dt);
        long[] lastPre = new long[preSize];
        Arrays.fill(lastPre, Long.MIN_VALUE / 2);
        return new Learning() {
            @Override
            public void onPre(long step, int pre, int from, int to, int[] target, double[] weight) {
                double change = step - lastPre[pre] < windowSteps ? aSet : -aReset;
                lastPre[pre] = step;
                for (int s = from; s < to; s++) {
                    weight[s] = bounds.clip(weight[s] + change);
                }
            }

            @Override
            public void onPost(long step, int post, int[] synapses, int from, int to, int[] source, double[] weight) {
            }

            @Override
            public void exchangeState(StateExchange state) {
                state.longs("lastPre", lastPre);
            }
        };
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Srdp(window=%s, A_set=%s, A_reset=%s, %s)",
                new Time(window), aSet, aReset, bounds);
    }
}
