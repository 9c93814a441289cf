package org.neuromorph.kernel.eval;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import kotlin.script.experimental.api.CompiledScript;
import kotlin.script.experimental.jvm.impl.KJvmCompiledModuleInMemory;
import kotlin.script.experimental.jvm.impl.KJvmCompiledScript;

/**
 * A compiled Kotlin cell's classes as the kernel loads them: guarded ({@link CellBytecode}) and defined in the
 * session's one {@link Loader}. The scripting host has no hook for either, so the snippet's in-memory module is
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
     * The one loader of a Kotlin session's cells and of the jars they add. The scripting host defines each cell in
     * a loader of its own, whose parent is the previous cell's: a long session kept a loader per cell, each with
     * its own metaspace and its class files for good (162 MB of heap after 9,000 cells). Cells' class names are
     * unique in a session (Cell_12, Carried_13), so one loader holds them all; a class file is forgotten once its
     * class is defined.
     */
    static final class Loader extends URLClassLoader {
        private final Map<String, byte[]> declared = new HashMap<>();

        Loader(ClassLoader parent) {
            super("neuromorph-kotlin-cells", new URL[0], parent);
        }

        synchronized void declare(Map<String, byte[]> files) {
            files.forEach((path, bytes) -> {
                if (path.endsWith(".class")) {
                    String name = path.substring(0, path.length() - ".class".length()).replace('/', '.');
                    declared.put(name, bytes);
                    // kept from now, used or not: a class only an executor loads is never defined here
                    CellClassArchive.SESSION.keep(name, bytes);
                }
            });
        }

        /** Jars and directories %classpath or %maven added, for the cells that follow. */
        void add(Path entry) {
            try {
                addURL(entry.toUri().toURL());
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot add " + entry + " to the cells' class path: " + e, e);
            }
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes;
            synchronized (this) {
                bytes = declared.remove(name);
            }
            return bytes == null ? super.findClass(name) : defineClass(name, bytes, 0, bytes.length);
        }
    }
}
