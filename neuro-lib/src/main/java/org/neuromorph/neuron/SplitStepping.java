package org.neuromorph.neuron;

/**
 * A capability of a group's state beyond {@link NeuronDynamics}: its step split into disjoint ranges of neurons
 * that several threads advance at once ({@code beginStep}, then {@code advanceRange} on each range from any thread,
 * then {@code endStep}). Large groups of such models step on the network's threads; the rest step on one.
 */
public interface SplitStepping extends NeuronDynamics {
    /** Work of a step that precedes the per-neuron part, on the stepping thread. */
    default void beginStep(long step) {
    }

    /**
     * Integrates neurons [start, end) and writes the ones that spike, in increasing order, to
     * {@code spikes[start ...]}; returns how many. Ranges of one step never overlap.
     */
    int advanceRange(long step, double[] current, int start, int end, int[] spikes);

    /** Work of a step that follows the per-neuron part, on the stepping thread. */
    default void endStep(long step) {
    }

    /** The whole step as one range. */
    @Override
    default int advance(long step, double[] current, int[] spikes) {
        beginStep(step);
        int count = advanceRange(step, current, 0, size(), spikes);
        endStep(step);
        return count;
    }
}
