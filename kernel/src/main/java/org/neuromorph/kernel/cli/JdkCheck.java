package org.neuromorph.kernel.cli;

/**
 * The kernel compiles cells: it needs a JDK (the jdk.jshell module and the system Java compiler), not only a JRE.
 * Checked at install and at start so that the user reads what to install instead of a kernel that dies.
 */
final class JdkCheck {
    private JdkCheck() {
    }

    /** What is missing and how to get it, or null when this JVM can run the kernel. */
    static String missing() {
        boolean jshell = ModuleLayer.boot().findModule("jdk.jshell").isPresent();
        // module lookups, not ToolProvider: they cost nothing on the start-up path
        boolean compiler = ModuleLayer.boot().findModule("jdk.compiler").isPresent();
        if (jshell && compiler) {
            return null;
        }
        return "this Java (" + System.getProperty("java.home") + ") is a runtime without "
                + (jshell ? "" : "the jdk.jshell module" + (compiler ? "" : " and ")) + (compiler ? "" : "a Java compiler")
                + ", which the kernel needs to run cells: install a JDK 17 or later (on Debian: sudo apt-get install "
                + "openjdk-17-jdk-headless) and run install again with its java";
    }
}
