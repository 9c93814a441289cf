package org.neuromorph.monitor;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;

/** Records one state variable of chosen neurons at the start of every step (values at t = n·dt). */
public final class StateMonitor implements Monitor {
    private final StateSource group;
    private final String variable;
    private final int[] neurons;
    private final DoubleList values = new DoubleList(4096);
    private int samples;
    private double dt;
    private IntToDoubleFunction reader;

    /** Records {@code variable} of {@code neurons}; a network makes one with {@code net.monitorState(...)}. */
    public StateMonitor(StateSource group, String variable, int[] neurons) {
        for (int i : neurons) {
            if (i < 0 || i >= group.size()) {
                throw new IllegalArgumentException("neuron " + i + " is not in group '" + group.name()
                        + "' (size " + group.size() + ")");
            }
        }
        this.group = group;
        this.variable = variable;
        this.neurons = neurons.clone();
    }

    @Override
    public void atStepStart(long step, double dt) {
        this.dt = dt;
        if (reader == null) { // the group's state exists from the first step on
            reader = group.reader(variable);
        }
        for (int i : neurons) {
            values.add(reader.applyAsDouble(i));
        }
        samples++;
    }

    public String variable() {
        return variable;
    }

    public int[] neurons() {
        return neurons.clone();
    }

    /** Sample times in seconds. */
    public double[] times() {
        double[] t = new double[samples];
        for (int k = 0; k < samples; k++) {
            t[k] = k * dt;
        }
        return t;
    }

    /** The recorded trace (SI units) of the k-th monitored neuron. */
    public double[] trace(int k) {
        if (k < 0 || k >= neurons.length) {
            throw new IllegalArgumentException("trace index " + k + " out of range: this monitor records "
                    + neurons.length + " neuron(s) " + Arrays.toString(neurons));
        }
        double[] out = new double[samples];
        for (int s = 0; s < samples; s++) {
            out[s] = values.get(s * neurons.length + k);
        }
        return out;
    }

    public int samples() {
        return samples;
    }

    @Override
    public String toString() {
        return "StateMonitor(" + group.name() + "." + variable + " of " + neurons.length + " neuron(s), "
                + samples + " samples)";
    }
}
