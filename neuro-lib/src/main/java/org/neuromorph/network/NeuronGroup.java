package org.neuromorph.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import java.util.function.IntToDoubleFunction;
import org.neuromorph.monitor.StateSource;
import org.neuromorph.neuron.NeuronDynamics;
import org.neuromorph.neuron.NeuronModel;
import org.neuromorph.neuron.SplitStepping;
import org.neuromorph.state.StateExchange;

/** A group of neurons of one model, with injected currents and incoming delta-synapse jumps. */
public final class NeuronGroup extends Population implements StateSource {
    private final NeuronModel model;
    private final List<CurrentInjection> injections = new ArrayList<>();
    private NeuronDynamics dynamics;
    private double[] current;
    private double dt;
    /**
     * Groups at least this large split each step across the run's threads; below it the three waits per step
     * cost more than they save (measured: no gain at 16000 CUBA neurons, 1.5× at 64000 on two cores). Tests lower it.
     */
    static int parallelMin = 32768;
    private StepThreads threads;
    private int[] chunkStart;
    private int[] chunkSpikes;
    private long parallelStep;
    private final IntConsumer chunkTask = c -> chunkSpikes[c] = ((SplitStepping) dynamics)
            .advanceRange(parallelStep, input(), chunkStart[c], chunkStart[c + 1], spikes);

    public NeuronGroup(String name, int size, NeuronModel model) {
        super(name, size);
        this.model = Objects.requireNonNull(model, "model");
    }

    public NeuronModel model() {
        return model;
    }

    /** Whether currents are injected into this group ({@link #inject}). */
    public boolean hasInjections() {
        return !injections.isEmpty();
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

    @Override
    public IntToDoubleFunction reader(String variable) {
        return dynamics().reader(variable);
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
        if (threads == null) {
            spikeCount = dynamics.advance(step, input(), spikes);
            return;
        }
        // each chunk writes its spikes from its own start; moved together, they are in index order as if serial
        SplitStepping split = (SplitStepping) dynamics;
        split.beginStep(step);
        parallelStep = step;
        threads.forEach(chunkTask);
        int count = chunkSpikes[0];
        for (int c = 1; c < chunkSpikes.length; c++) {
            System.arraycopy(spikes, chunkStart[c], spikes, count, chunkSpikes[c]);
            count += chunkSpikes[c];
        }
        spikeCount = count;
        split.endStep(step);
    }

    /** The injected current of this step: null when nothing is injected and the model takes that. */
    private double[] input() {
        return injections.isEmpty() && dynamics.takesNullCurrent() ? null : current;
    }

    @Override
    protected void exchangeState(StateExchange state) {
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

    /** The threads this group's steps are split across in the current run, or null. */
    StepThreads splitThreads() {
        return threads;
    }

    /** First neuron of chunk c of a split step (chunk c covers [chunkStart(c), chunkStart(c + 1))). */
    int chunkStart(int c) {
        return chunkStart[c];
    }

    /** Whether this group splits its steps across threads (large enough, and its model allows it). */
    boolean splits() {
        return size() >= parallelMin && dynamics instanceof SplitStepping;
    }

    /** The threads of the current run (null after it): used when the group {@link #splits}. */
    void useThreads(StepThreads runThreads) {
        if (runThreads == null || runThreads.threads() < 2 || !splits()) {
            threads = null;
            return;
        }
        int n = runThreads.threads();
        chunkStart = new int[n + 1];
        for (int c = 1; c < n; c++) {
            chunkStart[c] = (int) ((long) size() * c / n) / 512 * 512; // whole cache blocks per chunk
        }
        chunkStart[n] = size();
        chunkSpikes = new int[n];
        threads = runThreads;
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
