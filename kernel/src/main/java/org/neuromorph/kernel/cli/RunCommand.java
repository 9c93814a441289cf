package org.neuromorph.kernel.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code neuromorph run FILE}: executes a notebook (.ipynb) or a script (.jsh Java, .kts Kotlin) headless, without
 * Jupyter, on a kernel of the language the notebook's kernelspec names, and writes the executed notebook and an HTML
 * report next to it. It is a client of the same kernel Jupyter starts, so a cell gives the same outputs here as in a
 * notebook. Exits 1 at the first failing cell, naming it.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Execute a notebook (.ipynb) or a script (.jsh, .kts) headless; write FILE.run.ipynb (scripts: "
                + "FILE.run.ipynb with one cell) and FILE.run.html next to it.")
final class RunCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "the notebook or script to run")
    Path file;

    @Option(names = "--timeout", defaultValue = "600", description = "seconds a cell may take (default 600)")
    int timeoutSeconds;

    @Option(names = "--in-place", description = "write the executed notebook over FILE (a .ipynb)")
    boolean inPlace;

    @Option(names = "--progress", description = "show progress bars of long runs in the outputs (default: none, as "
            + "a headless run has nobody watching)")
    boolean progress;

    @Option(names = "--jvm-option", paramLabel = "OPT", description = "an option for the kernel's JVM (repeatable)")
    List<String> jvmOptions = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            System.err.println("neuromorph run: no such file: " + file);
            return 2;
        }
        String name = file.getFileName().toString();
        if (!name.endsWith(".ipynb") && !name.endsWith(".jsh") && !name.endsWith(".kts")) {
            System.err.println("neuromorph run: " + file + " is not a notebook (.ipynb) or script (.jsh, .kts)");
            return 2;
        }
        String missing = JdkCheck.missing();
        if (missing != null) {
            System.err.println("neuromorph run: " + missing);
            return 2;
        }
        Path jar = CommandLineLocation.runningJar();
        if (jar == null) {
            System.err.println("neuromorph run: run this from the jar (java -jar neuromorph.jar run FILE)");
            return 2;
        }
        List<String> options = new ArrayList<>(KernelJvm.DEFAULT_OPTIONS);
        if (!progress) {
            options.add("-Dneuromorph.progress=false");
        }
        options.addAll(jvmOptions);
        HeadlessRun run = HeadlessRun.of(file);
        Path base = file.toAbsolutePath().resolveSibling(name.substring(0, name.lastIndexOf('.')));
        Path notebookOut = inPlace && name.endsWith(".ipynb") ? file : Path.of(base + ".run.ipynb");
        Path reportOut = Path.of(base + ".run.html");
        return run.execute(jar, options, timeoutSeconds, notebookOut, reportOut);
    }
}
