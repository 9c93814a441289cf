package org.neuromorph.input;

import java.util.SplittableRandom;
import org.neuromorph.network.Population;
import org.neuromorph.units.Frequency;

/**
 * Independent Poisson spike trains: in each step every unit fires with probability rate·dt (as Brian2's
 * PoissonGroup does), drawn from the network's seeded stream.
 */
public final class PoissonGroup extends Population {
    private final double rate;
    private SplittableRandom rng;
    private double probability;

    public PoissonGroup(String name, int size, Frequency rate) {
        super(name, size);
        if (rate.si() < 0) {
            throw new IllegalArgumentException("Poisson rate must be ≥ 0, got " + rate);
        }
        this.rate = rate.si();
    }

    public double rate() {
        return rate;
    }

    @Override
    protected void initialize(double dt, SplittableRandom rng) {
        this.rng = rng;
        this.probability = rate * dt;
        if (probability > 1) {
            throw new IllegalArgumentException("Poisson group '" + name() + "': rate·dt = " + probability
                    + " exceeds 1; use a smaller dt or a lower rate");
        }
    }

    @Override
    protected void update(long step, double dt) {
        int count = 0;
        for (int i = 0; i < size(); i++) {
            if (rng.nextDouble() < probability) {
                spikes[count++] = i;
            }
        }
        spikeCount = count;
    }
}
