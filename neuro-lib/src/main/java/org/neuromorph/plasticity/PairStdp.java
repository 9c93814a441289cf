package org.neuromorph.plasticity;

import java.util.Locale;
import java.util.Objects;
import org.neuromorph.state.StateExchange;
import org.neuromorph.units.Time;

/**
 * Pair-based STDP with exponential windows: a post spike Δt = t_post − t_pre after a pre spike changes the weight
 * by A+·e^(−Δt/τ+); a pre spike |Δt| after a post spike by −A−·e^(−|Δt|/τ−). Additive (the change does not
 * depend on the weight, clipped to the bounds) or multiplicative / soft-bound (potentiation scales with
 * w_max − w, depression with w − w_min, as in van Rossum, Bi &amp; Turrigiano 2000). All-to-all or nearest-spike
 * pairing. Amplitudes are in the projection's weight unit (SI) for additive updates and fractions of the span
 * for multiplicative ones.
 */
public final class PairStdp implements Plasticity {
    private double aPlus = 0.01;
    private double aMinus = 0.0105;
    private double tauPlus = 20e-3;
    private double tauMinus = 20e-3;
    private boolean multiplicative;
    private Pairing pairing = Pairing.ALL_TO_ALL;
    private WeightBounds bounds = WeightBounds.NONNEGATIVE;

    /**
     * The time constants of the fits to Bi &amp; Poo's hippocampal data (τ+ = 16.8 ms, τ− = 33.7 ms; Bi &amp; Poo 2001,
     * Annu Rev Neurosci 24:139, as used by Pfister &amp; Gerstner 2006), with the amplitudes given.
     */
    public static PairStdp biPoo(double aPlus, double aMinus) {
        return new PairStdp().amplitudes(aPlus, aMinus).timeConstants(new Time(16.8e-3), new Time(33.7e-3));
    }

    /** The rule's parameters, for what writes it elsewhere (an export): amplitudes, time constants, bounds. */
    public record Parameters(double aPlus, double aMinus, double tauPlus, double tauMinus, boolean multiplicative,
            Pairing pairing, double wMin, double wMax) {
    }

    public Parameters parameters() {
        return new Parameters(aPlus, aMinus, tauPlus, tauMinus, multiplicative, pairing, bounds.min(), bounds.max());
    }

    /** A+ (potentiation) and A− (the size of depression, ≥ 0). */
    public PairStdp amplitudes(double plus, double minus) {
        if (!(plus >= 0) || !(minus >= 0)) {
            throw new IllegalArgumentException("STDP amplitudes are sizes (≥ 0; depression is applied as −A−), got A+ = "
                    + plus + ", A− = " + minus);
        }
        aPlus = plus;
        aMinus = minus;
        return this;
    }

    public PairStdp timeConstants(Time plus, Time minus) {
        if (!(plus.si() > 0) || !(minus.si() > 0)) {
            throw new IllegalArgumentException("STDP time constants must be > 0, got " + plus + " and " + minus);
        }
        tauPlus = plus.si();
        tauMinus = minus.si();
        return this;
    }

    /** Changes independent of the weight, clipped to the bounds (the default). */
    public PairStdp additive() {
        multiplicative = false;
        return this;
    }

    /** Soft bounds: potentiation ∝ (w_max − w), depression ∝ (w − w_min); needs a finite upper bound. */
    public PairStdp multiplicative() {
        multiplicative = true;
        return this;
    }

    public PairStdp pairing(Pairing value) {
        pairing = Objects.requireNonNull(value);
        return this;
    }

    /** Hard bounds of the weight (default [0, ∞)). */
    public PairStdp bounds(double min, double max) {
        bounds = new WeightBounds(min, max);
        return this;
    }

    /** The weight change this rule makes for one isolated pair at Δt = t_post − t_pre (additive form). */
    public double window(Time deltaT) {
        double dt = deltaT.si();
        return dt >= 0 ? aPlus * Math.exp(-dt / tauPlus) : -aMinus * Math.exp(dt / tauMinus);
    }

    @Override
    public Learning instantiate(int preSize, int postSize, int synapses, double dt) {
        if (multiplicative && Double.isInfinite(bounds.max())) {
            throw new IllegalArgumentException("multiplicative STDP scales with w_max − w: set bounds(min, max) first");
        }
        return new State(preSize, postSize, dt);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "PairStdp(A+=%s, A-=%s, tau+=%s, tau-=%s, %s, %s, %s)",
                aPlus, aMinus, new Time(tauPlus), new Time(tauMinus), multiplicative ? "multiplicative" : "additive",
                pairing, bounds);
    }

    private final class State implements Learning {
        /** Presynaptic trace x (τ+) per pre unit, postsynaptic trace y (τ−) per post neuron; both jump to/by 1. */
        private final Trace pre;
        private final Trace post;
        private final boolean nearest = pairing == Pairing.NEAREST;

        State(int preSize, int postSize, double dt) {
            pre = new Trace("x", preSize, tauPlus, dt);
            post = new Trace("y", postSize, tauMinus, dt);
        }

        @Override
        public void onPre(long step, int i, int from, int to, int[] target, double[] weight) {
            for (int s = from; s < to; s++) {
                double y = post.at(target[s], step);
                if (y != 0) {
                    double w = weight[s];
                    double change = multiplicative ? -aMinus * (w - bounds.min()) * y : -aMinus * y;
                    weight[s] = bounds.clip(w + change);
                }
            }
            pre.bump(i, step, 1, nearest);
        }

        @Override
        public void onPost(long step, int j, int[] synapses, int from, int to, int[] source, double[] weight) {
            for (int k = from; k < to; k++) {
                int s = synapses[k];
                double x = pre.at(source[s], step);
                if (x != 0) {
                    double w = weight[s];
                    double change = multiplicative ? aPlus * (bounds.max() - w) * x : aPlus * x;
                    weight[s] = bounds.clip(w + change);
                }
            }
            post.bump(j, step, 1, nearest);
        }

        @Override
        public void exchangeState(StateExchange state) {
            pre.exchangeState(state);
            post.exchangeState(state);
        }
    }
}
