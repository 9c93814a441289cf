package org.neuromorph.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.neuromorph.input.CurrentInjection;
import org.neuromorph.neuron.NeuronDynamics;
import org.neuromorph.neuron.NeuronModel;

/** A group of neurons of one model, with injected currents and incoming delta-synapse jumps. */
public final class NeuronGroup extends Population {
    private final NeuronModel model;
    private final List<CurrentInjection> injections = new ArrayList<>();
    private NeuronDynamics dynamics;
    private double[] current;
    private double dt;

    public NeuronGroup(String name, int size, NeuronModel model) {
        super(name, size);
        this.model = java.util.Objects.requireNonNull(model, "model");
    }

    public NeuronModel model() {
        return model;
    }

    /** Adds a current injected into every neuron of the group (constant, step or trace). */
    public NeuronGroup inject(CurrentInjection injection) {
        injections.add(injection);
        return this;
    }

    /** The live state; available once the network has been built (first run). */
    public NeuronDynamics dynamics() {
        if (dynamics == null) {
            throw new IllegalStateException("group '" + name() + "' has no state yet: run the network first");
        }
        return dynamics;
    }

    boolean initialized() {
        return dynamics != null;
    }

    @Override
    protected void initialize(double dt, SplittableRandom rng) {
        this.dt = dt;
        dynamics = model.instantiate(size(), dt, rng);
        current = new double[size()];
    }

    @Override
    protected void update(long step, double dt) {
        if (!injections.isEmpty()) { // without injections the array stays zero
            Arrays.fill(current, 0);
            double t = step * dt;
            for (int k = 0; k < injections.size(); k++) {
                injections.get(k).addTo(current, t);
            }
        }
        spikeCount = dynamics.advance(step, current, spikes);
    }

    @Override
    protected void exchangeState(org.neuromorph.neuron.StateExchange state) {
        dynamics.exchangeState(state);
    }

    @Override
    protected void stateLoaded(long step) {
        dynamics.stateLoaded(step);
    }

    @Override
    public String description() {
        return size() + " × " + model + (injections.isEmpty() ? "" : " with " + injections.size() + " injected currents");
    }

    void addVoltage(int neuron, double dv) {
        dynamics.addVoltage(neuron, dv);
    }

    void addToChannel(int channel, int neuron, double amount) {
        dynamics.addToChannel(channel, neuron, amount);
    }

    @Override
    protected void finishStep(long step) {
        dynamics.reset(step, spikes, spikeCount);
    }

    double dt() {
        return dt;
    }

    @Override
    public String toString() {
        return "NeuronGroup('" + name() + "', " + size() + " × " + model.name() + ")";
    }
}
