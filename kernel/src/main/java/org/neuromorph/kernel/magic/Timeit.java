package org.neuromorph.kernel.magic;

import java.util.Arrays;
import java.util.Locale;

/**
 * {@code %timeit}: runs a piece of a cell many times on the cell's thread (so an interrupt stops it) and reports the
 * time per loop as IPython does: loops per run chosen so a run lasts at least 0.2 s (which also warms the JIT up),
 * then several runs, mean and standard deviation of the per-loop time over the runs.
 */
public final class Timeit {
    static final double RUN_SECONDS = 0.2;
    static final int DEFAULT_RUNS = 7;

    private Timeit() {
    }

    /** The timing, also a cell's result: {@code best}, {@code mean} and {@code std} are seconds per loop. */
    public record Result(long loops, int runs, double mean, double std, double best) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s ± %s per loop (mean ± std. dev. of %d run%s, %d loop%s each)",
                    format(mean), format(std), runs, runs == 1 ? "" : "s", loops, loops == 1 ? "" : "s");
        }
    }

    /** Times {@code body}: {@code loops} per run (0: chosen) and {@code runs} runs (0: seven). */
    public static Result measure(long loops, int runs, Runnable body) {
        if (loops < 0 || runs < 0) {
            throw new IllegalArgumentException("%timeit -n and -r take positive whole numbers");
        }
        long n = loops == 0 ? calibrate(body) : loops;
        int r = runs == 0 ? DEFAULT_RUNS : runs;
        double[] perLoop = new double[r];
        for (int i = 0; i < r; i++) {
            perLoop[i] = time(n, body) / n;
        }
        double mean = Arrays.stream(perLoop).average().orElse(0);
        double variance = Arrays.stream(perLoop).map(t -> (t - mean) * (t - mean)).sum() / Math.max(1, r - 1);
        return new Result(n, r, mean, Math.sqrt(variance), Arrays.stream(perLoop).min().orElse(0));
    }

    /** Loops per run: 1, 2, 5, 10, 20, 50, ... until one run takes long enough to time well (at most 5·10⁸). */
    private static long calibrate(Runnable body) {
        for (long scale = 1; ; scale *= 10) {
            for (long factor : new long[] {1, 2, 5}) {
                long n = factor * scale;
                if (time(n, body) >= RUN_SECONDS || n >= 500_000_000L) {
                    return n;
                }
            }
        }
    }

    private static double time(long loops, Runnable body) {
        long start = System.nanoTime();
        for (long k = 0; k < loops; k++) {
            body.run();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    static String format(double seconds) {
        double abs = Math.abs(seconds);
        if (abs >= 1) {
            return String.format(Locale.ROOT, "%.3g s", seconds);
        }
        if (abs >= 1e-3) {
            return String.format(Locale.ROOT, "%.3g ms", seconds * 1e3);
        }
        if (abs >= 1e-6) {
            return String.format(Locale.ROOT, "%.3g µs", seconds * 1e6);
        }
        return String.format(Locale.ROOT, "%.3g ns", seconds * 1e9);
    }
}
