package org.neuromorph.network;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.neuromorph.units.Time;

/** A source that fires given units at given times (each time rounded to its step). */
public final class SpikeTimesGroup extends Population {
    private final int[] sortedIndices;
    private final double[] sortedTimes;
    private long[] sortedSteps;
    private int next;

    public SpikeTimesGroup(String name, int size, int[] indices, Time[] times) {
        super(name, size);
        if (indices.length != times.length) {
            throw new IllegalArgumentException("spike times of '" + name + "': " + indices.length
                    + " indices but " + times.length + " times");
        }
        Integer[] order = new Integer[indices.length];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
            if (indices[k] < 0 || indices[k] >= size) {
                throw new IllegalArgumentException("spike times of '" + name + "': index " + indices[k]
                        + " is outside 0.." + (size - 1));
            }
        }
        Arrays.sort(order, (a, b) -> Double.compare(times[a].si(), times[b].si()));
        sortedIndices = new int[order.length];
        sortedTimes = new double[order.length];
        for (int k = 0; k < order.length; k++) {
            sortedIndices[k] = indices[order[k]];
            sortedTimes[k] = times[order[k]].si();
        }
    }

    /** The times (s) at which {@code unit} fires, in order. */
    public double[] spikeTimes(int unit) {
        return IntStream.range(0, sortedIndices.length).filter(k -> sortedIndices[k] == unit)
                .mapToDouble(k -> sortedTimes[k]).toArray();
    }

    @Override
    protected void initialize(double dt, SplittableRandom rng) {
        sortedSteps = new long[sortedTimes.length];
        for (int k = 0; k < sortedTimes.length; k++) {
            sortedSteps[k] = Math.round(sortedTimes[k] / dt);
        }
    }

    @Override
    public String description() {
        return "SpikeTimes(" + size() + " units, " + sortedTimes.length + " spikes, hash "
                + (31 * Arrays.hashCode(sortedIndices) + Arrays.hashCode(sortedTimes)) + ")";
    }

    @Override
    protected void update(long step, double dt) {
        int count = 0;
        while (next < sortedSteps.length && sortedSteps[next] < step) {
            next++; // times before the network's current step are skipped
        }
        while (next < sortedSteps.length && sortedSteps[next] == step) {
            int unit = sortedIndices[next++];
            if (count == 0 || spikes[count - 1] != unit) {
                spikes[count++] = unit;
            }
        }
        spikeCount = count;
    }
}
