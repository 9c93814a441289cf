package org.neuromorph.neuron;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.neuromorph.jobs.Lanes;

/**
 * LIF's step with two current channels in SIMD lanes. Each lane does the scalar pass's operations in their order
 * (a lane's IEEE arithmetic is a scalar's), so the bits agree with the scalar path; the threshold is compared a
 * whole vector at a time and only a vector with a lane above it is looked at neuron by neuron. It names Vector
 * API types, so it is loaded only when {@link Lanes#enabled()}. Two straight-line loops for exactly two channels:
 * a first version that looped over any number of channels and chose the injected current inside the loop ran
 * slower than the scalar pass (a 4000-neuron CUBA second in 0.053 against 0.030 s), most likely because JDK 17's
 * compiler makes objects of vectors that meet from a branch or an inner loop.
 */
final class LifLanes {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    private LifLanes() {
    }

    /** The largest multiple of the vector length not above n. */
    static int wholeVectors(int n) {
        return SPECIES.loopBound(n);
    }

    /** Integrates [from, to) (whole vectors), appends its spikes from index count; returns the new count. */
    static int advance(LifGroup s, long step, double[] current, int from, int to, int[] spikes, int count) {
        // read once: the stores into v could, for all the compiler knows, change any double[] in the loop
        double[] g0 = s.g[0];
        double[] g1 = s.g[1];
        double gain0 = s.channelToV[0] * s.scale[0];
        double gain1 = s.channelToV[1] * s.scale[1];
        double[] v = s.v;
        DoubleVector vRest = DoubleVector.broadcast(SPECIES, s.vRest);
        double decay = s.decay;
        int width = SPECIES.length();
        if (current == null) {
            for (int i = from; i < to; i += width) {
                DoubleVector relaxed = DoubleVector.fromArray(SPECIES, v, i).sub(vRest).mul(decay).add(vRest);
                count = addChannelsAndTest(s, step, i, relaxed, g0, gain0, g1, gain1, spikes, count);
            }
        } else {
            double resistance = s.resistance;
            for (int i = from; i < to; i += width) {
                DoubleVector vInf = DoubleVector.fromArray(SPECIES, current, i).mul(resistance).add(vRest);
                DoubleVector relaxed = DoubleVector.fromArray(SPECIES, v, i).sub(vInf).mul(decay).add(vInf);
                count = addChannelsAndTest(s, step, i, relaxed, g0, gain0, g1, gain1, spikes, count);
            }
        }
        return count;
    }

    private static int addChannelsAndTest(LifGroup s, long step, int i, DoubleVector relaxed, double[] g0,
            double gain0, double[] g1, double gain1, int[] spikes, int count) {
        DoubleVector x = relaxed
                .add(DoubleVector.fromArray(SPECIES, g0, i).mul(gain0))
                .add(DoubleVector.fromArray(SPECIES, g1, i).mul(gain1));
        x.intoArray(s.v, i);
        if (spikes != null && x.compare(VectorOperators.GT, s.vThreshold).anyTrue()) {
            return s.testThreshold(step, i, i + SPECIES.length(), spikes, count);
        }
        return count;
    }
}
