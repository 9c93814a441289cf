package org.neuromorph.kernel.eval;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kotlin.script.experimental.api.CompiledScript;
import kotlin.script.experimental.jvm.impl.KJvmCompiledModuleInMemory;
import kotlin.script.experimental.jvm.impl.KJvmCompiledScript;

/**
 * A compiled Kotlin cell's classes as the kernel loads them: guarded ({@link CellBytecode}) and defined in the loader
 * of the session's current generation ({@link Session}). The scripting host has no hook for either, so the snippet's
 * in-memory module is
 * replaced by one of ours (the setter is Kotlin-internal, hence this helper in Java). A host version that changes
 * these types fails here, at the warm-up cell, rather than running cells unguarded.
 */
final class KotlinCellClasses {
    private KotlinCellClasses() {
    }

    /** Guards {@code compiled}'s classes, to be defined in {@code loader}; returns its class files as guarded. */
    static Map<String, byte[]> guard(CompiledScript compiled, Loader loader) {
        if (!(compiled instanceof KJvmCompiledScript script)
                || !(script.getCompiledModule() instanceof KJvmCompiledModuleInMemory module)) {
            throw new IllegalStateException("the Kotlin scripting host compiled a cell into an unexpected form ("
                    + compiled.getClass().getName() + "); its classes cannot be guarded");
        }
        Map<String, byte[]> guarded = new LinkedHashMap<>();
        module.getCompilerOutputFiles().forEach((name, bytes) ->
                guarded.put(name, name.endsWith(".class") ? CellBytecode.guard(bytes) : bytes));
        script.setCompiledModule$kotlin_scripting_jvm(new Module(guarded, loader));
        return guarded;
    }

    /** A cell's output files, whose classes go into the session's loader instead of a loader of their own. */
    private record Module(Map<String, byte[]> getCompilerOutputFiles, Loader loader)
            implements KJvmCompiledModuleInMemory {
        @Override
        public ClassLoader createClassLoader(ClassLoader parent) {
            loader.declare(getCompilerOutputFiles);
            return loader;
        }
    }

    /**
     * What a Kotlin session's cells load from: the jars %classpath and %maven added, and every generation's classes
     * ({@link KotlinGenerations}), each generation in a {@link Loader} of its own, so that a generation nothing refers
     * to any more (its properties' values carried over, no object of its classes alive) is unloaded whole. One loader
     * for all cells kept every cell's class for the session (2.5 KB of metaspace per cell in issue 26's soak); a
     * loader per cell, as the scripting host makes, kept a loader each besides. Cells' class names start with their
     * cell's number, unique in the session (Cell_12, Carried_13$Foo), so the loader that defines one is found by it.
     */
    static final class Session {
        private static final Pattern CELL_CLASS = Pattern.compile("^(?:Cell|Carried)_(\\d+)(?:\\$.*)?$");

        private final CellJars jars;
        /** Each generation's loader by the number of its first cell; a loader unloaded leaves a cleared reference. */
        private final TreeMap<Integer, WeakReference<Loader>> generations = new TreeMap<>();

        Session(ClassLoader parent) {
            jars = new CellJars("neuromorph-kotlin-jars", parent);
        }

        /** A loader for the generation whose cells are numbered from {@code firstCell} on. */
        synchronized Loader generation(int firstCell) {
            generations.values().removeIf(r -> r.get() == null);
            Loader loader = new Loader(this);
            generations.put(firstCell, new WeakReference<>(loader));
            return loader;
        }

        /** How many generations' loaders are still alive (not yet unloaded). */
        synchronized int liveGenerations() {
            return (int) generations.values().stream().filter(r -> r.get() != null).count();
        }

        /** Jars and directories %classpath or %maven added, for the cells that follow. */
        void add(Path entry) {
            try {
                jars.add(entry);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot add " + entry + " to the cells' class path: " + e, e);
            }
        }

        /** The loader of a cell class's generation; null if not a cell class (or its generation is gone). */
        private synchronized Loader owner(String name) {
            Matcher m = CELL_CLASS.matcher(name);
            if (!m.matches()) {
                return null;
            }
            Map.Entry<Integer, WeakReference<Loader>> entry = generations.floorEntry(Integer.parseInt(m.group(1)));
            return entry == null ? null : entry.getValue().get();
        }
    }

    /** One generation's classes (see {@link CellClassLoader}). */
    static final class Loader extends CellClassLoader {
        private final Session session;

        private Loader(Session session) {
            super("neuromorph-kotlin-cells", session.jars);
            this.session = session;
        }

        void declare(Map<String, byte[]> files) {
            files.forEach((path, bytes) -> {
                if (path.endsWith(".class")) {
                    declare(path.substring(0, path.length() - ".class".length()).replace('/', '.'), bytes);
                }
            });
        }

        /** An earlier generation's class, or the jars' and the kernel's. */
        @Override
        Class<?> elsewhere(String name) throws ClassNotFoundException {
            Loader owner = session.owner(name);
            if (owner == this) {
                throw new ClassNotFoundException(name);
            }
            return owner != null ? owner.loadClass(name) : fromParents(name);
        }
    }
}
