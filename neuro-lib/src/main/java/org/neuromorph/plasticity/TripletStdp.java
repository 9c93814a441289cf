package org.neuromorph.plasticity;

import java.util.Locale;
import org.neuromorph.state.StateExchange;
import org.neuromorph.units.Time;

/**
 * Triplet STDP (Pfister &amp; Gerstner 2006, J Neurosci 26:9673). Presynaptic traces r1 (τ+) and r2 (τx),
 * postsynaptic traces o1 (τ−) and o2 (τy). At a pre spike: w ← w − o1·(A2− + A3−·r2), then r1 and r2 jump; at a
 * post spike: w ← w + r1·(A2+ + A3+·o2), then o1 and o2 jump; each "other" trace is read just before its own
 * jump. All-to-all (traces add 1) or nearest-spike (traces set to 1). Additive, with hard bounds.
 */
public final class TripletStdp implements Plasticity {
    private final String name;
    private final double a2Plus;
    private final double a3Plus;
    private final double a2Minus;
    private final double a3Minus;
    private final double tauPlus;
    private final double tauMinus;
    private final double tauX;
    private final double tauY;
    private final Pairing pairing;
    private WeightBounds bounds = WeightBounds.NONNEGATIVE;

    /**
     * A rule with explicit parameters. Times in SI; A's in the weight's unit (relative changes when weights are
     * normalised to 1, as in the paper).
     */
    public TripletStdp(String name, double a2Plus, double a3Plus, double a2Minus, double a3Minus, Time tauPlus,
            Time tauMinus, Time tauX, Time tauY, Pairing pairing) {
        this.name = name;
        this.a2Plus = a2Plus;
        this.a3Plus = a3Plus;
        this.a2Minus = a2Minus;
        this.a3Minus = a3Minus;
        this.tauPlus = tauPlus.si();
        this.tauMinus = tauMinus.si();
        this.tauX = tauX.si();
        this.tauY = tauY.si();
        this.pairing = pairing;
        for (double tau : new double[] {this.tauPlus, this.tauMinus, this.tauX, this.tauY}) {
            if (!(tau > 0)) {
                throw new IllegalArgumentException("triplet STDP time constants must be > 0, got " + this);
            }
        }
    }

    private static TripletStdp pfisterGerstner(String name, double a2p, double a3p, double a2m, double a3m,
            double tauXms, double tauYms, Pairing pairing) {
        return new TripletStdp(name, a2p, a3p, a2m, a3m, new Time(16.8e-3), new Time(33.7e-3),
                new Time(tauXms * 1e-3), new Time(tauYms * 1e-3), pairing);
    }

    // Pfister & Gerstner 2006 fit visual cortex data (Sjöström et al. 2001) in their Table 3 and hippocampal data
    // (Bi & Poo 1998, Wang et al. 2005) in Table 4. In a minimal model A3− = 0, so τx does not enter; 101 ms (the
    // visual cortex full model's) keeps the trace well defined.

    /** Visual cortex, all-to-all, full model (Table 3). */
    public static TripletStdp visualCortexAllToAll() {
        return pfisterGerstner("visual cortex, all-to-all, full", 5e-10, 6.2e-3, 7e-3, 2.3e-4, 101, 125,
                Pairing.ALL_TO_ALL);
    }

    /** Visual cortex, all-to-all, minimal model (A2+ = A3− = 0; τy = 114 ms, not the full model's 125 ms). */
    public static TripletStdp visualCortexAllToAllMinimal() {
        return pfisterGerstner("visual cortex, all-to-all, minimal", 0, 6.5e-3, 7.1e-3, 0, 101, 114,
                Pairing.ALL_TO_ALL);
    }

    /** Visual cortex, nearest-spike, full model (Table 3). */
    public static TripletStdp visualCortexNearest() {
        return pfisterGerstner("visual cortex, nearest-spike, full", 8.8e-11, 5.3e-2, 6.6e-3, 3.1e-3, 714, 40,
                Pairing.NEAREST);
    }

    /** Visual cortex, nearest-spike, minimal model (Table 3). */
    public static TripletStdp visualCortexNearestMinimal() {
        return pfisterGerstner("visual cortex, nearest-spike, minimal", 0, 5e-2, 8e-3, 0, 101, 40, Pairing.NEAREST);
    }

    /** Hippocampal cultures, all-to-all, full model (Table 4). */
    public static TripletStdp hippocampalAllToAll() {
        return pfisterGerstner("hippocampal, all-to-all, full", 6.1e-3, 6.7e-3, 1.6e-3, 1.4e-3, 946, 27,
                Pairing.ALL_TO_ALL);
    }

    /** Hippocampal cultures, all-to-all, minimal model (A3− = 0; Table 4). */
    public static TripletStdp hippocampalAllToAllMinimal() {
        return pfisterGerstner("hippocampal, all-to-all, minimal", 5.3e-3, 8e-3, 3.5e-3, 0, 101, 40,
                Pairing.ALL_TO_ALL);
    }

    /** Hippocampal cultures, nearest-spike, full model (Table 4; A3− = 7.5·10⁻⁹ is the fit's zero). */
    public static TripletStdp hippocampalNearest() {
        return pfisterGerstner("hippocampal, nearest-spike, full", 4.6e-3, 9.1e-3, 3e-3, 7.5e-9, 575, 47,
                Pairing.NEAREST);
    }

    /** Hard bounds of the weight (default [0, ∞)). */
    public TripletStdp bounds(double min, double max) {
        bounds = new WeightBounds(min, max);
        return this;
    }

    @Override
    public Learning instantiate(int preSize, int postSize, int synapses, double dt) {
        return new State(preSize, postSize, dt);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "TripletStdp(%s: A2+=%s, A3+=%s, A2-=%s, A3-=%s, tau+=%s, tau-=%s, tau_x=%s, tau_y=%s, %s)",
                name, a2Plus, a3Plus, a2Minus, a3Minus, new Time(tauPlus), new Time(tauMinus), new Time(tauX),
                new Time(tauY), bounds);
    }

    private final class State implements Learning {
        private final Trace r1;
        private final Trace r2;
        private final Trace o1;
        private final Trace o2;
        private final boolean nearest = pairing == Pairing.NEAREST;

        State(int preSize, int postSize, double dt) {
            r1 = new Trace("r1", preSize, tauPlus, dt);
            r2 = new Trace("r2", preSize, tauX, dt);
            o1 = new Trace("o1", postSize, tauMinus, dt);
            o2 = new Trace("o2", postSize, tauY, dt);
        }

        @Override
        public void onPre(long step, int i, int from, int to, int[] target, double[] weight) {
            double r2Before = r2.at(i, step);
            for (int s = from; s < to; s++) {
                double depression = o1.at(target[s], step) * (a2Minus + a3Minus * r2Before);
                weight[s] = bounds.clip(weight[s] - depression);
            }
            r1.bump(i, step, 1, nearest);
            r2.bump(i, step, 1, nearest);
        }

        @Override
        public void onPost(long step, int j, int[] synapses, int from, int to, int[] source, double[] weight) {
            double o2Before = o2.at(j, step);
            for (int k = from; k < to; k++) {
                int s = synapses[k];
                double potentiation = r1.at(source[s], step) * (a2Plus + a3Plus * o2Before);
                weight[s] = bounds.clip(weight[s] + potentiation);
            }
            o1.bump(j, step, 1, nearest);
            o2.bump(j, step, 1, nearest);
        }

        @Override
        public void exchangeState(StateExchange state) {
            r1.exchangeState(state);
            r2.exchangeState(state);
            o1.exchangeState(state);
            o2.exchangeState(state);
        }
    }
}
