package org.neuromorph.monitor;

import java.util.function.IntToDoubleFunction;

/** What a state monitor records: a named group of neurons whose state variables can be read by name. */
public interface StateSource {
    String name();

    int size();

    /**
     * Reads one state variable (SI units) by neuron index; fails, naming the variables there are, for a name the
     * model does not have. Asked once, at the first recorded step (a group's state exists from then on).
     */
    IntToDoubleFunction reader(String variable);
}
