/**
 * Spiking networks: {@link org.neuromorph.network.Network} holds populations — neuron groups and the inputs that
 * drive them (Poisson groups, given spike times; currents injected into groups) — projections (synapses with
 * delays and plasticity) and monitors ({@link org.neuromorph.monitor}), and steps them with a fixed dt; its file
 * format ({@link org.neuromorph.network.NetworkState}) and the step threads its loops use.
 */
package org.neuromorph.network;
