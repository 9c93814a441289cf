package org.neuromorph.neuron;

import java.util.SplittableRandom;

/**
 * A neuron model: its parameters, and a factory for the state of a group of neurons under a fixed time step.
 * A new model is one class implementing this interface and {@link NeuronDynamics}.
 */
public interface NeuronModel {
    /** A short name for tables and summaries, e.g. "LIF". */
    String name();

    /**
     * Creates the state of {@code size} neurons of this model.
     *
     * @param dt  the simulation time step in seconds
     * @param rng a generator for random initial states, seeded by the network
     */
    NeuronDynamics instantiate(int size, double dt, SplittableRandom rng);
}
