package org.neuromorph.kernel.cli;

import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How a kernel's JVM is started, chosen for the JDK that runs this command (install writes it into kernel.json, run
 * uses it at once, so the kernel gets the same JDK and no option that JDK refuses). No Security Manager option: JDK 24
 * and later refuse to start with one, and the kernel guards cells by rewriting their bytecode instead.
 */
final class KernelJvm {
    private static final String VECTOR_MODULE = "jdk.incubator.vector";
    /** The one line the JVM prints on every start with an incubating module, before any code of ours runs. */
    static final String INCUBATOR_WARNING = "WARNING: Using incubator modules: " + VECTOR_MODULE;

    private KernelJvm() {
    }

    /**
     * The kernel's JVM options unless the user sets their own: the parallel collector and a heap that grows from
     * 32 MiB and gives back what it does not use. Measured on 2 cores, 200 trivial cells after start: G1's defaults
     * held 400-800 MiB; the serial collector 250 MiB but with 40-90 ms young pauses while JShell fills the heap at
     * start (p99 105 ms); the parallel one 250 MiB and p99 50 ms, and it is the throughput collector simulations
     * want. A user's collector or initial heap replaces ours.
     * <p>
     * The JDK's incubating Vector API, for LIF's step and crossbar reads in SIMD lanes (org.neuromorph.jobs.Lanes),
     * when this JDK has the module: the CUBA benchmark's loop took a quarter less time at 64000 neurons.
     * <p>
     * From JDK 23 on, the Kotlin compiler's use of sun.misc.Unsafe's memory access is allowed explicitly: JDK 24 and
     * later otherwise print a deprecation warning at the first Kotlin cell that only JetBrains can act on.
     */
    static final List<String> DEFAULT_OPTIONS = defaultOptions(Runtime.version().feature(),
            ModuleFinder.ofSystem().find(VECTOR_MODULE).isPresent());

    static List<String> defaultOptions(int jdkFeature, boolean hasVectorModule) {
        List<String> options = new ArrayList<>(List.of("-XX:+UseParallelGC", "-Xms32m", "-XX:MinHeapFreeRatio=10",
                "-XX:MaxHeapFreeRatio=30"));
        if (hasVectorModule) {
            options.add("--add-modules=" + VECTOR_MODULE);
        }
        if (jdkFeature >= 23) {
            options.add("--sun-misc-unsafe-memory-access=allow");
        }
        return List.copyOf(options);
    }

    /**
     * The command that starts {@code javaCommand} with {@code arguments}. With the incubating module the JVM prints
     * {@link #INCUBATOR_WARNING} to stderr before main, on every start, and no option silences it: where bash is
     * there, the kernel is exec'ed under it (same process, so signals, pid and exit code are the JVM's) with stderr
     * through a grep that drops that one line; everything else the kernel writes to stderr still reaches the
     * front end's terminal.
     */
    static List<String> launch(String javaCommand, List<String> arguments) {
        List<String> command = new ArrayList<>();
        boolean incubating = arguments.stream().anyMatch(a -> a.contains(VECTOR_MODULE));
        if (incubating && Files.isExecutable(Path.of("/bin/bash"))) {
            command.addAll(List.of("/bin/bash", "-c", "exec \"$@\" 2> >(exec grep --line-buffered -v -x -F '"
                    + INCUBATOR_WARNING + "' >&2)", "neuromorph-kernel"));
        }
        command.add(javaCommand);
        command.addAll(arguments);
        return command;
    }
}
