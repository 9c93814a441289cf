package org.neuromorph.monitor;

import java.util.Arrays;

/** A growable double array, for monitors; no boxing. */
final class DoubleList {
    private double[] data;
    private int size;

    DoubleList(int capacity) {
        data = new double[Math.max(4, capacity)];
    }

    void add(double value) {
        if (size == data.length) {
            data = Arrays.copyOf(data, data.length * 2);
        }
        data[size++] = value;
    }

    double get(int index) {
        return data[index];
    }

    int size() {
        return size;
    }

    double[] toArray() {
        return Arrays.copyOf(data, size);
    }
}
