package org.neuromorph.kernel.eval;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Runs JShell snippets inside the kernel's JVM (no second process, so a trivial cell costs microseconds to
 * run), each on a fresh thread with a large stack. It keeps the last result as an object, not only as text, so
 * the display layer can render it; and it can stop a running snippet: first by interrupting it, then, if the
 * code ignores interrupts, by stopping its thread.
 */
final class KernelExecutionControl extends DirectExecutionControl {
    private static final long STACK_BYTES = 64L << 20;
    private static final long GRACE_MILLIS = 100;

    private final AtomicReference<Object> lastValue = new AtomicReference<>();
    private volatile Thread running;
    private volatile boolean stopRequested;

    static final class Provider implements ExecutionControlProvider {
        private final KernelExecutionControl control = new KernelExecutionControl();

        @Override
        public String name() {
            return "neuromorph-local";
        }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            return control;
        }

        KernelExecutionControl control() {
            return control;
        }
    }

    private volatile boolean stopped;

    /** True once after a snippet was stopped by {@link #stop()}. */
    boolean consumeStopped() {
        boolean was = stopped;
        stopped = false;
        return was;
    }

    Object takeLastValue() {
        return lastValue.getAndSet(null);
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        AtomicReference<Object> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        stopRequested = false;
        Thread thread = new Thread(ExitGuard.CELLS, () -> {
            try {
                result.set(doitMethod.invoke(null));
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "neuromorph-cell", STACK_BYTES);
        thread.setContextClassLoader(doitMethod.getDeclaringClass().getClassLoader());
        running = thread;
        thread.start();
        try {
            thread.join();
        } finally {
            running = null;
        }
        Throwable t = failure.get();
        if (t != null && stopRequested) {
            // whatever the cell threw on its way out (ThreadDeath, InterruptedException, a library's own
            // "interrupted" exception), the user asked for the stop: report it as an interrupt
            stopped = true;
            throw new StoppedException();
        }
        if (t instanceof InvocationTargetException ite) {
            throw ite;
        }
        if (t instanceof Exception e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        lastValue.set(result.get());
        return valueString(result.get());
    }

    /**
     * Stops the running cell and every thread cells have started (they live in the cells' thread group): an
     * interrupt first, then, for code that ignores interrupts (a busy loop), Thread.stop, the only way left to end
     * a thread in-process. Threads of earlier cells go too: an interrupt is the user's "stop everything".
     */
    @Override
    @SuppressWarnings({"deprecation", "removal"})
    public void stop() {
        Thread cell = running;
        if (cell != null) {
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
    static Thread[] cellThreads() {
        Thread[] threads = new Thread[ExitGuard.CELLS.activeCount() + 16];
        int n = ExitGuard.CELLS.enumerate(threads, true);
        return java.util.Arrays.copyOf(threads, n);
    }
}
