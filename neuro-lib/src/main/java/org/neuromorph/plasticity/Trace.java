package org.neuromorph.plasticity;

import org.neuromorph.state.StateExchange;

/**
 * One exponentially decaying trace per neuron, updated only at events: the value is stored with the step it was
 * last brought up to date, and decayed exactly (exp(-Δsteps·dt/τ)) when read, as Brian2's event-driven
 * variables are.
 */
final class Trace {
    private final double[] value;
    private final long[] updated;
    private final double stepsPerTau;
    private final String name;

    Trace(String name, int size, double tau, double dt) {
        this.name = name;
        value = new double[size];
        updated = new long[size];
        stepsPerTau = dt / tau;
    }

    /** The trace of neuron i at {@code step}, decayed to it (and stored so). */
    double at(int i, long step) {
        long elapsed = step - updated[i];
        if (elapsed != 0) {
            value[i] *= Math.exp(-elapsed * stepsPerTau);
            updated[i] = step;
        }
        return value[i];
    }

    /** Adds {@code amount} (all-to-all interaction) or sets the trace to it (nearest-spike), at {@code step}. */
    void bump(int i, long step, double amount, boolean nearest) {
        double now = at(i, step);
        value[i] = nearest ? amount : now + amount;
    }

    /** Sets neuron i's value; call {@link #at} at the same step first, so the value is dated now. */
    void set(int i, double v) {
        value[i] = v;
    }

    void exchangeState(StateExchange state) {
        state.doubles(name, value);
        state.longs(name + "Step", updated);
    }
}
