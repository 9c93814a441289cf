package org.neuromorph.kernel.eval;

import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.neuromorph.kernel.Log;

/**
 * Runs a cell's code on a fresh thread with a large stack in the cells' thread group, and stops it on request: an
 * interrupt (for code that waits or checks its flag, as the library's long loops do), with the {@link CellGuard}
 * stop raised meanwhile, which ends cell code at its next loop back-edge (for a busy loop that never looks at the
 * flag). Neither needs {@code Thread.stop}, which JDK 20 and later refuse. Both evaluators (JShell and Kotlin) run
 * cells here.
 */
final class CellRunner {
    private static final long STACK_BYTES = 64L << 20;
    /** How long one stop waits for the cells' threads to end before it lowers the guard's stop again. */
    private static final long GRACE_MILLIS = 1000;
    /** One stop at a time: the guard's stop is raised and lowered by one holder of this lock. */
    private static final Object STOP_LOCK = new Object();

    /** The threads cells run on and start; a cell thread ended by a stop dies without a stack trace. */
    static final ThreadGroup CELLS = new ThreadGroup("neuromorph-cells") {
        @Override
        public void uncaughtException(Thread t, Throwable e) {
            if (!(e instanceof CellGuard.CellStopped)) {
                super.uncaughtException(t, e);
            }
        }
    };

    /** Thrown by {@link #run} when the cell ended because the user asked for a stop. */
    static final class Stopped extends Exception {
        Stopped() {
            super("the cell was interrupted", null, false, false);
        }
    }

    /** How often a running cell's waiter looks for a stop that found no thread to stop (see {@link #run}). */
    private static final long STOP_POLL_MILLIS = 50;

    private volatile Thread running;
    private volatile boolean stopRequested;
    /** Between {@link #beginCell} and {@link #endCell}: a stop applies to the cell while it is still compiling. */
    private volatile boolean cellOpen;

    /**
     * Opens a cell. Until {@link #endCell}, a stop asked for before the cell's code runs (while it compiles) is
     * kept: the code is then not started. Without this, an interrupt sent right after a cell that loops forever
     * was lost when it came during the compile, and the loop ran on.
     */
    void beginCell() {
        stopRequested = false;
        cellOpen = true;
    }

    void endCell() {
        cellOpen = false;
        stopRequested = false;
    }

    /** Runs body on a cell thread whose context class loader is {@code loader}, waits, rethrows what it throws. */
    <T> T run(ClassLoader loader, Callable<T> body) throws Exception {
        if (cellOpen && stopRequested) {
            throw new Stopped(); // the user stopped the cell before this part of it started
        }
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(CELLS, () -> {
            try {
                result.set(body.call());
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "neuromorph-cell", STACK_BYTES);
        thread.setContextClassLoader(loader);
        running = thread;
        thread.start();
        try {
            // a stop that came between this thread's creation and its start found nothing to stop; a thread in
            // library code that ignores interrupts gets the stop again each grace period until it returns to cell
            // code or ends
            thread.join(STOP_POLL_MILLIS);
            long nextStop = System.nanoTime();
            while (thread.isAlive()) {
                if (stopRequested && System.nanoTime() - nextStop >= 0) {
                    stopCellThreads();
                    nextStop = System.nanoTime() + GRACE_MILLIS * 1_000_000;
                    if (thread.isAlive()) {
                        warnStuck(thread);
                    }
                }
                thread.join(STOP_POLL_MILLIS);
            }
        } finally {
            running = null;
        }
        awaitStopInProgress();
        if (stopRequested) {
            // whatever the cell threw on its way out (CellStopped, InterruptedException, a library's own
            // "interrupted" exception, or nothing), the user asked for the stop: report it as an interrupt. In
            // a cell the request stays until the cell ends, so the cell's later snippets do not start.
            if (!cellOpen) {
                stopRequested = false;
            }
            throw new Stopped();
        }
        Throwable t = failure.get();
        if (t instanceof Exception e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return result.get();
    }

    /**
     * Stops the running cell and every thread cells have started (they live in the cells' thread group). Threads
     * of earlier cells go too: an interrupt is the user's "stop everything".
     */
    void stop() {
        if (running != null || cellOpen) {
            stopRequested = true;
        }
        stopCellThreads();
    }

    /** Returns once no stop is under way: a stop on another thread lowers the guard's flag before the next code runs. */
    private static void awaitStopInProgress() {
        synchronized (STOP_LOCK) {
            // entered only to wait for the lock: the stop that holds it lowers the flag before it lets go
        }
    }

    /**
     * Raises the guard's stop, interrupts every cell thread, waits up to the grace period for them to end, and lowers
     * the stop again, so that code the user runs next is not stopped by it.
     */
    private static void stopCellThreads() {
        synchronized (STOP_LOCK) {
            CellGuard.raiseStop();
            try {
                Thread[] threads = cellThreads();
                for (Thread t : threads) {
                    t.interrupt();
                }
                long deadline = System.nanoTime() + GRACE_MILLIS * 1_000_000;
                for (Thread t : threads) {
                    long left = (deadline - System.nanoTime()) / 1_000_000;
                    if (left > 0) {
                        t.join(left);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                CellGuard.lowerStop();
            }
        }
    }

    /** The kernel log names where a cell that does not stop is, so the library loop that ignores interrupts is found. */
    private static void warnStuck(Thread thread) {
        StackTraceElement[] stack = thread.getStackTrace();
        Log.warn("a stopped cell is still running after " + GRACE_MILLIS + " ms, in code that "
                + "neither checks interrupts nor is a cell's: " + (stack.length > 0 ? stack[0] : "(no frame)"));
    }

    /** The live threads of the cells' thread group (the running cell's and any a cell started). */
    private static Thread[] cellThreads() {
        Thread[] threads = new Thread[CELLS.activeCount() + 16];
        int n = CELLS.enumerate(threads, true);
        return Arrays.copyOf(threads, n);
    }
}
