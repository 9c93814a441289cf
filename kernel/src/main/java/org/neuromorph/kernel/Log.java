package org.neuromorph.kernel;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * The kernel's own log, on the process's original stderr (the front end shows it in its terminal, not in
 * cells). Captured at class initialisation, before cell output capture replaces System.err.
 */
public final class Log {
    private static final PrintStream ERR = System.err;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private static volatile boolean debug = Boolean.getBoolean("neuromorph.debug");

    private Log() {
    }

    public static void init() {
        // touching the class captures the original stderr
    }

    public static void debug(boolean on) {
        debug = on;
    }

    public static void info(String message) {
        ERR.println("[neuromorph " + LocalTime.now().format(TIME) + "] " + message);
    }

    public static void warn(String message) {
        ERR.println("[neuromorph " + LocalTime.now().format(TIME) + " WARN] " + message);
    }

    public static void debug(String message) {
        if (debug) {
            info(message);
        }
    }

    public static void error(String message, Throwable t) {
        warn(message);
        if (t != null) {
            t.printStackTrace(ERR);
        }
    }
}
