package org.neuromorph.bench;

import java.util.Locale;
import jdk.jshell.JShell;

/**
 * Live heap of a bare JShell (local execution, no kernel) as it takes new declarations, one per snippet: the
 * anchor for the Java kernel's memory growth in the soak. Args [declarations] [every]; one JSON line per
 * checkpoint, the live heap measured after two full collections.
 */
public final class JShellGrowth {
    private JShellGrowth() {
    }

    public static void main(String[] args) throws InterruptedException {
        int declarations = args.length > 0 ? Integer.parseInt(args[0]) : 1500;
        int every = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        Runtime runtime = Runtime.getRuntime();
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            for (int k = 0; k < declarations; k++) {
                shell.eval("int d" + k + " = " + k + ";");
                if ((k + 1) % every == 0) {
                    System.gc();
                    Thread.sleep(200);
                    System.gc();
                    double live = (runtime.totalMemory() - runtime.freeMemory()) / 1048576.0;
                    System.out.println(String.format(Locale.ROOT, "{\"benchmark\": \"jshell_growth\", "
                            + "\"declarations\": %d, \"live_heap_mib\": %.1f}", k + 1, live));
                }
            }
        }
    }
}
