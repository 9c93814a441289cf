package org.neuromorph.plasticity;

/**
 * A learning rule for the synapses of a projection: given the projection's sizes and time step, it makes the
 * {@link Learning} that holds the rule's traces and changes the weights at pre- and postsynaptic spikes.
 */
public interface Plasticity {
    Learning instantiate(int preSize, int postSize, int synapses, double dt);
}
