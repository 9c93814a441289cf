package org.neuromorph.cost;

import static org.neuromorph.units.Arguments.atLeastOne;
import static org.neuromorph.units.Arguments.nonNegative;
import static org.neuromorph.units.Arguments.positive;

import java.util.Locale;
import org.neuromorph.units.Area;
import org.neuromorph.units.Energy;
import org.neuromorph.units.Frequency;
import org.neuromorph.units.Length;

/**
 * One design point: what each counted operation costs in energy, time and area. A report multiplies the
 * simulation's counts (reads, conversions, spikes, synaptic events, learning pulses) by these figures; the arrays'
 * own read energy comes from the simulated currents, not from here. Each setter returns this, as the device models'
 * do; {@link #isaac()} makes a fresh copy of the default design point each call.
 *
 * <p>Converters scale with resolution as a SAR ADC's capacitor array does: energy and area double per bit
 * (Saberi et al., IEEE TCAS-I 58:1736, 2011, the scaling ISAAC's authors used), conversion time grows with bits.
 */
public final class CostModel {
    // the figures the report reads as they are (package-private); those that scale with resolution behind methods
    private String name;
    private double node;
    private double adcEnergy8;
    private double adcArea8;
    double adcRate8;
    private double dacEnergy1;
    private double dacArea1;
    double shiftAddEnergy;
    double shiftAddArea;
    int adcsPerShiftAdd;
    double bufferEnergyPerBit;
    double bufferAreaPerBit;
    double trafficEnergyPerBit;
    double spikeDriveEnergy;
    double neuronEnergyPerSpike = Double.NaN;
    int activationBits = 8;
    int partialSumBits = 16;
    private final DigitalBaseline digital = new DigitalBaseline();

    private CostModel() {
    }

    /**
     * The periphery of ISAAC (Shafiee et al., ISCA 2016, 32 nm; its Table of tile and IMA components): eight 8-bit
     * SAR ADCs at 1.2 GS/s (Kull et al., ISSCC 2013) took 16 mW and 9,600 µm², so 1.67 pJ and 1,200 µm² per ADC at
     * 8 bits; 1,024 one-bit DACs took 4 mW and 170 µm² at one drive per 100 ns read cycle, so 0.39 pJ and 0.17 µm²
     * each; four shift-and-add units took 0.2 mW and 60 µm² each, one per two ADCs, adding the ADCs' 9.6 G outputs
     * per second, so 0.021 pJ an add; the tile's 64 KB eDRAM buffer took 20.45 pJ per 256-bit access and
     * 83,000 µm²; moving a bit costs the eDRAM bus's 0.054 pJ and the router's 20.74 pJ per 256 bits. These
     * per-operation figures follow the derivations of the Accelergy project's ISAAC component library. A spike
     * driven onto a row costs a one-bit DAC drive. The neuron circuit's energy per spike is not set: no figure
     * here fits every circuit ({@link #neuronEnergyPerSpike}).
     */
    public static CostModel isaac() {
        CostModel m = new CostModel();
        m.name = "ISAAC, 32 nm (Shafiee et al. 2016)";
        m.node = 32e-9;
        m.adcEnergy8 = 16e-3 / (8 * 1.2e9);
        m.adcArea8 = 9600e-12 / 8;
        m.adcRate8 = 1.2e9;
        m.dacEnergy1 = 4e-3 / (1024 * 1e7);
        m.dacArea1 = 170e-12 / 1024;
        m.shiftAddEnergy = 0.2e-3 / (8 * 1.2e9);
        m.shiftAddArea = 60e-12;
        m.adcsPerShiftAdd = 2;
        m.bufferEnergyPerBit = 20.45e-12 / 256;
        m.bufferAreaPerBit = 83000e-12 / (64 * 1024 * 8);
        m.trafficEnergyPerBit = 0.054e-12 + 20.74e-12 / 256;
        m.spikeDriveEnergy = m.dacEnergy1;
        return m;
    }

    public String name() {
        return name;
    }

