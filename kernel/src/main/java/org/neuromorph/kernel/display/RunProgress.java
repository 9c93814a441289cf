package org.neuromorph.kernel.display;

import java.util.Locale;
import java.util.function.Supplier;
import org.neuromorph.jobs.ProgressListener;

/**
 * The progress bar a notebook shows while a network runs, a model trains or a sweep works: nothing for jobs that
 * end within a second, then one output updated in place (update_display_data) with the fraction done, where the
 * job is (simulated time, epoch, run), the elapsed time, the rate and an estimate of what is left. Its text is
 * the whole bar, so jupyter console shows it as a line. Runs headless with {@code -Dneuromorph.progress=false}
 * ({@code neuromorph run} does, unless given --progress) show none.
 */
public final class RunProgress implements ProgressListener {
    private static final long QUIET_NANOS = 1_000_000_000L;
    private static final int WIDTH = 30;
    private Display.Handle handle;

    /** The bar for a job, or null when progress is switched off ({@code -Dneuromorph.progress=false}). */
    public static RunProgress create() {
        return Boolean.parseBoolean(System.getProperty("neuromorph.progress", "true")) ? new RunProgress() : null;
    }

    @Override
    public void progress(long done, long total, double simulated, long wallNanos) {
        show(done, total, wallNanos, () -> line(done, total, simulated, wallNanos));
    }

    @Override
    public void items(String unit, long done, long total, long wallNanos) {
        show(done, total, wallNanos, () -> line(unit, done, total, wallNanos));
    }

    private void show(long done, long total, long wallNanos, Supplier<String> text) {
        if (handle == null && (wallNanos < QUIET_NANOS || done == total)) {
            return;
        }
        String line = text.get();
        if (handle == null) {
            handle = Display.display(line);
        } else {
            handle.update(line);
        }
    }

    /** A network run: where the simulation is, and steps per second. */
    static String line(long done, long total, double simulated, long wallNanos) {
        double elapsed = wallNanos / 1e9;
        String where = String.format(Locale.ROOT, "t = %.4g s simulated", simulated);
        String rate = elapsed > 0 ? String.format(Locale.ROOT, "%.3g steps/s", done / elapsed) : "";
        return bar(done, total, where, rate, elapsed);
    }

    /** A job counted in units (epochs, runs). */
    static String line(String unit, long done, long total, long wallNanos) {
        double elapsed = wallNanos / 1e9;
        String rate = done == 0 || elapsed <= 0 ? "" : done / elapsed >= 1
                ? String.format(Locale.ROOT, "%.3g %ss/s", done / elapsed, unit)
                : String.format(Locale.ROOT, "%.3g s/%s", elapsed / done, unit);
        return bar(done, total, String.format(Locale.ROOT, "%s %d of %d", unit, done, total), rate, elapsed);
    }

    private static String bar(long done, long total, String where, String rate, double elapsed) {
        double fraction = total == 0 ? 1 : (double) done / total;
        int filled = (int) Math.round(fraction * WIDTH);
        String left = done == total ? "done" : fraction > 0
                ? String.format(Locale.ROOT, "~%.0f s left", elapsed * (1 - fraction) / fraction) : "";
        return String.format(Locale.ROOT, "[%s%s] %3.0f%%  %s, %.1f s elapsed, %s, %s",
                "#".repeat(filled), ".".repeat(WIDTH - filled), fraction * 100, where, elapsed, rate, left);
    }
}
