package org.neuromorph.plasticity;

import java.util.Arrays;
import org.neuromorph.units.Frequency;
import org.neuromorph.units.Time;

/**
 * The pairing experiments of the STDP literature, run on one synapse through a rule's own {@link Learning}, so
 * they test the code networks use: n pairings of a pre and a post spike at Δt = t_post − t_pre, repeated at a
 * frequency, triplets, or any pattern of pre and post spikes. Spikes fall on a time grid of step dt; a pre and a post spike in the same step are handled as the
 * simulator handles them (pre first).
 */
public final class StdpProtocols {
    private StdpProtocols() {
    }

    /** The weight change after {@code pairs} pairings at {@code deltaT}, repeated at {@code frequency}, from w0. */
    public static double pairing(Plasticity rule, double w0, int pairs, Time deltaT, Frequency frequency, Time dt) {
        return pattern(rule, w0, pairs, frequency, dt, new Time[] {new Time(0)}, new Time[] {deltaT});
    }

    /**
     * The weight change after a triplet repeated {@code repetitions} times at {@code frequency} (Wang et al. 2005's
     * protocol): pre-post-pre when {@code prePostPre}, with the post spike {@code first} after the first pre spike
     * and the second pre spike {@code second} after the post; otherwise post-pre-post with the roles swapped.
     */
    public static double triplet(Plasticity rule, double w0, int repetitions, boolean prePostPre, Time first,
            Time second, Frequency frequency, Time dt) {
        Time[] single = {first};
        Time[] pair = {new Time(0), new Time(first.si() + second.si())};
        return prePostPre ? pattern(rule, w0, repetitions, frequency, dt, pair, single)
                : pattern(rule, w0, repetitions, frequency, dt, single, pair);
    }

    /**
     * The weight change after a spike pattern repeated {@code repetitions} times at {@code frequency}: pre and
     * post spikes at the given times within one repetition (negative times are allowed; the pattern is shifted so
     * that its first spike falls at 0).
     */
    public static double pattern(Plasticity rule, double w0, int repetitions, Frequency frequency, Time dt,
            Time[] preTimes, Time[] postTimes) {
        if (repetitions < 1) {
            throw new IllegalArgumentException("a protocol needs at least one repetition, got " + repetitions);
        }
        if (!(frequency.si() > 0)) {
            throw new IllegalArgumentException("repetition frequency must be > 0, got " + frequency);
        }
        if (preTimes.length == 0 || postTimes.length == 0) {
            throw new IllegalArgumentException("a protocol needs at least one pre and one post spike");
        }
        double step = dt.si();
        double period = 1 / frequency.si();
        double earliest = 0;
        for (Time t : preTimes) {
            earliest = Math.min(earliest, t.si());
        }
        for (Time t : postTimes) {
            earliest = Math.min(earliest, t.si());
        }
        // events as (step << 1 | kind): kind 0 = pre, 1 = post, so sorting puts pre first within a step
        int perRepetition = preTimes.length + postTimes.length;
        long[] events = new long[perRepetition * repetitions];
        int n = 0;
        for (int k = 0; k < repetitions; k++) {
            double start = k * period - earliest;
            for (Time t : preTimes) {
                events[n++] = Math.round((start + t.si()) / step) << 1;
            }
            for (Time t : postTimes) {
                events[n++] = (Math.round((start + t.si()) / step) << 1) | 1;
            }
        }
        Arrays.sort(events);
        Learning learning = rule.instantiate(1, 1, 1, step);
        int[] one = {0};
        double[] weight = {w0};
        for (long event : events) {
            long at = event >> 1;
            if ((event & 1) == 0) {
                learning.onPre(at, 0, 0, 1, one, weight);
            } else {
                learning.onPost(at, 0, one, 0, 1, one, weight);
            }
        }
        return weight[0] - w0;
    }

    /** The STDP window: the weight change for each Δt, with {@code pairs} pairings at {@code frequency}. */
    public static double[] window(Plasticity rule, double w0, int pairs, Frequency frequency, Time dt, Time... deltaTs) {
        double[] changes = new double[deltaTs.length];
        for (int k = 0; k < deltaTs.length; k++) {
            changes[k] = pairing(rule, w0, pairs, deltaTs[k], frequency, dt);
        }
        return changes;
    }

    /** The frequency dependence: the weight change at one Δt for each pairing frequency. */
    public static double[] frequencyDependence(Plasticity rule, double w0, int pairs, Time deltaT, Time dt,
            Frequency... frequencies) {
        double[] changes = new double[frequencies.length];
        for (int k = 0; k < frequencies.length; k++) {
            changes[k] = pairing(rule, w0, pairs, deltaT, frequencies[k], dt);
        }
        return changes;
    }
}
