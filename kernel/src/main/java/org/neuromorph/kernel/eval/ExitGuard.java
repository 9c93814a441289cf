package org.neuromorph.kernel.eval;

import java.security.Permission;

/**
 * Keeps a cell's {@code System.exit} from ending the kernel: cells run in the kernel's JVM, so an exit there
 * would take every earlier cell's state with it. Only threads of the cells' thread group are refused; the
 * kernel itself exits normally. Everything else is permitted, so the guard costs nothing elsewhere.
 * (Uses the Security Manager, deprecated since Java 17; the kernelspec passes -Djava.security.manager=allow so
 * newer JVMs keep allowing it.)
 */
@SuppressWarnings({"removal", "deprecation"})
final class ExitGuard extends SecurityManager {
    static final ThreadGroup CELLS = new ThreadGroup("neuromorph-cells");
    private static volatile boolean installed;

    static synchronized void install() {
        if (installed) {
            return;
        }
        try {
            System.setSecurityManager(new ExitGuard());
            installed = true;
        } catch (UnsupportedOperationException | SecurityException e) {
            org.neuromorph.kernel.Log.warn("System.exit in a cell cannot be guarded on this JVM "
                    + "(start it with -Djava.security.manager=allow): " + e.getMessage());
        }
    }

    @Override
    public void checkPermission(Permission perm) {
        // everything is allowed
    }

    @Override
    public void checkPermission(Permission perm, Object context) {
        // everything is allowed
    }

    @Override
    public void checkExit(int status) {
        if (CELLS.parentOf(Thread.currentThread().getThreadGroup())) {
            throw new SecurityException("System.exit(" + status + ") would stop the kernel and lose every "
                    + "variable; it is not allowed in a cell. To start afresh, restart the kernel.");
        }
    }
}
