package org.neuromorph.monitor;

import java.util.Locale;

/**
 * The population rate of a group, as Brian2's PopulationRateMonitor: at every step, the number of neurons that
 * spiked divided by the group size and the step (Hz). {@link #smoothed} averages it over a sliding window.
 */
public final class RateMonitor implements Monitor {
    private final SpikeSource population;
    private final DoubleList rates = new DoubleList(1024);
    private double dt;

    /** Records {@code population}'s rate; a network makes one with {@code net.monitorRate(group)}. */
    public RateMonitor(SpikeSource population) {
        this.population = population;
    }

    @Override
    public void afterThreshold(long step, double dt) {
        this.dt = dt;
        rates.add(population.spikeCount() / (population.size() * dt));
    }

    /** The rate at every recorded step, in Hz. */
    public double[] rates() {
        return rates.toArray();
    }

    /** The start time of every recorded step, in seconds. */
    public double[] times() {
        double[] t = new double[rates.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = i * dt;
        }
        return t;
    }

    /** The rate averaged over a centred window of {@code window} seconds (at least one step), in Hz. */
    public double[] smoothed(double window) {
        double[] r = rates.toArray();
        int half = dt > 0 ? (int) Math.max(0, Math.round(window / dt / 2)) : 0;
        double[] out = new double[r.length];
        double[] prefix = new double[r.length + 1];
        for (int i = 0; i < r.length; i++) {
            prefix[i + 1] = prefix[i] + r[i];
        }
        for (int i = 0; i < r.length; i++) {
            int lo = Math.max(0, i - half);
            int hi = Math.min(r.length, i + half + 1);
            out[i] = (prefix[hi] - prefix[lo]) / (hi - lo);
        }
        return out;
    }

    /** The mean rate over everything recorded, in Hz. */
    public double mean() {
        double[] r = rates.toArray();
        double sum = 0;
        for (double x : r) {
            sum += x;
        }
        return r.length == 0 ? 0 : sum / r.length;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "RateMonitor(%s: %d steps, mean %.2f Hz)", population.name(), rates.size(),
                mean());
    }
}
