/**
 * Neuron models: LIF, AdEx, Izhikevich, McCulloch-Pitts threshold units and models written by the user
 * ({@link org.neuromorph.neuron.CustomNeuron}); each steps a whole group on primitive arrays.
 */
package org.neuromorph.neuron;
