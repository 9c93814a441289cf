package org.neuromorph.neuron;

/**
 * Whether neuron updates run in SIMD lanes through the JDK's incubating Vector API ({@code jdk.incubator.vector}).
 * JDK 17 resolves that module only when the JVM starts with {@code --add-modules jdk.incubator.vector} (the
 * kernels, the headless runner and the benchmarks do); without it, or with {@code -Dneuromorph.simd=false}, the
 * same operations run in scalar loops, in the same order, and give the same bits. This class names no Vector API
 * type, so it loads on any JVM; the classes that do are loaded only when {@link #enabled()} says so.
 */
public final class Lanes {
    private static final boolean MODULE_RESOLVED = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private Lanes() {
    }

    /** True when the module is resolved and not switched off; read when a neuron group is built. */
    public static boolean enabled() {
        return MODULE_RESOLVED && !"false".equalsIgnoreCase(System.getProperty("neuromorph.simd"));
    }
}
