package org.neuromorph.kernel.protocol;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Gives memory back while the user reads, not while they wait: three seconds after the last request, if the heap
 * has grown by more than 64 MiB since the last collection, it runs a full collection, after which the JVM shrinks
 * the heap (the kernel's -XX:MaxHeapFreeRatio). Without it the garbage of a burst of cells (compiling is most of it)
 * stays committed until the old generation next fills. Collecting right after a request instead put 150 ms pauses
 * into the next cells. Off with {@code -Dneuromorph.idle.gc=false}.
 */
final class IdleCollector {
    private static final long IDLE_MILLIS = 3000;
    private static final long GROWTH_BYTES = 64L << 20;
    private static final boolean ENABLED = !"false".equals(System.getProperty("neuromorph.idle.gc"));
    private final ScheduledExecutorService scheduler;
    private ScheduledFuture<?> pending;
    /** The committed heap after the last collection; before the first request ends, the start-up's heap. */
    private long committedAfterLastCollection = -1;

    IdleCollector(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /** A request starts: no collection until it is over. */
    synchronized void busy() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    /** A request ended: collect if nothing else arrives for a while. */
    synchronized void idle() {
        busy();
        if (committedAfterLastCollection < 0) {
            committedAfterLastCollection = Runtime.getRuntime().totalMemory();
        }
        if (ENABLED) {
            pending = scheduler.schedule(this::collectIfGrown, IDLE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void collectIfGrown() {
        synchronized (this) {
            if (pending == null || pending.isCancelled()) {
                return;
            }
            pending = null;
        }
        Runtime runtime = Runtime.getRuntime();
        if (runtime.totalMemory() - committedAfterLastCollection > GROWTH_BYTES) {
            System.gc();
            committedAfterLastCollection = runtime.totalMemory();
        }
    }
}
