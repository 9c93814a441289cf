package org.neuromorph.dsl;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.neuromorph.jobs.DefaultProgress;
import org.neuromorph.jobs.ProgressListener;

/**
 * The one seam between a kernel (or any host that runs cells) and the DSL: the names every cell starts with, in
 * one list that each language's evaluator formats in its own syntax, and what the host reports as cells run (which
 * cell starts, where progress goes).
 */
public final class Cells {
    /** An import every cell starts with: a type, all types of a package ({@code onDemand}), or a class's members. */
    public record Import(String name, boolean members) {
        /** As a Java import statement. */
        public String java() {
            return "import " + (members ? "static " : "") + name + ";";
        }

        /** As a Kotlin import (Kotlin imports a Java class's static members as it imports a package's types). */
        public String kotlin() {
            return name;
        }
    }

    /** The library's packages and the DSL's entry points, in the order cells see them. */
    public static final List<Import> IMPORTS = List.of(
            new Import("org.neuromorph.units.*", false),
            new Import("org.neuromorph.neuron.*", false),
            new Import("org.neuromorph.network.*", false),
            new Import("org.neuromorph.monitor.*", false),
            new Import("org.neuromorph.jobs.*", false),
            new Import("org.neuromorph.state.*", false),
            new Import("org.neuromorph.plasticity.*", false),
            new Import("org.neuromorph.device.*", false),
            new Import("org.neuromorph.crossbar.*", false),
            new Import("org.neuromorph.ann.*", false),
            new Import("org.neuromorph.cost.*", false),
            new Import("org.neuromorph.data.*", false),
            new Import("org.neuromorph.nir.*", false),
            new Import("org.neuromorph.pynn.*", false),
            new Import("org.neuromorph.plot.*", false),
            new Import("org.neuromorph.table.Tables", false),
            new Import("tech.tablesaw.api.*", false),
            new Import("org.neuromorph.dsl.Neuro.*", true),
            new Import("org.neuromorph.dsl.Export", false),
            new Import("org.neuromorph.dsl.Sweep", false));

    private Cells() {
    }

    /** A cell named {@code name} (e.g. "cell-7") starts: what it exports is named after it. */
    public static void begin(String name) {
        Export.cell(name);
    }

    /** Where long jobs (network runs, training, sweeps) report progress from now on: a bar per job, or none. */
    public static void progress(Supplier<ProgressListener> bars) {
        DefaultProgress.install(bars);
    }

    private static volatile Function<String, ClassLoader> modules = name -> Cells.class.getClassLoader();
    private static volatile CellCode code = CellCode.NONE;

    /**
     * How the host finds an optional module by name ("spark"): the kernel loads it apart, on first use, so that a
     * session that never needs it never pays for it. Without a host, modules are looked for on the class path.
     */
    public static void optionalModules(Function<String, ClassLoader> finder) {
        modules = finder;
    }

    /** The class loader that holds the optional module {@code name} (see {@link #optionalModules}). */
    public static ClassLoader optionalModule(String name) {
        return modules.apply(name);
    }

    /** The host's cells' compiled code, for engines that run it in other JVMs. */
    public static void code(CellCode cellCode) {
        code = cellCode;
    }

    /** See {@link #code(CellCode)}; {@link CellCode#NONE} outside a kernel. */
    public static CellCode code() {
        return code;
    }
}
