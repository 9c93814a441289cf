package org.neuromorph.neuron;

import java.util.Arrays;

/** Checks the neuron models share, so every model refuses a bad parameter with the same kind of message. */
final class Parameters {
    private Parameters() {
    }

    /** The SI value if it is > 0; otherwise an error naming the parameter and the quantity given. */
    static double positive(double si, String name, Object shown) {
        if (!(si > 0)) {
            throw new IllegalArgumentException(name + " must be > 0, got " + shown);
        }
        return si;
    }

    /** The SI value if it is ≥ 0; otherwise an error naming the parameter and the quantity given. */
    static double nonNegative(double si, String name, Object shown) {
        if (!(si >= 0)) {
            throw new IllegalArgumentException(name + " must be ≥ 0, got " + shown);
        }
        return si;
    }

    /** The index of a synapse channel by name, or an error listing the channels and how to add one. */
    static int channelIndex(String[] names, String name, String model, String example) {
        for (int k = 0; k < names.length; k++) {
            if (names[k].equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("this " + model + " has no synapse '" + name + "'; it has "
                + Arrays.toString(names) + " (add one with " + example + ")");
    }
}
