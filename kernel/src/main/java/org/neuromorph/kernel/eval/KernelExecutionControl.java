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
    private static final long GRACE_MILLIS = 300;

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

    @Override
    @SuppressWarnings({"deprecation", "removal"})
    public void stop() {
        Thread thread = running;
        if (thread == null) {
            return;
        }
        stopRequested = true;
        thread.interrupt();
        try {
            thread.join(GRACE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (thread.isAlive()) {
            // the cell ignores interrupts (a busy loop): the only way left to stop it in-process
            thread.stop();
        }
    }
}
