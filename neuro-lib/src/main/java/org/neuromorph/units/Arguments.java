package org.neuromorph.units;

/**
 * The checks of the plain numbers models are given (counts, fractions, probabilities, σ): each failure names the
 * quantity, the rule it broke and the value, so a researcher sees at once what to change. NaN fails every check.
 */
public final class Arguments {
    private Arguments() {
    }

    /** {@code value} if it is ≥ 0. */
    public static double nonNegative(double value, String what) {
        if (!(value >= 0)) {
            throw new IllegalArgumentException(what + " must be ≥ 0, got " + value);
        }
        return value;
    }

    /** {@code value} if it is &gt; 0. */
    public static double positive(double value, String what) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(what + " must be > 0, got " + value);
        }
        return value;
    }

    /** {@code value} if it is in [0, 1]. */
    public static double probability(double value, String what) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(what + " must be in [0, 1], got " + value);
        }
        return value;
    }

    /** {@code value} if it is ≥ 1. */
    public static int atLeastOne(int value, String what) {
        return (int) atLeast(value, 1, what);
    }

    /** {@code value} if it is ≥ {@code least}. */
    public static long atLeast(long value, long least, String what) {
        if (value < least) {
            throw new IllegalArgumentException(what + " must be ≥ " + least + ", got " + value);
        }
        return value;
    }
}
