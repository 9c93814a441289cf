package org.neuromorph.random;

/**
 * The SplitMix64 generator (Steele, Lea &amp; Flood, OOPSLA 2014), whose whole state is one long: that is what lets
 * a saved network resume its random streams exactly. Used by sources that draw at every step.
 */
public final class SplitMix64 {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private long state;

    public SplitMix64(long seed) {
        state = seed;
    }

    public long nextLong() {
        long z = (state += GOLDEN_GAMMA);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1), with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** A standard normal draw: Box–Muller on two uniforms, the cosine branch only (one draw, two uniforms). */
    public double nextGaussian() {
        double u = 1 - nextDouble();
        double v = nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    public long state() {
        return state;
    }

    public void state(long value) {
        state = value;
    }
}
