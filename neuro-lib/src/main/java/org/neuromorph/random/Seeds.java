package org.neuromorph.random;

/**
 * The seed that networks and crossbars use when they are given none (1 until set). A notebook's {@code %seed N}
 * sets it, so that everything created after it draws the same random numbers on every run; an explicit
 * {@code seed(...)} on an object always wins.
 */
public final class Seeds {
    private static volatile long base = 1;

    private Seeds() {
    }

    public static long base() {
        return base;
    }

    public static void base(long seed) {
        base = seed;
    }

    /** The seed of the {@code index}-th independent run of a sweep under the current base (distinct streams). */
    public static long forRun(long index) {
        return new SplitMix64(base + index).nextLong();
    }
}
