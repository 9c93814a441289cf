package org.neuromorph.plasticity;

/** How spikes pair up in a trace rule. */
public enum Pairing {
    /** Every pre spike pairs with every post spike (traces add up). */
    ALL_TO_ALL,
    /** Each spike pairs only with the nearest earlier spike of the other side (traces reset to 1). */
    NEAREST
}
