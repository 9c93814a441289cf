package org.neuromorph.cost;

import static org.neuromorph.units.Arguments.atLeastOne;
import static org.neuromorph.units.Arguments.nonNegative;

import java.util.Locale;
import org.neuromorph.units.Energy;

/**
 * The same work done by a digital processor, from Horowitz's 45 nm energies per operation (ISSCC 2014, "Computing's
 * energy problem"): an 8-bit integer multiply 0.2 pJ, an 8-bit add 0.03 pJ, 64 bits read from an 8 KB SRAM 10 pJ.
 * A multiply-accumulate fetches its weight from SRAM; a synaptic event fetches and adds one; a neuron's update reads
 * its state, multiplies by the leak, adds and writes the state back. Settable, so that its assumptions show.
 */
public final class DigitalBaseline {
    private double multiply = 0.2e-12;
    private double add = 0.03e-12;
    private double sramPer64Bits = 10e-12;
    private int weightBits = 8;
    private int stateBits = 16;

    DigitalBaseline() {
    }

    public DigitalBaseline multiply(Energy energy) {
        multiply = nonNegative(energy.si(), "multiply energy");
        return this;
    }

    public DigitalBaseline add(Energy energy) {
        add = nonNegative(energy.si(), "add energy");
        return this;
    }

    /** Energy to read 64 bits from on-chip SRAM. */
    public DigitalBaseline sramRead64Bits(Energy energy) {
        sramPer64Bits = nonNegative(energy.si(), "SRAM read energy");
        return this;
    }

    public DigitalBaseline bits(int weight, int neuronState) {
        weightBits = atLeastOne(weight, "weight bits");
        stateBits = atLeastOne(neuronState, "neuron state bits");
        return this;
    }

    double multiplyAccumulate() {
        return multiply + add + weightBits / 64.0 * sramPer64Bits;
    }

    double synapticEvent() {
        return add + weightBits / 64.0 * sramPer64Bits;
    }

    double neuronUpdate() {
        return multiply + add + 2 * stateBits / 64.0 * sramPer64Bits;
    }

    /** What the baseline counts, with its figures. */
    public String assumptions() {
        return String.format(Locale.ROOT, "digital at 45 nm (Horowitz, ISSCC 2014): MAC %.3g pJ (%d-bit multiply "
                        + "%.3g + add %.3g + weight from SRAM %.3g), synaptic event %.3g pJ, neuron update %.3g pJ "
                        + "(%d-bit state read and written)", multiplyAccumulate() * 1e12, weightBits, multiply * 1e12,
                add * 1e12, weightBits / 64.0 * sramPer64Bits * 1e12, synapticEvent() * 1e12, neuronUpdate() * 1e12,
                stateBits);
    }
}
