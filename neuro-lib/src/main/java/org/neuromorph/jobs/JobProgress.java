package org.neuromorph.jobs;

/**
 * A job counted in units (a training's epochs) reporting to the default progress listener, if one is installed
 * (a notebook's bar; none in plain Java or headless runs).
 */
public final class JobProgress {
    private final ProgressListener listener = DefaultProgress.listener();
    private final String unit;
    private final long total;
    private final long start = System.nanoTime();

    public JobProgress(String unit, long total) {
        this.unit = unit;
        this.total = total;
    }

    /** {@code count} units are finished. */
    public void done(long count) {
        if (listener != null) {
            listener.items(unit, count, total, System.nanoTime() - start);
        }
    }
}
