package org.neuromorph.kernel.eval;

import java.util.LinkedHashMap;
import java.util.Map;
import kotlin.script.experimental.api.CompiledScript;
import kotlin.script.experimental.jvm.impl.KJvmCompiledModuleInMemory;
import kotlin.script.experimental.jvm.impl.KJvmCompiledScript;
import org.jetbrains.kotlin.scripting.compiler.plugin.impl.KJvmCompiledModuleInMemoryImpl;

/**
 * Guards a compiled Kotlin cell's classes ({@link CellBytecode}) before the REPL evaluator defines them. The
 * scripting host has no hook for this, so the snippet's in-memory module is replaced by one holding the rewritten
 * class files; the setter is Kotlin-internal, hence this helper in Java. A host version that changes these types
 * fails here, at the warm-up cell, rather than running cells unguarded.
 */
final class KotlinCellClasses {
    private KotlinCellClasses() {
    }

    /** Guards {@code compiled}'s classes in place; returns its class files as they will be loaded. */
    static Map<String, byte[]> guard(CompiledScript compiled) {
        if (!(compiled instanceof KJvmCompiledScript script)
                || !(script.getCompiledModule() instanceof KJvmCompiledModuleInMemory module)) {
            throw new IllegalStateException("the Kotlin scripting host compiled a cell into an unexpected form ("
                    + compiled.getClass().getName() + "); its classes cannot be guarded");
        }
        Map<String, byte[]> guarded = new LinkedHashMap<>();
        module.getCompilerOutputFiles().forEach((name, bytes) ->
                guarded.put(name, name.endsWith(".class") ? CellBytecode.guard(bytes) : bytes));
        script.setCompiledModule$kotlin_scripting_jvm(new KJvmCompiledModuleInMemoryImpl(new DefinedOnce(guarded)));
        return guarded;
    }

    /**
     * A cell's output files as its class loader sees them: a class file is handed out once, to be defined, and then
     * forgotten. The scripting host's loader (one per cell) keeps its map for good, and the class files were most of
     * what a long Kotlin session kept per cell (49 MB after 9,000 cells); a defined class is never asked for again.
     */
    private static final class DefinedOnce extends LinkedHashMap<String, byte[]> {
        DefinedOnce(Map<String, byte[]> files) {
            super(files);
        }

        @Override
        public byte[] get(Object name) {
            return name instanceof String s && s.endsWith(".class") ? remove(name) : super.get(name);
        }
    }
}
