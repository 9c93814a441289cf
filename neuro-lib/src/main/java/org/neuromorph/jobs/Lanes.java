package org.neuromorph.jobs;

/**
 * Whether hot loops (LIF neuron updates, crossbar reads) run in SIMD lanes through the JDK's incubating Vector API
 * ({@code jdk.incubator.vector}). JDK 17 resolves that module only when the JVM starts with
 * {@code --add-modules jdk.incubator.vector} (the kernels, the headless runner and the benchmarks do); without it,
 * or with {@code -Dneuromorph.simd=false}, the same operations run in scalar loops, in the same order, and give the
 * same bits. This class names no Vector API type, so it loads on any JVM; the classes that do are loaded only when
 * {@link #enabled()} says so.
 * <p>
 * Lane code is many times slower than the scalar loop until the JIT has compiled it (each vector is an object
 * until then), which it does during a JVM's first run: a fresh JVM's first second of a 4000-neuron CUBA took
 * 0.37-0.42 s in lanes against 0.085 s scalar, the eleven after it 0.021-0.024 s against 0.024-0.030 s (three
 * JVMs each). A warm-up thread that raced lanes against scalar code and switched when the lanes won cost more: on
 * two cores it took 0.4-0.5 s to decide and slowed the simulation beside it.
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
