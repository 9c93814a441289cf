package org.neuromorph.jobs;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where long jobs that set no listener of their own report progress: a notebook's progress bars (the kernel
 * installs them), nothing in plain Java or headless runs.
 */
public final class DefaultProgress {
    private static volatile Supplier<ProgressListener> listeners = () -> null;
    private static final ThreadLocal<Boolean> QUIET = ThreadLocal.withInitial(() -> false);

    private DefaultProgress() {
    }

    /** Installs the supplier asked once per job for its listener (it may return null for none). */
    public static void install(Supplier<ProgressListener> supplier) {
        listeners = Objects.requireNonNull(supplier, "progress listeners");
    }

    /** The listener for a job starting now, or null (none installed, or inside {@link #offWhile}). */
    public static ProgressListener listener() {
        return QUIET.get() ? null : listeners.get();
    }

    /**
     * Runs {@code work} on this thread with the default listener off: for jobs inside a larger job (a sweep's
     * worker threads) that reports its own progress.
     */
    public static <T> T offWhile(Supplier<T> work) {
        boolean was = QUIET.get();
        QUIET.set(true);
        try {
            return work.get();
        } finally {
            QUIET.set(was);
        }
    }
}
