package org.neuromorph.network;

import org.neuromorph.state.StateExchange;

/** A state walk whose names get a prefix, so two parts of one owner (a projection and its devices) cannot clash. */
record PrefixedState(String prefix, StateExchange inner) implements StateExchange {
    @Override
    public void doubles(String name, double[] live) {
        inner.doubles(prefix + name, live);
    }

    @Override
    public void longs(String name, long[] live) {
        inner.longs(prefix + name, live);
    }

    @Override
    public void ints(String name, int[] live) {
        inner.ints(prefix + name, live);
    }

    @Override
    public long value(String name, long current) {
        return inner.value(prefix + name, current);
    }
}
