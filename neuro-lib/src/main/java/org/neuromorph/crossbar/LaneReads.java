package org.neuromorph.crossbar;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.neuromorph.jobs.Lanes;

/**
 * {@link CachedReads}' panel passes in SIMD lanes: for each panel of {@link #ACCUMULATORS} vectors' worth of bit
 * lines, the sums stay in registers while every word line is added, so a pass reads its panels front to back, one
 * stream, and stores each sum once. Each lane adds the products in word-line order, unfused, as the scalar pass does,
 * so the sums are the same to the bit. It names Vector API types, so it is loaded only when {@link Lanes#enabled()}.
 */
final class LaneReads {
    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    /** Independent sums per panel: enough to cover an add's latency (3–4 cycles) at one add per cycle. */
    private static final int ACCUMULATORS = 4;

    private LaneReads() {
    }

    /** Bit lines per float64 panel: four vectors. */
    static int doubleWidth() {
        return ACCUMULATORS * DOUBLES.length();
    }

    /** Bit lines per float32 panel: four vectors. */
    static int floatWidth() {
        return ACCUMULATORS * FLOATS.length();
    }

    /** sums[b·width + l] = Σ_i v_i·panel_b[i·width + l] for panels b in [fromPanel, toPanel). */
    static void accumulate(double[][] panels, double[] v, double[] sums, int fromPanel, int toPanel) {
        int lanes = DOUBLES.length();
        int width = ACCUMULATORS * lanes;
        for (int b = fromPanel; b < toPanel; b++) {
            double[] p = panels[b];
            DoubleVector s0 = DoubleVector.zero(DOUBLES);
            DoubleVector s1 = s0;
            DoubleVector s2 = s0;
            DoubleVector s3 = s0;
            for (int i = 0, at = 0; i < v.length; i++, at += width) {
                double vi = v[i];
                s0 = s0.add(DoubleVector.fromArray(DOUBLES, p, at).mul(vi));
                s1 = s1.add(DoubleVector.fromArray(DOUBLES, p, at + lanes).mul(vi));
                s2 = s2.add(DoubleVector.fromArray(DOUBLES, p, at + 2 * lanes).mul(vi));
                s3 = s3.add(DoubleVector.fromArray(DOUBLES, p, at + 3 * lanes).mul(vi));
            }
            int out = b * width;
            s0.intoArray(sums, out);
            s1.intoArray(sums, out + lanes);
            s2.intoArray(sums, out + 2 * lanes);
            s3.intoArray(sums, out + 3 * lanes);
        }
    }

    /** The float32 twin of the pass above. */
    static void accumulate(float[][] panels, float[] v, float[] sums, int fromPanel, int toPanel) {
        int lanes = FLOATS.length();
        int width = ACCUMULATORS * lanes;
        for (int b = fromPanel; b < toPanel; b++) {
            float[] p = panels[b];
            FloatVector s0 = FloatVector.zero(FLOATS);
            FloatVector s1 = s0;
            FloatVector s2 = s0;
            FloatVector s3 = s0;
            for (int i = 0, at = 0; i < v.length; i++, at += width) {
                float vi = v[i];
                s0 = s0.add(FloatVector.fromArray(FLOATS, p, at).mul(vi));
                s1 = s1.add(FloatVector.fromArray(FLOATS, p, at + lanes).mul(vi));
                s2 = s2.add(FloatVector.fromArray(FLOATS, p, at + 2 * lanes).mul(vi));
                s3 = s3.add(FloatVector.fromArray(FLOATS, p, at + 3 * lanes).mul(vi));
            }
            int out = b * width;
            s0.intoArray(sums, out);
            s1.intoArray(sums, out + lanes);
            s2.intoArray(sums, out + 2 * lanes);
            s3.intoArray(sums, out + 3 * lanes);
        }
    }
}
