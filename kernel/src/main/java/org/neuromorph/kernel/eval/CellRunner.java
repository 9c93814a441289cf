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

    private volatile Thread running;
    private volatile boolean stopRequested;

    /** Runs body on a cell thread whose context class loader is {@code loader}, waits, rethrows what it throws. */
    <T> T run(ClassLoader loader, Callable<T> body) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        stopRequested = false;
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
            thread.join();
        } finally {
            running = null;
        }
        if (stopRequested) {
            // whatever the cell threw on its way out (ThreadDeath, InterruptedException, a library's own
            // "interrupted" exception, or nothing), the user asked for the stop: report it as an interrupt
            stopRequested = false;
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
    @SuppressWarnings({"deprecation", "removal"})
    void stop() {
        if (running != null) {
            stopRequested = true;
        }
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
