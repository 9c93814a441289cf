package org.neuromorph.crossbar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neuromorph.jobs.Lanes;

/**
 * The read passes over panels, in SIMD lanes and in scalar loops, add what a word-line-by-word-line sum adds, in the
 * same order: the same bits at every shape, whether the panels are read in one pass or two.
 */
class LaneReadsTest {
    /** Shapes with word and bit lines that are not multiples of a panel's width or of a vector's lanes. */
    private static final int[][] SHAPES = {{1, 1}, {7, 5}, {8, 16}, {13, 37}, {64, 129}, {300, 77}, {17, 512}};

    @Test
    void theTestsRunWithLanes() {
        assertTrue(Lanes.enabled(), "the tests' JVM resolves jdk.incubator.vector (see the root pom's argLine)");
    }

    @Test
    void panelPassesMatchTheRowByRowSumToTheBitInBothPrecisions() {
        for (int[] shape : SHAPES) {
            int rows = shape[0];
            int columns = shape[1];
            String where = rows + " × " + columns;
            SplittableRandom rng = new SplittableRandom(rows * 1000L + columns);
            double[][] g = new double[rows][columns];
            double[] v = rng.doubles(rows, -1, 1).toArray();
            for (double[] row : g) {
                for (int j = 0; j < columns; j++) {
                    row[j] = rng.nextDouble(-1, 1);
                }
            }
            float[] vSingle = new float[rows];
            double[] byRow = new double[columns];
            float[] byRowSingle = new float[columns];
            for (int i = 0; i < rows; i++) {
                vSingle[i] = (float) v[i];
                for (int j = 0; j < columns; j++) {
                    byRow[j] += v[i] * g[i][j];
                    byRowSingle[j] += vSingle[i] * (float) g[i][j];
                }
            }
            int width = LaneReads.doubleWidth();
            double[][] panels = panels(g, width);
            double[] sums = new double[panels.length * width];
            Arrays.fill(sums, Double.NaN); // a pass sets its sums, whatever the array held
            twoPasses(panels.length, (from, to) -> LaneReads.accumulate(panels, v, sums, from, to));
            assertArrayEquals(byRow, columns(sums, columns), 0, "lanes float64, " + where);
            Arrays.fill(sums, Double.NaN);
            twoPasses(panels.length, (from, to) -> CachedReads.accumulate(panels, width, v, sums, from, to));
            assertArrayEquals(byRow, columns(sums, columns), 0, "scalar float64, " + where);

            int widthSingle = LaneReads.floatWidth();
            float[][] panelsSingle = single(panels(g, widthSingle));
            float[] sumsSingle = new float[panelsSingle.length * widthSingle];
            Arrays.fill(sumsSingle, Float.NaN);
            twoPasses(panelsSingle.length,
                    (from, to) -> LaneReads.accumulate(panelsSingle, vSingle, sumsSingle, from, to));
            assertArrayEquals(byRowSingle, columns(sumsSingle, columns), 0, "lanes float32, " + where);
            Arrays.fill(sumsSingle, Float.NaN);
            twoPasses(panelsSingle.length, (from, to) -> CachedReads.accumulate(panelsSingle, widthSingle, vSingle,
                    sumsSingle, from, to));
            assertArrayEquals(byRowSingle, columns(sumsSingle, columns), 0, "scalar float32, " + where);
        }
    }

    private interface Pass {
        void run(int fromPanel, int toPanel);
    }

    /** Two passes over [split, count) and [0, split), as a split read makes. */
    private static void twoPasses(int count, Pass pass) {
        int split = count / 3;
        pass.run(split, count);
        pass.run(0, split);
    }

    private static double[][] panels(double[][] g, int width) {
        int columns = g[0].length;
        double[][] panels = new double[(columns + width - 1) / width][g.length * width];
        for (int i = 0; i < g.length; i++) {
            for (int j = 0; j < columns; j++) {
                panels[j / width][i * width + j % width] = g[i][j];
            }
        }
        return panels;
    }

    private static float[][] single(double[][] panels) {
        float[][] single = new float[panels.length][panels[0].length];
        for (int b = 0; b < panels.length; b++) {
            for (int k = 0; k < panels[b].length; k++) {
                single[b][k] = (float) panels[b][k];
            }
        }
        return single;
    }

    private static double[] columns(double[] sums, int columns) {
        return Arrays.copyOf(sums, columns);
    }

    private static float[] columns(float[] sums, int columns) {
        return Arrays.copyOf(sums, columns);
    }
}
