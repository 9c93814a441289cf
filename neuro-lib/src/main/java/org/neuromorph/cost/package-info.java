/**
 * What a network costs on the hardware it is simulated on: energy, latency and area per layer or projection and in
 * total, with the figures people compare (energy per inference, inferences per second, TOPS/W, TOPS/mm²) and a
 * digital baseline for the same work. {@link org.neuromorph.cost.CostModel} holds the design point (every figure
 * sourced and settable); {@link org.neuromorph.cost.Costs} turns a simulation's counts into a
 * {@link org.neuromorph.cost.CostReport}.
 */
package org.neuromorph.cost;
