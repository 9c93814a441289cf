/**
 * Monitors: what a run records step by step (spikes, population rates, state variables, weights) from the sources
 * that networks hand them ({@link org.neuromorph.monitor.SpikeSource}, {@link org.neuromorph.monitor.StateSource},
 * {@link org.neuromorph.monitor.WeightSource}). A network makes them ({@code net.monitorSpikes(group)} and its
 * siblings) and calls them at every step; they know nothing of networks.
 */
package org.neuromorph.monitor;
