package org.neuromorph.crossbar;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.neuromorph.jobs.Lanes;

/**
 * {@link CachedReads}' passes in SIMD lanes: sums[j] += Σ_i v_i·G_ij for bit lines [from, to), eight word lines
 * per pass, so each vector of partial sums is loaded and stored once for eight rows. Each lane adds the products in
 * word-line order, unfused, as the scalar pass does, so the sums are the same to the bit (the scalar passes take four
 * rows at a time because the JIT's own vectorisation of an eight-row loop ran 2–4× slower in float32). It names
 * Vector API types, so it is loaded only when {@link Lanes#enabled()}.
 */
final class LaneReads {
    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    private static final int ROWS = 8;

    private LaneReads() {
    }

    static void accumulate(double[][] effective, double[] v, double[] sums, int from, int to) {
        int rows = effective.length;
        int lanes = DOUBLES.length();
        int bound = from + DOUBLES.loopBound(to - from);
        int i = 0;
        for (; i + ROWS <= rows; i += ROWS) {
            double[] g0 = effective[i];
            double[] g1 = effective[i + 1];
            double[] g2 = effective[i + 2];
            double[] g3 = effective[i + 3];
            double[] g4 = effective[i + 4];
            double[] g5 = effective[i + 5];
            double[] g6 = effective[i + 6];
            double[] g7 = effective[i + 7];
            int j = from;
            for (; j < bound; j += lanes) {
                DoubleVector s = DoubleVector.fromArray(DOUBLES, sums, j);
                s = s.add(DoubleVector.fromArray(DOUBLES, g0, j).mul(v[i]));
                s = s.add(DoubleVector.fromArray(DOUBLES, g1, j).mul(v[i + 1]));
                s = s.add(DoubleVector.fromArray(DOUBLES, g2, j).mul(v[i + 2]));
                s = s.add(DoubleVector.fromArray(DOUBLES, g3, j).mul(v[i + 3]));
                s = s.add(DoubleVector.fromArray(DOUBLES, g4, j).mul(v[i + 4]));
                s = s.add(DoubleVector.fromArray(DOUBLES, g5, j).mul(v[i + 5]));
                s = s.add(DoubleVector.fromArray(DOUBLES, g6, j).mul(v[i + 6]));
                s = s.add(DoubleVector.fromArray(DOUBLES, g7, j).mul(v[i + 7]));
                s.intoArray(sums, j);
            }
            // the bit lines past the last whole vector: the scalar pass, row by row
            CachedReads.rowByRow(effective, v, sums, i, i + ROWS, j, to);
        }
        CachedReads.rowByRow(effective, v, sums, i, rows, from, to);
    }

    /** The float32 twin of the pass above. */
    static void accumulate(float[][] effective, float[] v, float[] sums, int from, int to) {
        int rows = effective.length;
        int lanes = FLOATS.length();
        int bound = from + FLOATS.loopBound(to - from);
        int i = 0;
        for (; i + ROWS <= rows; i += ROWS) {
            float[] g0 = effective[i];
            float[] g1 = effective[i + 1];
            float[] g2 = effective[i + 2];
            float[] g3 = effective[i + 3];
            float[] g4 = effective[i + 4];
            float[] g5 = effective[i + 5];
            float[] g6 = effective[i + 6];
            float[] g7 = effective[i + 7];
            int j = from;
            for (; j < bound; j += lanes) {
                FloatVector s = FloatVector.fromArray(FLOATS, sums, j);
                s = s.add(FloatVector.fromArray(FLOATS, g0, j).mul(v[i]));
                s = s.add(FloatVector.fromArray(FLOATS, g1, j).mul(v[i + 1]));
                s = s.add(FloatVector.fromArray(FLOATS, g2, j).mul(v[i + 2]));
                s = s.add(FloatVector.fromArray(FLOATS, g3, j).mul(v[i + 3]));
                s = s.add(FloatVector.fromArray(FLOATS, g4, j).mul(v[i + 4]));
                s = s.add(FloatVector.fromArray(FLOATS, g5, j).mul(v[i + 5]));
                s = s.add(FloatVector.fromArray(FLOATS, g6, j).mul(v[i + 6]));
                s = s.add(FloatVector.fromArray(FLOATS, g7, j).mul(v[i + 7]));
                s.intoArray(sums, j);
            }
            CachedReads.rowByRow(effective, v, sums, i, i + ROWS, j, to);
        }
        CachedReads.rowByRow(effective, v, sums, i, rows, from, to);
    }
}
