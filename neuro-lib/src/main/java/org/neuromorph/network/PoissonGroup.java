package org.neuromorph.network;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.neuromorph.random.SplitMix64;
import org.neuromorph.state.StateExchange;
import org.neuromorph.units.Frequency;

/**
 * Independent Poisson spike trains: in each step every unit fires with probability rate·dt (as Brian2's
 * PoissonGroup does), drawn from the network's seeded stream. Units can have rates of their own, which is how a
 * vector or an image is rate coded ({@link #rateCoded}).
 */
public final class PoissonGroup extends Population {
    private final double[] rates;
    private SplitMix64 rng;
    private double[] probability;
    private double dt;

    public PoissonGroup(String name, int size, Frequency rate) {
        this(name, filled(size, rate));
    }

    /** Units with rates of their own, in Hz. */
    public PoissonGroup(String name, double[] ratesHz) {
        super(name, ratesHz.length);
        for (int i = 0; i < ratesHz.length; i++) {
            if (!(ratesHz[i] >= 0) || Double.isInfinite(ratesHz[i])) {
                throw new IllegalArgumentException("Poisson rate must be ≥ 0 and finite, got " + ratesHz[i]
                        + " Hz for unit " + i + " of '" + name + "'");
            }
        }
        this.rates = ratesHz.clone();
    }

    /**
     * New rates (Hz, one per unit) from the next step on: a stimulus that changes between runs, such as images shown
     * in turn. A saved state loads only into a group with the rates it had when saved.
     */
    public PoissonGroup rates(double[] ratesHz) {
        if (ratesHz.length != rates.length) {
            throw new IllegalArgumentException("Poisson group '" + name() + "' has " + rates.length + " units, got "
                    + ratesHz.length + " rates");
        }
        for (int i = 0; i < ratesHz.length; i++) {
            if (!(ratesHz[i] >= 0) || Double.isInfinite(ratesHz[i]) || (probability != null && ratesHz[i] * dt > 1)) {
                throw new IllegalArgumentException("Poisson rate must be ≥ 0, finite and at most 1/dt, got "
                        + ratesHz[i] + " Hz for unit " + i + " of '" + name() + "'; nothing was changed");
            }
        }
        System.arraycopy(ratesHz, 0, rates, 0, rates.length);
        if (probability != null) {
            for (int i = 0; i < rates.length; i++) {
                probability[i] = rates[i] * dt;
            }
        }
        return this;
    }

    /**
     * Rate coding: unit i fires at {@code values[i] × maxRate}, with every value in [0, 1] (e.g. pixel
     * intensities scaled to [0, 1]).
     */
    public static PoissonGroup rateCoded(String name, double[] values, Frequency maxRate) {
        double[] hz = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] >= 0 && values[i] <= 1)) {
                throw new IllegalArgumentException("rate coding takes values in [0, 1]; value " + i + " is "
                        + values[i] + " (scale the data first, e.g. pixel / 255)");
            }
            hz[i] = values[i] * maxRate.si();
        }
        return new PoissonGroup(name, hz);
    }

    /** Rate coding of an image, row by row: pixel (r, c) drives unit r × width + c. */
    public static PoissonGroup rateCoded(String name, double[][] image, Frequency maxRate) {
        int width = image.length == 0 ? 0 : image[0].length;
        double[] flat = new double[image.length * width];
        for (int r = 0; r < image.length; r++) {
            if (image[r].length != width) {
                throw new IllegalArgumentException("image rows must all have " + width + " pixels; row " + r
                        + " has " + image[r].length);
            }
            System.arraycopy(image[r], 0, flat, r * width, width);
        }
        return rateCoded(name, flat, maxRate);
    }

    private static double[] filled(int size, Frequency rate) {
        if (rate.si() < 0) {
            throw new IllegalArgumentException("Poisson rate must be ≥ 0, got " + rate);
        }
        double[] rates = new double[size];
        Arrays.fill(rates, rate.si());
        return rates;
    }

    /** The rate of unit 0 (all units, for a group made with one rate), in Hz. */
    public double rate() {
        return rates.length == 0 ? 0 : rates[0];
    }

    /** The rate of every unit, in Hz. */
    public double[] rates() {
        return rates.clone();
    }

    @Override
    protected void initialize(double dt, SplittableRandom rng) {
        this.rng = new SplitMix64(rng.nextLong());
        this.dt = dt;
        probability = new double[rates.length];
        for (int i = 0; i < rates.length; i++) {
            probability[i] = rates[i] * dt;
            if (probability[i] > 1) {
                throw new IllegalArgumentException("Poisson group '" + name() + "': rate·dt = " + probability[i]
                        + " exceeds 1 for unit " + i + "; use a smaller dt or a lower rate");
            }
        }
    }

    @Override
    protected void exchangeState(StateExchange state) {
        rng.state(state.value("rng", rng.state()));
    }

    @Override
    public String description() {
        return "Poisson(" + size() + " units, rates hash " + Arrays.hashCode(rates) + ")";
    }

    @Override
    protected void update(long step, double dt) {
        int count = 0;
        double[] p = probability;
        for (int i = 0; i < p.length; i++) {
            if (rng.nextDouble() < p[i]) {
                spikes[count++] = i;
            }
        }
        spikeCount = count;
    }
}
