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
        script.setCompiledModule$kotlin_scripting_jvm(new KJvmCompiledModuleInMemoryImpl(guarded));
        return guarded;
    }
}
