/**
 * Spiking networks: {@link org.neuromorph.network.Network} holds neuron groups, projections (synapses with
 * delays and plasticity) and monitors and steps them with a fixed dt; seeded random streams, saved state, progress
 * and interrupt checks for long runs, and the primitive-array lists the step loops use.
 */
package org.neuromorph.network;
