package org.neuromorph.kernel.eval;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Runs JShell snippets inside the kernel's JVM (no second process, so a trivial cell costs microseconds to
 * run), each on a cell thread of a {@link CellRunner}, which can stop it, with its classes rewritten by
 * {@link CellBytecode} as they load. It keeps the last result as an object, not only as text, so the display layer
 * can render it.
 */
final class KernelExecutionControl extends DirectExecutionControl {
    private final AtomicReference<Object> lastValue = new AtomicReference<>();
    private final CellRunner runner = new CellRunner();
    private volatile boolean stopped;
    private Object lastVariable;

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

    /** See {@link CellRunner#beginCell}: a stop from here on applies to this cell even while it compiles. */
    void beginCell() {
        runner.beginCell();
    }

    void endCell() {
        runner.endCell();
    }

    /** True once after a snippet was stopped by {@link #stop()}. */
    boolean consumeStopped() {
        boolean was = stopped;
        stopped = false;
        return was;
    }

    Object takeLastValue() {
        return lastValue.getAndSet(null);
    }

    /** Each class of a snippet is guarded (exits refused, loops stoppable) before JShell defines it. */
    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException, NotImplementedException,
            EngineTerminationException {
        ClassBytecodes[] guarded = new ClassBytecodes[classes.length];
        for (int i = 0; i < classes.length; i++) {
            guarded[i] = new ClassBytecodes(classes[i].name(), CellBytecode.guard(classes[i].bytecodes()));
        }
        super.load(guarded);
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        Object result;
        try {
            result = runner.run(doitMethod.getDeclaringClass().getClassLoader(), () -> doitMethod.invoke(null));
        } catch (CellRunner.Stopped e) {
            stopped = true;
            throw new StoppedException();
        }
        lastValue.set(result);
        return valueString(result);
    }

    /**
     * As JShell's, but keeps the variable's value as an object for {@link #takeVariable} (JShell's API gives only
     * its text).
     */
    @Override
    public String varValue(String className, String varName) throws RunException, EngineTerminationException,
            InternalException {
        try {
            java.lang.reflect.Field field = findClass(className).getDeclaredField(varName);
            field.setAccessible(true);
            Object value = field.get(null);
            lastVariable = value;
            return valueString(value);
        } catch (ReflectiveOperationException e) {
            throw new InternalException("cannot read variable " + varName + ": " + e);
        }
    }

    Object takeVariable() {
        Object value = lastVariable;
        lastVariable = null;
        return value;
    }

    @Override
    public void stop() {
        runner.stop();
    }
}
