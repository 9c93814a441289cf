package org.neuromorph.kernel.cli;

import org.neuromorph.kernel.Log;

/**
 * Ends the kernel when the process that started it is gone, as ipykernel does: jupyter_client names itself in
 * JPY_PARENT_PID, and a console or notebook server that is killed (not shut down) would otherwise leave its kernel
 * running forever, holding memory and ports (the test suite found one per killed console).
 */
final class ParentWatch {
    private static final long PERIOD_MILLIS = 1000;

    private ParentWatch() {
    }

    /** Starts watching if the environment names a parent; exits the JVM when that parent has ended. */
    static void start() {
        String named = System.getenv("JPY_PARENT_PID");
        if (named == null || named.isBlank()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(named.trim());
        } catch (NumberFormatException e) {
            Log.warn("JPY_PARENT_PID is not a process id ('" + named + "'); not watching the parent");
            return;
        }
        ProcessHandle parent = ProcessHandle.of(pid).orElse(null);
        if (parent == null || pid <= 1) {
            return;
        }
        Thread watch = new Thread(() -> {
            while (parent.isAlive()) {
                try {
                    Thread.sleep(PERIOD_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
            Log.warn("the process that started this kernel (" + pid + ") has ended; stopping");
            Runtime.getRuntime().halt(0);
        }, "neuromorph-parent-watch");
        watch.setDaemon(true);
        watch.start();
    }
}
