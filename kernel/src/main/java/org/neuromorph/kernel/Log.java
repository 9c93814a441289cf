package org.neuromorph.kernel;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

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

    private static final long LIMIT_NANOS = 10_000_000_000L;
    private static final Map<String, long[]> LIMITED = new HashMap<>();

    /**
     * A warning that hostile or broken clients can repeat at will: the first of each {@code kind} is logged, the
     * rest only counted and reported with the next one logged, at most one line per kind every 10 s, so a flood of
     * bad messages cannot flood the log.
     */
    public static void warnLimited(String kind, String message) {
        errorLimited(kind, message, null);
    }

    /** {@link #warnLimited}, with the stack trace of {@code t} (if any) when the line is logged. */
    public static void errorLimited(String kind, String message, Throwable t) {
        long now = System.nanoTime();
        long suppressed;
        synchronized (LIMITED) {
            long[] state = LIMITED.computeIfAbsent(kind, k -> new long[] {now - LIMIT_NANOS, 0});
            if (now - state[0] < LIMIT_NANOS) {
                state[1]++;
                return;
            }
            suppressed = state[1];
            state[0] = now;
            state[1] = 0;
        }
        error(message + (suppressed > 0 ? " (and " + suppressed + " more of this kind since the last report)" : ""), t);
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
