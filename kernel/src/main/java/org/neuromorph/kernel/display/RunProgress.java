package org.neuromorph.kernel.display;

import java.util.Locale;
import org.neuromorph.network.ProgressListener;

/**
 * The progress bar a notebook shows while a network runs: nothing for runs that end within a second, then one
 * output updated in place (update_display_data) with the fraction done, simulated and elapsed time and an
 * estimate of what is left.
 */
public final class RunProgress implements ProgressListener {
    private static final long QUIET_NANOS = 1_000_000_000L;
    private static final int WIDTH = 30;
    private Display.Handle handle;

    @Override
    public void progress(long done, long total, double simulated, long wallNanos) {
        if (handle == null && (wallNanos < QUIET_NANOS || done == total)) {
            return;
        }
        String line = line(done, total, simulated, wallNanos);
        if (handle == null) {
            handle = Display.display(line);
        } else {
            handle.update(line);
        }
    }

    static String line(long done, long total, double simulated, long wallNanos) {
        double fraction = total == 0 ? 1 : (double) done / total;
        int filled = (int) Math.round(fraction * WIDTH);
        double elapsed = wallNanos / 1e9;
        String left = done == total ? "done" : fraction > 0
                ? String.format(Locale.ROOT, "~%.0f s left", elapsed * (1 - fraction) / fraction) : "";
        String where = Double.isNaN(simulated) ? String.format(Locale.ROOT, "run %d of %d", done, total)
                : String.format(Locale.ROOT, "t = %.4g s simulated", simulated);
        return String.format(Locale.ROOT, "[%s%s] %3.0f%%  %s, %.1f s elapsed, %s",
                "#".repeat(filled), ".".repeat(WIDTH - filled), fraction * 100, where, elapsed, left);
    }
}
