package org.neuromorph.monitor;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Snapshots of a projection's weights (all synapses, or chosen ones in CSR order) every {@code interval} steps,
 * taken at the start of a step, so plastic weights can be followed over a run.
 */
public final class WeightMonitor implements Monitor {
    private final WeightSource projection;
    private final long interval;
    private final int[] chosen;
    private int[] synapses;
    private final DoubleList values = new DoubleList(1024);
    private final DoubleList times = new DoubleList(64);

    /**
     * Takes a snapshot every {@code intervalSteps} steps; a network makes one with
     * {@code net.monitorWeights(projection, interval)}.
     */
    public WeightMonitor(WeightSource projection, long intervalSteps, int[] synapses) {
        if (intervalSteps < 1) {
            throw new IllegalArgumentException("a weight monitor's interval must be at least one step");
        }
        this.projection = projection;
        this.interval = intervalSteps;
        this.chosen = synapses.clone();
    }

    @Override
    public void atStepStart(long step, double dt) {
        if (step % interval != 0) {
            return;
        }
        double[] w = projection.weights();
        if (synapses == null) {
            synapses = chosen.length > 0 ? chosen : IntStream.range(0, w.length).toArray();
            for (int s : synapses) {
                if (s < 0 || s >= w.length) {
                    throw new IllegalArgumentException("weight monitor of '" + projection.name() + "': synapse " + s
                            + " does not exist (it has " + w.length + ")");
                }
            }
        }
        times.add(step * dt);
        for (int s : synapses) {
            values.add(w[s]);
        }
    }

    /** Snapshot times in seconds. */
    public double[] times() {
        return times.toArray();
    }

    /** The weights of snapshot k, one per monitored synapse. */
    public double[] snapshot(int k) {
        int n = synapses == null ? 0 : synapses.length;
        if (k < 0 || k >= times.size()) {
            throw new IllegalArgumentException("snapshot " + k + " out of range: " + times.size() + " taken");
        }
        return Arrays.copyOfRange(values.toArray(), k * n, (k + 1) * n);
    }

    /** The monitored synapses (CSR indices of the projection). */
    public int[] synapses() {
        return synapses == null ? chosen.clone() : synapses.clone();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "WeightMonitor(%s: %d snapshots of %d synapses)", projection.name(),
                times.size(), synapses == null ? chosen.length : synapses.length);
    }
}
