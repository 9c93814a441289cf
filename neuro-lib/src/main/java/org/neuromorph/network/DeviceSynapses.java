package org.neuromorph.network;

import org.neuromorph.device.DeviceArray;
import org.neuromorph.device.DeviceModel;
import org.neuromorph.device.PulseRounding;
import org.neuromorph.random.SplitMix64;
import org.neuromorph.state.StateExchange;

/**
 * A projection's synapses as devices: weight = weightPerSiemens × the device's conductance. Made at the network's
 * first run, each device programmed (program-and-verify) to its synapse's initial weight, clipped to its window.
 * Afterwards a rule's change to a set of synapses is remembered before the rule runs ({@link #remember}) and
 * becomes pulses after it ({@link #pulse}): as many as the change spans nominal steps, rounded stochastically
 * ({@link PulseRounding}); the weight is then what the device reached.
 */
final class DeviceSynapses {
    private final double weightPerSiemens;
    private final double nominalStep;
    private final DeviceArray devices;
    private final SplitMix64 pulseRounding;
    /** The weights of the synapses a rule is about to change, in the order it is given them. */
    private final double[] before;
    private final long programmingPulses;
    private final double programmingEnergy;

    /**
     * @param widest the most synapses one rule call changes (a row, or a column for postsynaptic spikes)
     */
    DeviceSynapses(DeviceModel model, double weightPerSiemens, double[] weight, long seed, int widest) {
        this.weightPerSiemens = weightPerSiemens;
        this.nominalStep = model.nominalStep();
        devices = model.create(Math.max(1, weight.length), seed);
        pulseRounding = new SplitMix64(seed ^ 0x5DEECE66DL);
        for (int s = 0; s < weight.length; s++) {
            double g = Math.min(devices.gMax(s), Math.max(devices.gMin(s), weight[s] / weightPerSiemens));
            devices.program(s, g, 0, 10_000);
            weight[s] = devices.state(s) * weightPerSiemens;
        }
        before = new double[widest];
        programmingPulses = devices.totalPulses();
        programmingEnergy = devices.pulseEnergy();
    }

    /** Pulses since the initial program-and-verify. */
    long pulsesSinceProgramming() {
        return devices.totalPulses() - programmingPulses;
    }

    /** Pulse energy since the initial programming (joules). */
    double pulseEnergySinceProgramming() {
        return devices.pulseEnergy() - programmingEnergy;
    }

    DeviceArray devices() {
        return devices;
    }

    /** Remembers the weights of synapses {@code list[from..to)} (or from..to themselves when list is null). */
    void remember(int[] list, int from, int to, double[] weight) {
        if (list == null) {
            System.arraycopy(weight, from, before, 0, to - from);
        } else {
            for (int q = from; q < to; q++) {
                before[q - from] = weight[list[q]];
            }
        }
    }

    /** Turns the changes since {@link #remember} of the same synapses into device pulses. */
    void pulse(int[] list, int from, int to, double[] weight) {
        for (int k = from; k < to; k++) {
            int s = list == null ? k : list[k];
            double wanted = weight[s] - before[k - from];
            if (wanted == 0) {
                continue;
            }
            devices.pulse(s, PulseRounding.round(wanted / weightPerSiemens / nominalStep, pulseRounding));
            weight[s] = devices.state(s) * weightPerSiemens;
        }
    }

    void exchangeState(StateExchange state) {
        devices.exchangeState(new PrefixedState("device.", state));
        pulseRounding.state(state.value("pulseRounding", pulseRounding.state()));
    }
}
