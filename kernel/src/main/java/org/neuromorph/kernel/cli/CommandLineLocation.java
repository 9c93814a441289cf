package org.neuromorph.kernel.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Where kernelspecs go, as {@code jupyter kernelspec install} decides: --user (the default) in the user's
 * Jupyter data directory, --sys-prefix in {@code sys.prefix/share/jupyter} of the python3 on PATH,
 * --prefix P in {@code P/share/jupyter}; always under {@code kernels/}.
 */
final class CommandLineLocation {
    @CommandLine.ArgGroup(exclusive = true)
    Choice choice;

    static final class Choice {
        @Option(names = "--user", description = "install for the current user (default)")
        boolean user;

        @Option(names = "--sys-prefix", description = "install into the Python environment's prefix")
        boolean sysPrefix;

        @Option(names = "--prefix", paramLabel = "P", description = "install into P/share/jupyter/kernels")
        Path prefix;
    }

    Path kernelsDir() throws IOException {
        if (choice != null && choice.prefix != null) {
            return choice.prefix.toAbsolutePath().resolve("share/jupyter/kernels");
        }
        if (choice != null && choice.sysPrefix) {
            return Path.of(pythonSysPrefix()).resolve("share/jupyter/kernels");
        }
        String dataDir = System.getenv("JUPYTER_DATA_DIR");
        if (dataDir != null && !dataDir.isBlank()) {
            return Path.of(dataDir).resolve("kernels");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("jupyter").resolve("kernels");
    }

    private static String pythonSysPrefix() throws IOException {
        Process p = new ProcessBuilder("python3", "-c", "import sys; print(sys.prefix)")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        try {
            if (p.waitFor() != 0 || out.isEmpty()) {
                throw new IOException("--sys-prefix: python3 did not report sys.prefix: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking python3 for sys.prefix", e);
        }
        return out;
    }

    /** The jar this code runs from, or null when run from classes. */
    static Path runningJar() {
        try {
            Path path = Path.of(CommandLineLocation.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return path.toString().endsWith(".jar") ? path.toAbsolutePath() : null;
        } catch (URISyntaxException | SecurityException e) {
            return null;
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
