package org.neuromorph.state;

/**
 * The arrays and values that make up a component's state, walked for saving or loading a network. One method
 * per component serves both directions: when saving, each call writes the live array; when loading, it fills the
 * live array from the file, refusing one of another length.
 */
public interface StateExchange {
    void doubles(String name, double[] live);

    void longs(String name, long[] live);

    void ints(String name, int[] live);

    /** A scalar: returns {@code current} when saving, and the saved value when loading. */
    long value(String name, long current);
}
