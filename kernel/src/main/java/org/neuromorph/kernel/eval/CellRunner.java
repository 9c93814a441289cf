package org.neuromorph.kernel.eval;

import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a cell's code on a fresh thread with a large stack in the cells' thread group (where the System.exit guard
 * applies), and stops it on request: an interrupt first, then, for code that ignores interrupts (a busy loop),
 * Thread.stop, the only way left to end a thread in-process. Both evaluators (JShell and Kotlin) run cells here.
 */
final class CellRunner {
    private static final long STACK_BYTES = 64L << 20;
    private static final long GRACE_MILLIS = 100;

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
        Thread thread = new Thread(ExitGuard.CELLS, () -> {
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
            // a stop that came between this thread's creation and its start found nothing to stop: stop it again
            thread.join(STOP_POLL_MILLIS);
            boolean stoppedAgain = false;
            while (thread.isAlive()) {
                if (stopRequested && !stoppedAgain) {
                    stoppedAgain = true;
                    stopCellThreads();
                }
                thread.join(STOP_POLL_MILLIS);
            }
        } finally {
            running = null;
        }
        if (stopRequested) {
            // whatever the cell threw on its way out (ThreadDeath, InterruptedException, a library's own
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

    @SuppressWarnings({"deprecation", "removal"})
    private static void stopCellThreads() {
        Thread[] threads = cellThreads();
        for (Thread t : threads) {
            t.interrupt();
        }
        long deadline = System.nanoTime() + GRACE_MILLIS * 1_000_000;
        for (Thread t : threads) {
            try {
                t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        for (Thread t : threads) {
            if (t.isAlive()) {
                t.stop();
            }
        }
    }

    /** The live threads of the cells' thread group (the running cell's and any a cell started). */
    private static Thread[] cellThreads() {
        Thread[] threads = new Thread[ExitGuard.CELLS.activeCount() + 16];
        int n = ExitGuard.CELLS.enumerate(threads, true);
        return Arrays.copyOf(threads, n);
    }
}
