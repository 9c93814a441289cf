package org.neuromorph.crossbar;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * One helper thread, shared by every crossbar, that takes the second half of a large read while the caller does the
 * first. A read takes tens of microseconds to milliseconds, too short for an executor's queue and wake-up (the
 * common fork-join pool lost more than it gained below 2048²), so the helper spins for a while after each half, as
 * BLAS threads do, and parks when reads stop coming. Only one caller at a time gets the helper; the others, and
 * every caller on a one-core machine, run both halves themselves, in the same order, with the same result.
 */
final class ReadHelper {
    /** Reads in an inference or training loop come back to back; after this long without one the helper sleeps. */
    private static final long SPIN_NANOS = 200_000;
    private static final ReadHelper SHARED = Runtime.getRuntime().availableProcessors() > 1 ? new ReadHelper() : null;

    private final AtomicBoolean taken = new AtomicBoolean();
    private final Thread thread;
    private volatile Runnable task;
    private volatile long requested;
    private volatile long finished;
    private volatile Throwable failure;

    private ReadHelper() {
        thread = new Thread(this::serve, "neuromorph-crossbar-read");
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs {@code first} on this thread and {@code second} on the helper when it is free; returns when both are done. */
    static void both(Runnable first, Runnable second) {
        ReadHelper helper = SHARED;
        if (helper == null || !helper.taken.compareAndSet(false, true)) {
            first.run();
            second.run();
            return;
        }
        try {
            helper.failure = null;
            helper.task = second;
            long ticket = helper.requested + 1;
            helper.requested = ticket; // the volatile write publishes the task
            LockSupport.unpark(helper.thread);
            first.run();
            for (int spins = 0; helper.finished != ticket; spins++) {
                if (spins < 1 << 16) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield(); // the helper was descheduled: let it run
                }
            }
            Throwable error = helper.failure;
            if (error != null) {
                throw new IllegalStateException("the crossbar read helper failed: " + error, error);
            }
        } finally {
            helper.taken.set(false);
        }
    }

    private void serve() {
        long seen = 0;
        while (true) {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            while (requested == seen) {
                if (System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this); // an unpark before this park makes it return at once: no lost wake-up
                    spinUntil = System.nanoTime() + SPIN_NANOS;
                }
            }
            seen = requested;
            try {
                task.run();
            } catch (Throwable t) {
                failure = t;
            } finally {
                finished = seen;
            }
        }
    }
}
