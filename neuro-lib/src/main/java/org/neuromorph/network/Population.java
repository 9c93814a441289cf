package org.neuromorph.network;

import java.util.SplittableRandom;
import org.neuromorph.monitor.SpikeSource;
import org.neuromorph.state.StateExchange;

/**
 * Anything that emits spikes on the network's clock: a group of model neurons or a spike source.
 * Each step the simulator calls {@link #update}, then reads the spikes of that step from {@link #spikes()}.
 */
public abstract class Population implements SpikeSource {
    private final String name;
    private final int size;
    /** Indices of the units that spiked in the current step; the first {@link #spikeCount} are valid. */
    protected final int[] spikes;
    protected int spikeCount;
    /** Spikes of every step so far, for cost reports (added up by the network after each step's update). */
    long spikesSoFar;

    protected Population(String name, int size) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a population needs a name");
        }
        if (size <= 0) {
            throw new IllegalArgumentException("population '" + name + "' needs a size > 0, got " + size);
        }
        this.name = name;
        this.size = size;
        this.spikes = new int[size];
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return size;
    }

    /** Called once when the network is built, before the first step. */
    protected abstract void initialize(double dt, SplittableRandom rng);

    /** Advances to the end of step {@code step} and determines which units spike in it. */
    protected abstract void update(long step, double dt);

    /** Completes the step after synaptic delivery (e.g. resets the neurons that spiked). */
    protected void finishStep(long step) {
    }

    /**
     * Walks the state this population carries from one step to the next, for save and load (see
     * {@link org.neuromorph.state.StateExchange}). Sources with none keep the default.
     */
    protected void exchangeState(StateExchange state) {
    }

    /** Called after a load filled the state, at simulation step {@code step}. */
    protected void stateLoaded(long step) {
    }

    /** What this population is, parameters included: a saved state loads only into one that matches. */
    public String description() {
        return toString();
    }

    /** The spikes of the current step: indices {@code spikes()[0 .. spikeCount()-1]}. */
    @Override
    public int[] spikes() {
        return spikes;
    }

    /** Every spike this population has emitted since the network was built (for cost reports). */
    public long spikesSoFar() {
        return spikesSoFar;
    }

    @Override
    public int spikeCount() {
        return spikeCount;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "('" + name + "', " + size + ")";
    }
}
