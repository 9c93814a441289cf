package org.neuromorph.kernel.eval;

/**
 * What a cell's own bytecode calls in place of the JVM's exits and at every loop back-edge (see {@link CellBytecode}).
 * Public only because cell classes live in the evaluators' class loaders; nothing else should call it.
 *
 * <p>This replaces the Security Manager (refused at start-up since JDK 24) and {@code Thread.stop} (throws since
 * JDK 20): a cell's {@code System.exit} throws here instead of ending the kernel, and a cell's loop that ignores
 * interrupts ends at its next back-edge once a stop is raised.
 */
public final class CellGuard {
    /** Raised by {@link CellRunner} while it stops cells; read at every back-edge of cell code, so kept volatile. */
    private static volatile boolean stopping;

    private CellGuard() {
    }

    /** Thrown into cell code at a back-edge while a stop is raised; an Error, so {@code catch (Exception e)} lets it by. */
    public static final class CellStopped extends Error {
        private static final long serialVersionUID = 1L;

        CellStopped() {
            super("the cell was interrupted", null, false, false);
        }
    }

    /** At every loop back-edge of cell code: ends the loop while a stop is raised, costs one volatile read otherwise. */
    public static void checkpoint() {
        if (stopping) {
            throw new CellStopped();
        }
    }

    /** In place of {@code System.exit(status)}. */
    public static void systemExit(int status) {
        throw refused("System.exit(" + status + ")");
    }

    /** In place of {@code runtime.exit(status)}. */
    public static void runtimeExit(Runtime runtime, int status) {
        throw refused("Runtime.exit(" + status + ")");
    }

    /** In place of {@code runtime.halt(status)}. */
    public static void runtimeHalt(Runtime runtime, int status) {
        throw refused("Runtime.halt(" + status + ")");
    }

    /** In place of Kotlin's {@code exitProcess(status)}, which is declared to return Nothing (Void in bytecode). */
    public static Void exitProcess(int status) {
        throw refused("exitProcess(" + status + ")");
    }

    private static SecurityException refused(String call) {
        return new SecurityException(call + " would stop the kernel and lose every variable; it is not allowed in "
                + "a cell. To start afresh, restart the kernel.");
    }

    static void raiseStop() {
        stopping = true;
    }

    static void lowerStop() {
        stopping = false;
    }

    static boolean stopRaised() {
        return stopping;
    }
}
