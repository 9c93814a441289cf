package org.neuromorph.monitor;

/** What spike and rate monitors record: a named group of units and the spikes of the step just taken. */
public interface SpikeSource {
    String name();

    int size();

    /** Indices of the units that spiked in the current step; the first {@link #spikeCount()} are valid. */
    int[] spikes();

    int spikeCount();
}
