package org.neuromorph.plasticity;

import java.util.Arrays;
import org.neuromorph.units.Frequency;
import org.neuromorph.units.Time;

/**
 * The pairing experiments of the STDP literature, run on one synapse through a rule's own {@link Learning}, so
 * they test the code networks use: n pairings of a pre and a post spike at Δt = t_post − t_pre, repeated at a
 * frequency. Spikes fall on a time grid of step dt; a pre and a post spike in the same step are handled as the
 * simulator handles them (pre first).
 */
public final class StdpProtocols {
    private StdpProtocols() {
    }

    /** The weight change after {@code pairs} pairings at {@code deltaT}, repeated at {@code frequency}, from w0. */
    public static double pairing(Plasticity rule, double w0, int pairs, Time deltaT, Frequency frequency, Time dt) {
        if (pairs < 1) {
            throw new IllegalArgumentException("a pairing protocol needs at least one pairing, got " + pairs);
        }
        if (!(frequency.si() > 0)) {
            throw new IllegalArgumentException("pairing frequency must be > 0, got " + frequency);
        }
        double step = dt.si();
        double period = 1 / frequency.si();
        double offset = Math.max(0, -deltaT.si());
        // events as (step << 1 | kind): kind 0 = pre, 1 = post, so sorting puts pre first within a step
        long[] events = new long[2 * pairs];
        for (int k = 0; k < pairs; k++) {
            double pre = offset + k * period;
            events[2 * k] = Math.round(pre / step) << 1;
            events[2 * k + 1] = (Math.round((pre + deltaT.si()) / step) << 1) | 1;
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
