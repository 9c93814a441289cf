package org.neuromorph.device;

import org.neuromorph.random.SplitMix64;

/**
 * How a wanted change becomes whole programming pulses, for every learning scheme that drives devices (crossbar
 * updates, plastic projections on devices): the change in nominal steps ({@link DeviceModel#nominalStep}) is
 * rounded stochastically, down or up with the probabilities that keep its expected value, so changes smaller than
 * a step still add up over many updates instead of vanishing.
 */
public final class PulseRounding {
    private PulseRounding() {
    }

    /** {@code pulses} (a real number of nominal steps, negative to depress) as whole pulses; draws once from rng. */
    public static int round(double pulses, SplitMix64 rng) {
        double whole = Math.floor(pulses);
        return (int) whole + (rng.nextDouble() < pulses - whole ? 1 : 0);
    }
}
