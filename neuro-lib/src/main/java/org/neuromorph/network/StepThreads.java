package org.neuromorph.network;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Helper threads for one run: {@link #forEach} runs a task for chunks 0..n-1 of a step, chunk 0 on the calling
 * thread and the others on the helpers, and returns when all are done. A step is far too short (microseconds) for
 * an executor's queue and wake-up, so helpers wait by spinning (yielding after a while) on a generation counter.
 * The threads live only while a run lasts; {@link #close} ends them.
 */
final class StepThreads implements AutoCloseable {
    private static final int SPINS_BEFORE_YIELD = 1 << 14;
    private final Thread[] helpers;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile long generation;
    private volatile IntConsumer task;
    private volatile boolean closed;
    private volatile Throwable failure;

    StepThreads(int threads) {
        helpers = new Thread[threads - 1];
        for (int k = 0; k < helpers.length; k++) {
            int chunk = k + 1;
            helpers[k] = new Thread(() -> work(chunk), "neuromorph-step-" + chunk);
            helpers[k].setDaemon(true);
            helpers[k].start();
        }
    }

    int threads() {
        return helpers.length + 1;
    }

    void forEach(IntConsumer chunkTask) {
        task = chunkTask;
        pending.set(helpers.length);
        generation++; // the volatile write publishes task and pending to the helpers
        chunkTask.accept(0);
        for (int spins = 0; pending.get() > 0; spins++) {
            waitABit(spins);
        }
        Throwable error = failure;
        if (error != null) {
            failure = null;
            throw new IllegalStateException("a simulation thread failed: " + error, error);
        }
    }

    private void work(int chunk) {
        long seen = 0;
        while (true) {
            int spins = 0;
            while (generation == seen && !closed) {
                waitABit(spins++);
            }
            if (closed) {
                return;
            }
            seen = generation;
            try {
                task.accept(chunk);
            } catch (Throwable t) {
                failure = t;
            } finally {
                pending.decrementAndGet();
            }
        }
    }

    private static void waitABit(int spins) {
        if (spins < SPINS_BEFORE_YIELD) {
            Thread.onSpinWait();
        } else {
            Thread.yield();
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread helper : helpers) {
            try {
                helper.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // keep the interrupt for the caller; helpers exit on their own
                return;
            }
        }
    }
}
