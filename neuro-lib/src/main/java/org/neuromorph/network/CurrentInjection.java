package org.neuromorph.network;

import org.neuromorph.units.Current;
import org.neuromorph.units.Time;

/** A current injected into every neuron of a group, evaluated at the start of each step (held over it). */
@FunctionalInterface
public interface CurrentInjection {
    /** Adds the injected current (A) at time {@code t} (s) to each neuron's entry in {@code current}. */
    void addTo(double[] current, double t);

    /** The same current for all time. */
    static CurrentInjection constant(Current amplitude) {
        double a = amplitude.si();
        return (current, t) -> {
            for (int i = 0; i < current.length; i++) {
                current[i] += a;
            }
        };
    }

    /** {@code amplitude} on [start, stop), zero elsewhere. */
    static CurrentInjection step(Current amplitude, Time start, Time stop) {
        if (stop.si() < start.si()) {
            throw new IllegalArgumentException("step current needs start ≤ stop, got " + start + " and " + stop);
        }
        double a = amplitude.si();
        // compare in units of the step boundaries, with a tolerance, so 100 ms at dt 0.1 ms starts at step 1000
        double on = start.si() - 1e-12;
        double off = stop.si() - 1e-12;
        return (current, t) -> {
            if (t >= on && t < off) {
                for (int i = 0; i < current.length; i++) {
                    current[i] += a;
                }
            }
        };
    }

    /**
     * An arbitrary trace: {@code amperes[k]} holds over [k·interval, (k+1)·interval); zero after its end.
     */
    static CurrentInjection trace(double[] amperes, Time interval) {
        if (!(interval.si() > 0)) {
            throw new IllegalArgumentException("trace interval must be > 0, got " + interval);
        }
        double[] copy = amperes.clone();
        double dtTrace = interval.si();
        return (current, t) -> {
            int k = (int) Math.floor(t / dtTrace + 1e-9);
            if (k >= 0 && k < copy.length) {
                double a = copy[k];
                for (int i = 0; i < current.length; i++) {
                    current[i] += a;
                }
            }
        };
    }
}
