package org.neuromorph.monitor;

import java.util.Locale;

/** Records every spike of a population as (time, index), in order of time. */
public final class SpikeMonitor implements Monitor {
    private final SpikeSource source;
    private final IntList steps = new IntList(1024);
    private final IntList indices = new IntList(1024);
    private double dt;
    private long recordedSteps;

    /** Records {@code source}'s spikes; a network makes one with {@code net.monitorSpikes(group)}. */
    public SpikeMonitor(SpikeSource source) {
        this.source = source;
    }

    public SpikeSource source() {
        return source;
    }

    @Override
    public void afterThreshold(long step, double dt) {
        this.dt = dt;
        recordedSteps++;
        int count = source.spikeCount();
        steps.addCopies((int) step, count);
        indices.addAll(source.spikes(), count);
    }

    /** Total number of spikes recorded. */
    public int count() {
        return steps.size();
    }

    /** Spike times in seconds (start of the step in which each spike occurred). */
    public double[] times() {
        double[] t = new double[steps.size()];
        for (int k = 0; k < t.length; k++) {
            t[k] = steps.get(k) * dt;
        }
        return t;
    }

    /** Step index of each spike. */
    public int[] steps() {
        return steps.toArray();
    }

    /** Index of the unit that fired each spike. */
    public int[] indices() {
        return indices.toArray();
    }

    /** Spike times (s) of one unit. */
    public double[] spikeTrain(int unit) {
        DoubleList t = new DoubleList(16);
        for (int k = 0; k < indices.size(); k++) {
            if (indices.get(k) == unit) {
                t.add(steps.get(k) * dt);
            }
        }
        return t.toArray();
    }

    /** Spike count of each unit. */
    public int[] countsPerUnit() {
        int[] counts = new int[source.size()];
        for (int k = 0; k < indices.size(); k++) {
            counts[indices.get(k)]++;
        }
        return counts;
    }

    /** Recorded time span in seconds. */
    public double duration() {
        return recordedSteps * dt;
    }

    /** Mean firing rate per unit over the recorded time, in Hz. */
    public double meanRate() {
        double duration = duration();
        return duration == 0 ? 0 : count() / (duration * source.size());
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SpikeMonitor(%s: %d spikes in %.4g s, mean rate %.4g Hz)",
                source.name(), count(), duration(), meanRate());
    }
}