    /** A name for this design point, shown in reports. */
    public CostModel name(String label) {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("name the design point, e.g. \"my 28 nm macro\"");
        }
        name = label;
        return this;
    }

    /** The technology node F: a cell of k F² takes k·F². */
    public CostModel node(Length featureSize) {
        node = positive(featureSize.si(), "technology node");
        return this;
    }

    /** An ADC's energy per conversion and its area, both at 8 bits (other resolutions scale by 2^(bits−8)). */
    public CostModel adc(Energy perConversionAt8Bits, Area areaAt8Bits, Frequency conversionsPerSecondAt8Bits) {
        adcEnergy8 = nonNegative(perConversionAt8Bits.si(), "ADC energy per conversion");
        adcArea8 = nonNegative(areaAt8Bits.si(), "ADC area");
        adcRate8 = positive(conversionsPerSecondAt8Bits.si(), "ADC conversion rate");
        return this;
    }

    /** A one-bit DAC's energy per drive and area (b bits scale by 2^(b−1)). */
    public CostModel dac(Energy perDriveAt1Bit, Area areaAt1Bit) {
        dacEnergy1 = nonNegative(perDriveAt1Bit.si(), "DAC energy per drive");
        dacArea1 = nonNegative(areaAt1Bit.si(), "DAC area");
        return this;
    }

    /** The digital adder of partial sums: energy per add, area per unit, and how many ADCs one unit serves. */
    public CostModel shiftAdd(Energy perAdd, Area perUnit, int adcsPerUnit) {
        shiftAddEnergy = nonNegative(perAdd.si(), "shift-and-add energy");
        shiftAddArea = nonNegative(perUnit.si(), "shift-and-add area");
        adcsPerShiftAdd = atLeastOne(adcsPerUnit, "ADCs per shift-and-add unit");
        return this;
    }

    /** The activation buffers: energy per bit read or written, area per bit held. */
    public CostModel buffer(Energy perBit, Area perBitHeld) {
        bufferEnergyPerBit = nonNegative(perBit.si(), "buffer energy per bit");
        bufferAreaPerBit = nonNegative(perBitHeld.si(), "buffer area per bit");
        return this;
    }

    /** On-chip traffic: energy per bit moved between tiles (bus and router). */
    public CostModel traffic(Energy perBit) {
        trafficEnergyPerBit = nonNegative(perBit.si(), "traffic energy per bit");
        return this;
    }

    /** A presynaptic spike driven onto an array's row (a pulse on a word line). */
    public CostModel spikeDrive(Energy perSpike) {
        spikeDriveEnergy = nonNegative(perSpike.si(), "spike drive energy");
        return this;
    }

    /**
     * The neuron circuit's energy per output spike (integration included), for spiking networks. Not set by
     * default: it spans orders of magnitude between circuits, so a report leaves it out and says so until set.
     */
    public CostModel neuronEnergyPerSpike(Energy perSpike) {
        neuronEnergyPerSpike = nonNegative(perSpike.si(), "neuron energy per spike");
        return this;
    }

    /** Bits of an activation in buffers and on the wires (8), and of a partial sum (16). */
    public CostModel bits(int activation, int partialSum) {
        activationBits = atLeastOne(activation, "activation bits");
        partialSumBits = atLeastOne(partialSum, "partial-sum bits");
        return this;
    }

    /** The digital baseline's figures (see {@link DigitalBaseline}). */
    public DigitalBaseline digital() {
        return digital;
    }

    double cellArea(double f2) {
        return f2 * node * node;
    }

    double adcEnergy(int bits) {
        return bits == 0 ? 0 : adcEnergy8 * Math.scalb(1.0, bits - 8);
    }

    double adcArea(int bits) {
        return bits == 0 ? 0 : adcArea8 * Math.scalb(1.0, bits - 8);
    }

    /** One conversion's time: a SAR ADC resolves a bit per cycle. */
    double adcTime(int bits) {
        return bits == 0 ? 0 : bits / 8.0 / adcRate8;
    }

    double dacEnergy(int bits) {
        return bits == 0 ? 0 : dacEnergy1 * Math.scalb(1.0, bits - 1);
    }

    double dacArea(int bits) {
        return bits == 0 ? 0 : dacArea1 * Math.scalb(1.0, bits - 1);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: node %.0f nm; ADC %.3g pJ, %.0f µm² at 8 b, %.3g GS/s; 1-bit DAC "
                        + "%.3g pJ; shift-add %.3g pJ; buffer %.3g pJ/bit; traffic %.3g pJ/bit; neuron %s",
                name, node * 1e9, adcEnergy8 * 1e12, adcArea8 * 1e12, adcRate8 / 1e9, dacEnergy1 * 1e12,
                shiftAddEnergy * 1e12, bufferEnergyPerBit * 1e12, trafficEnergyPerBit * 1e12,
                Double.isNaN(neuronEnergyPerSpike) ? "not set" : String.format(Locale.ROOT, "%.3g pJ/spike",
                        neuronEnergyPerSpike * 1e12));
    }
}
