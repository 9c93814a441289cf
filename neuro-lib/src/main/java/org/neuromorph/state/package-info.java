/**
 * Saved state: the {@link org.neuromorph.state.StateExchange} every stateful component (neuron models, plastic
 * rules, device arrays, projections) walks its arrays through, one method serving both save and load. The network
 * file format built on it is {@code network.NetworkState}.
 */
package org.neuromorph.state;
