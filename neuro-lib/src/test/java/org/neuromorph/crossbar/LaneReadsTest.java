package org.neuromorph.crossbar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neuromorph.jobs.Lanes;

/** The read passes in SIMD lanes add what the scalar passes add, in the same order: the same bits at every shape. */
class LaneReadsTest {
    /** Shapes with word and bit lines that are not multiples of the eight-row pass or of a vector's lanes. */
    private static final int[][] SHAPES = {{1, 1}, {7, 5}, {8, 16}, {13, 37}, {64, 129}, {300, 77}, {17, 512}};

    @Test
    void theTestsRunWithLanes() {
        assertTrue(Lanes.enabled(), "the tests' JVM resolves jdk.incubator.vector (see the root pom's argLine)");
    }

    @Test
    void passesInLanesMatchTheScalarPassAndTheRowByRowSumToTheBitInBothPrecisions() {
        for (int[] shape : SHAPES) {
            int rows = shape[0];
            int columns = shape[1];
            String where = rows + " × " + columns;
            SplittableRandom rng = new SplittableRandom(rows * 1000L + columns);
            double[][] g = new double[rows][columns];
            float[][] gSingle = new float[rows][columns];
            double[] v = new double[rows];
            float[] vSingle = new float[rows];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < columns; j++) {
                    g[i][j] = rng.nextDouble(-1, 1);
                    gSingle[i][j] = (float) g[i][j];
                }
                v[i] = rng.nextDouble(-1, 1);
                vSingle[i] = (float) v[i];
            }
            int split = columns / 3; // two calls over [0, split) and [split, columns), as a split read makes
            double[] byRow = new double[columns];
            CachedReads.rowByRow(g, v, byRow, 0, rows, 0, columns);
            assertArrayEquals(byRow, twoHalves(CachedReads::accumulate, g, v, split), 0, "scalar float64, " + where);
            assertArrayEquals(byRow, twoHalves(LaneReads::accumulate, g, v, split), 0, "lanes float64, " + where);
            float[] byRowSingle = new float[columns];
            CachedReads.rowByRow(gSingle, vSingle, byRowSingle, 0, rows, 0, columns);
            assertArrayEquals(byRowSingle, twoHalves(CachedReads::accumulate, gSingle, vSingle, split), 0,
                    "scalar float32, " + where);
            assertArrayEquals(byRowSingle, twoHalves(LaneReads::accumulate, gSingle, vSingle, split), 0,
                    "lanes float32, " + where);
        }
    }

    private interface DoublePass {
        void run(double[][] g, double[] v, double[] sums, int from, int to);
    }

    private interface FloatPass {
        void run(float[][] g, float[] v, float[] sums, int from, int to);
    }

    private static double[] twoHalves(DoublePass pass, double[][] g, double[] v, int split) {
        double[] sums = new double[g[0].length];
        pass.run(g, v, sums, 0, split);
        pass.run(g, v, sums, split, sums.length);
        return sums;
    }

    private static float[] twoHalves(FloatPass pass, float[][] g, float[] v, int split) {
        float[] sums = new float[g[0].length];
        pass.run(g, v, sums, 0, split);
        pass.run(g, v, sums, split, sums.length);
        return sums;
    }
}
