/**
 * Spike sources and stimuli for networks: Poisson groups, given spike times, injected currents.
 */
package org.neuromorph.input;
