package org.neuromorph.kernel.eval;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationTargetException;
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
    private final JShellGenerations.Generation generation;
    private final CellRunner runner;
    private volatile boolean stopped;
    private Object lastVariable;

    /** Runs one generation's snippets (its classes defined through it) on {@code runner}, shared by all. */
    private KernelExecutionControl(JShellGenerations.Generation generation, CellRunner runner) {
        super(generation);
        this.generation = generation;
        this.runner = runner;
    }

    static final class Provider implements ExecutionControlProvider {
        private final KernelExecutionControl control;

        Provider(JShellGenerations.Generation generation, CellRunner runner) {
            control = new KernelExecutionControl(generation, runner);
        }

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

    /** Each class of a snippet is guarded (exits refused, loops stoppable) and relinked before it is defined. */
    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException, NotImplementedException,
            EngineTerminationException {
        ClassBytecodes[] relinked = new ClassBytecodes[classes.length];
        for (int i = 0; i < classes.length; i++) {
            relinked[i] = generation.relink(classes[i]);
        }
        super.load(relinked);
    }

    /** JShell maps a cell's stack frames to its snippets' lines by its own class names: give them back. */
    @Override
    protected String throwConvertedInvocationException(Throwable cause) throws RunException, InternalException {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < frames.length; i++) {
                String jshellName = generation.jshellName(frames[i].getClassName());
                if (jshellName != null) {
                    StackTraceElement f = frames[i];
                    frames[i] = new StackTraceElement(f.getClassLoaderName(), f.getModuleName(), f.getModuleVersion(),
                            jshellName, f.getMethodName(), f.getFileName(), f.getLineNumber());
                }
            }
            t.setStackTrace(frames);
        }
        return super.throwConvertedInvocationException(cause);
    }

    /**
     * As JShell's, but the snippet's method is called through a method handle, not reflection: a reflective call
     * leaves a cache of the class's methods and an accessor behind, softly held, so for a long time (a few hundred
     * bytes of heap per cell in issue 26's soak).
     */
    @Override
    public String invoke(String className, String methodName) throws RunException, EngineTerminationException,
            InternalException {
        Class<?> cell;
        MethodHandles.Lookup lookup;
        try {
            cell = findClass(className);
            lookup = MethodHandles.privateLookupIn(cell, MethodHandles.lookup());
        } catch (Throwable e) {
            throw new InternalException(e.toString());
        }
        try {
            clientCodeEnter();
            Object result = runner.run(cell.getClassLoader(), () -> {
                try {
                    // initialized first, as a reflective call would: a handle to a static method of a class not yet
                    // initialized checks on each call, and leaves a per-class map behind
                    lookup.ensureInitialized(cell);
                    return lookup.findStatic(cell, methodName, MethodType.methodType(Object.class)).invoke();
                } catch (Throwable t) { // as reflection reports it, so that all the cell threw is converted below
                    throw new InvocationTargetException(t);
                }
            });
            lastValue.set(result);
            return valueString(result);
        } catch (CellRunner.Stopped e) {
            stopped = true;
            throw new StoppedException();
        } catch (RunException | InternalException | EngineTerminationException e) {
            throw e;
        } catch (InvocationTargetException e) {
            return throwConvertedInvocationException(e.getCause());
        } catch (Throwable t) {
            return throwConvertedOtherException(t);
        } finally {
            clientCodeLeave();
        }
    }

    /**
     * As JShell's, but keeps the variable's value as an object for {@link #takeVariable} (JShell's API gives only
     * its text), and reads it through a method handle (see {@link #invoke(String, String)}).
     */
    @Override
    public String varValue(String className, String varName) throws RunException, EngineTerminationException,
            InternalException {
        try {
            Class<?> cell = findClass(className);
            Object value = MethodHandles.privateLookupIn(cell, MethodHandles.lookup())
                    .findStaticGetter(cell, varName, generation.fieldType(className, cell, varName)).invoke();
            lastVariable = value;
            return valueString(value);
        } catch (Throwable e) {
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
