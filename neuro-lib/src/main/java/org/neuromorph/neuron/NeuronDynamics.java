package org.neuromorph.neuron;

import java.util.function.IntToDoubleFunction;
import org.neuromorph.state.StateExchange;

/**
 * The state of a group of neurons held as arrays (one array per variable), advanced by the simulator in three
 * phases per step, in the order Brian2 uses: integrate the state over the step, detect threshold crossings,
 * (synaptic jumps are delivered here by the simulator), then reset the neurons that spiked.
 * Implementations allocate nothing per step. A model whose step can be split by neuron ranges across threads
 * implements {@link SplitStepping} as well.
 */
public interface NeuronDynamics {
    int size();

    /**
     * Integrates the state from step {@code step} to {@code step + 1}.
     *
     * @param current the input current of each neuron in amperes, constant over the step
     */
    void integrate(long step, double[] current);

    /**
     * Writes the indices of the neurons that crossed threshold in this step into {@code spikes}, in increasing
     * order, and returns how many did.
     */
    int threshold(long step, int[] spikes);

    /**
     * {@link #integrate} then {@link #threshold}, in one call so that a model may fuse them (one pass over its
     * arrays instead of two); with {@code spikes} null it only integrates. Returns the number of spikes.
     */
    default int advance(long step, double[] current, int[] spikes) {
        integrate(step, current);
        return spikes == null ? 0 : threshold(step, spikes);
    }

    /**
     * Whether {@link #advance} (and {@link SplitStepping#advanceRange}) take a null current to mean that none is injected, so that
     * a group without injections passes no array of zeros for every step to read.
     */
    default boolean takesNullCurrent() {
        return false;
    }

    /** Applies an instantaneous change of membrane potential (a delta synapse), in volts. */
    void addVoltage(int neuron, double dv);

    /**
     * The index of a named synaptic input channel (e.g. an exponential current synapse "e"), for
     * {@link #addToChannel}.
     *
     * @throws IllegalArgumentException naming the channels there are
     */
    default int channel(String name) {
        throw new IllegalArgumentException("this neuron model has no synaptic channel '" + name
                + "'; it takes only voltage jumps (delta synapses)");
    }

    /** The unit of the weights delivered straight to the neuron ({@link #addVoltage}): "V", or "1" for plain numbers. */
    default String inputUnit() {
        return "V";
    }

    /** The SI unit of a channel's weights: "V" for current synapses expressed as drive, "S" for conductances. */
    default String channelUnit(int channel) {
        return "V";
    }

    /** Adds to a synaptic channel's variable (its jump on a presynaptic spike), in that channel's unit. */
    default void addToChannel(int channel, int neuron, double amount) {
        throw new IllegalArgumentException("this neuron model has no synaptic channels");
    }

    /** Resets the neurons that spiked in this step. */
    void reset(long step, int[] spikes, int count);

    /** Names of the state variables a monitor can record, e.g. "v". */
    String[] variables();

    /**
     * Walks every array of this state for saving or loading (see {@link StateExchange}). The default walks the
     * {@link #variables()}; a model with state beyond them (the last spike step, say) adds it.
     */
    default void exchangeState(StateExchange state) {
        for (String name : variables()) {
            state.doubles(name, variable(name));
        }
    }

    /** Called after a load filled the state arrays, at simulation step {@code step}, to rebuild what derives from them. */
    default void stateLoaded(long step) {
    }

    /**
     * The live array of a state variable in SI units (not a copy): writes into it change the state.
     *
     * @throws IllegalArgumentException naming the variables there are, when the name is unknown
     */
    double[] variable(String name);

    /**
     * Reads a state variable neuron by neuron without changing how the state is held, for monitors: a model that
     * keeps a variable scaled (LIF's current channels) must put its factor into the array before
     * {@link #variable} can hand that out, which rounds the values, so reading through it would change the run.
     */
    default IntToDoubleFunction reader(String name) {
        double[] values = variable(name);
        return i -> values[i];
    }
}
