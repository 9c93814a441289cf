package org.neuromorph.network;

/**
 * Reads one value from every cache line of a step's spike rows (targets, weights, delays) before they are used.
 * In a large network the rows are cold (tens of MiB of synapses, each row read a few times a second): read row by
 * row between the scattered updates, few of their misses are in flight at once; read here, with nothing depending
 * on them, the misses of all rows overlap, and the delivery loops that follow find the rows in the cache. What it
 * saves is measured by {@code bench/run-cuba-bench.sh} (CUBA's delivery at 16,000 and 64,000 neurons).
 */
final class RowWarming {
    private static final int INTS_PER_LINE = 16;
    private static final int DOUBLES_PER_LINE = 8;

    private RowWarming() {
    }

    /** Touches the rows of the spiking units; returns a fold of what it read (for the caller to keep). */
    static long warm(int[] spikes, int spikeCount, int[] rowStart, int[] target, double[] weight, int[] delaySteps) {
        long x = 0;
        for (int k = 0; k < spikeCount; k++) {
            int i = spikes[k];
            int from = rowStart[i];
            int last = rowStart[i + 1] - 1;
            if (last < from) {
                continue;
            }
            x ^= foldLines(target, from, last);
            for (int s = from; s < last; s += DOUBLES_PER_LINE) {
                x ^= Double.doubleToRawLongBits(weight[s]);
            }
            x ^= Double.doubleToRawLongBits(weight[last]);
            if (delaySteps != null) {
                x ^= foldLines(delaySteps, from, last);
            }
        }
        return x;
    }

    /** One value from each cache line of values[from..last], folded together. */
    private static int foldLines(int[] values, int from, int last) {
        int x = values[last];
        for (int s = from; s < last; s += INTS_PER_LINE) {
            x ^= values[s];
        }
        return x;
    }
}
