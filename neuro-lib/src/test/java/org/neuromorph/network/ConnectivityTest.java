package org.neuromorph.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * fixedProbability draws the gaps between targets instead of one number per pair; these tests check that the
 * result is still independent Bernoulli(p) pairs. Bounds are five standard deviations of the binomial counts
 * (a false alarm about once in 1.7 million runs), and the seed is fixed, so the test is deterministic.
 */
class ConnectivityTest {
    private static final int PRE = 20_000;
    private static final int POST = 1_000;
    private static final double P = 0.05;

    @Test
    void fixedProbabilityMakesIndependentBernoulliPairs() {
        Connectivity rule = Connectivity.fixedProbability(P);
        SplittableRandom rng = new SplittableRandom(7);
        long total = 0;
        long adjacent = 0;
        int[] hitsPerTarget = new int[POST];
        boolean[] row = new boolean[POST];
        for (int i = 0; i < PRE; i++) {
            java.util.Arrays.fill(row, false);
            int[] last = {-1};
            rule.targets(i, PRE, POST, rng, j -> {
                assertTrue(j > last[0] && j < POST, "targets must be increasing and in range, got " + j);
                last[0] = j;
                row[j] = true;
            });
            for (int j = 0; j < POST; j++) {
                if (row[j]) {
                    total++;
                    hitsPerTarget[j]++;
                    if (j + 1 < POST && row[j + 1]) {
                        adjacent++;
                    }
                }
            }
        }
        double pairs = (double) PRE * POST;
        assertWithinFiveSigma("synapses", total, pairs * P, Math.sqrt(pairs * P * (1 - P)));
        // the first and last targets are where an off-by-one in the gaps would show
        double perTarget = PRE * P;
        double sdPerTarget = Math.sqrt(PRE * P * (1 - P));
        assertWithinFiveSigma("hits on target 0", hitsPerTarget[0], perTarget, sdPerTarget);
        assertWithinFiveSigma("hits on the last target", hitsPerTarget[POST - 1], perTarget, sdPerTarget);
        // independence of neighbours: both of (j, j+1) connected with probability p²; the variance of the count
        // is at most three times the binomial one (neighbouring pairs share a target)
        double adjacentPairs = (double) PRE * (POST - 1);
        assertWithinFiveSigma("adjacent pairs", adjacent, adjacentPairs * P * P,
                Math.sqrt(3 * adjacentPairs * P * P * (1 - P * P)));
    }

    @Test
    void probabilitiesZeroAndOneAreExact() {
        SplittableRandom rng = new SplittableRandom(1);
        IntStream.Builder all = IntStream.builder();
        Connectivity.fixedProbability(1).targets(0, 1, 5, rng, all::add);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, all.build().toArray());
        IntStream.Builder none = IntStream.builder();
        Connectivity.fixedProbability(0).targets(0, 1, 5, rng, none::add);
        assertEquals(0, none.build().count());
    }

    @Test
    void tinyProbabilityOnHugeGroupsDoesNotOverflow() {
        IntStream.Builder made = IntStream.builder();
        Connectivity.fixedProbability(Double.MIN_VALUE).targets(0, 1, Integer.MAX_VALUE, new SplittableRandom(3),
                made::add);
        assertEquals(0, made.build().count());
    }

    private static void assertWithinFiveSigma(String what, double observed, double expected, double sd) {
        assertTrue(Math.abs(observed - expected) <= 5 * sd, what + ": observed " + observed + ", expected "
                + expected + " ± " + 5 * sd);
    }
}
