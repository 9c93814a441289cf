package org.neuromorph.jobs;

/**
 * Told how a long network run ({@code Network.run}) is going: at its start, at most every
 * {@link #intervalNanos} of wall time while it runs (checked every 256 steps, so the loop stays cheap), and at its
 * end. A notebook shows a bar with it.
 */
public interface ProgressListener {
    /**
     * @param done      steps run so far in this call
     * @param total     steps this call runs
     * @param simulated network time now, in seconds
     * @param wallNanos wall time since the call started
     */
    void progress(long done, long total, double simulated, long wallNanos);

    /** How often to report while running (default every 0.5 s of wall time). */
    default long intervalNanos() {
        return 500_000_000L;
    }

    /** A job of {@code total} independent runs (a sweep) has finished {@code done} of them. */
    default void runs(int done, int total, long wallNanos) {
        items("run", done, total, wallNanos);
    }

    /** A job counted in {@code unit}s (a training's epochs, a sweep's runs) has finished {@code done} of them. */
    default void items(String unit, long done, long total, long wallNanos) {
        progress(done, total, Double.NaN, wallNanos);
    }
}
