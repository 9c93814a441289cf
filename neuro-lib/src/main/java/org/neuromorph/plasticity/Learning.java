package org.neuromorph.plasticity;

import org.neuromorph.state.StateExchange;

/**
 * A rule's live state on one projection. The simulator calls it event by event, in Brian2's order: in a step,
 * first {@link #onPre} for each presynaptic spike (after its synapses have delivered their current weights), then
 * {@link #onPost} for each postsynaptic spike. Traces are kept per neuron and decayed when read, so silent
 * synapses cost nothing.
 */
public interface Learning {
    /**
     * Presynaptic unit {@code pre} spiked at {@code step}; its synapses are {@code [from, to)}, with targets
     * {@code target[s]}; the rule updates {@code weight[s]} in place.
     */
    void onPre(long step, int pre, int from, int to, int[] target, double[] weight);

    /**
     * Postsynaptic neuron {@code post} spiked at {@code step}; its incoming synapses are
     * {@code synapses[from .. to)}, from presynaptic units {@code source[s]}.
     */
    void onPost(long step, int post, int[] synapses, int from, int to, int[] source, double[] weight);

    /** Walks the traces for save and load. */
    void exchangeState(StateExchange state);

    /** Whether {@link #onStep} has work to do (the projection skips the call otherwise). */
    default boolean actsEveryStep() {
        return false;
    }

    /** Once per step after the spikes' updates, over all synapses ({@code source[s] → target[s]}). */
    default void onStep(long step, int[] source, int[] target, double[] weight) {
    }

    /** A modulator (reward) signal arrived at {@code step}; the rule may change any synapse. */
    default void onModulator(long step, double signal, int[] source, int[] target, double[] weight) {
        throw new IllegalStateException("this rule (" + this + ") takes no modulator signal: write a CustomRule "
                + "with an onModulator hook for a three-factor rule");
    }
}
