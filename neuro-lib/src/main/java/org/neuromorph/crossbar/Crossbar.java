package org.neuromorph.crossbar;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.neuromorph.device.DeviceArray;
import org.neuromorph.device.DeviceModel;
import org.neuromorph.random.Seeds;
import org.neuromorph.units.Current;
import org.neuromorph.units.Energy;
import org.neuromorph.units.Resistance;
import org.neuromorph.units.Time;
import org.neuromorph.units.Voltage;

/**
 * A crossbar of {@code inputs} word lines × {@code outputs} bit lines computing y = W·x in memory: inputs become
 * word-line voltages (through a DAC), each cell passes a current V·G (Ohm), each bit line sums them (Kirchhoff),
 * and the sensed currents become numbers again (through an ADC). W has shape outputs × inputs, as a dense layer.
 *
 * <p>Weights are mapped to conductances as differential pairs (G+ − G−, two arrays) or with one device per weight
 * and a reference column at mid-window; the scale is chosen from the largest weight or given. Cells are devices
 * of any {@link DeviceModel}, with all their non-idealities; reads include each device's read noise and drift at
 * the crossbar's clock ({@link #at}). Wire resistance adds IR drop, solved exactly or to first order.
 *
 * <p>This class is the crossbar's face; its parts live beside it: {@link Periphery} (converters, read voltage,
 * energy figures, area), {@link WeightMapping} (β, the devices and what the layout means for them), {@link Wires}
 * (IR drop), {@link CachedReads} (the fast noiseless read kernels), {@link OuterProductUpdate} (in-place learning)
 * and {@link EnergyLedger} (what the reads cost).
 */
public final class Crossbar {
    /** How weights become conductances. */
    public enum Mapping { DIFFERENTIAL, REFERENCE_COLUMN }

    /** How {@link #program} writes the target conductances. */
    public enum Programming {
        /** Exact conductances without pulses (ideal experiments). */
        IDEAL,
        /** The pulse count the nominal step calls for, without reading back. */
        OPEN_LOOP,
        /** Program-and-verify: pulse and read until within the device model's tolerance. */
        VERIFY
    }

    /** How wire resistance is treated. */
    public enum IrDrop { NONE, FIRST_ORDER, FULL }

    /**
     * The arithmetic of noiseless reads without IR drop, the ones served from the cached conductance matrix (reads
     * with noise or wires are computed in double whatever this says).
     */
    public enum ReadPrecision {
        /** float64 conductances and sums: the read equals W·x to rounding, 1e-12 relative (the default). */
        DOUBLE,
        /**
         * float32 conductances and sums, as GPU-based simulators such as aihwkit compute: half the bytes per read,
         * so up to twice as fast where the matrix does not fit the caches, and equal to W·x to float rounding
         * (a few 2^-24·√inputs of Σ|w·x|) — far below any ADC's step.
         */
        SINGLE
    }

    /** How {@link #update} turns the outer product into pulses. */
    public enum Update {
        /** Each device gets the pulse count its change calls for (stochastically rounded). */
        PULSE_COUNT,
        /**
         * Stochastic pulse coincidence of resistive processing units (Gokmen &amp; Vlasov 2016, Front Neurosci
         * 10:333): row i fires each of BL = 10 slots with probability ∝ |x_i|, column j with probability ∝ |d_j|,
         * and a device gets one pulse per coincidence, so the expected count is proportional to |x_i·d_j|.
         */
        STOCHASTIC,
        /**
         * Mixed precision (Nandakumar et al. 2020, Front Neurosci 14:406): updates accumulate in a high-precision
         * copy of the weights kept in the periphery, and a device whose weight is a whole nominal step or more from
         * its copy gets the pulses that span the difference (truncated to whole steps). Because the difference is
         * taken from what the device holds (its state, as a verify read sees it, without read noise), the devices'
         * nonlinear and asymmetric steps are corrected instead of accumulated. The copy starts at the programmed
         * weights; it costs a read of each device an update touches.
         */
        MIXED_PRECISION
    }

    private final DeviceModel model;
    private final int inputs;
    private final int outputs;
    private Mapping mappingKind = Mapping.DIFFERENTIAL;
    private Periphery periphery = Periphery.DEFAULT;
    private Wires wires = Wires.NONE;
    private long seed = Seeds.base();
    /** The crossbar's clock in seconds since programming began. */
    private double time;

    /** Null until the first {@link #program}: the devices exist from then on. */
    private WeightMapping mapping;
    private OuterProductUpdate updates;
    private final CachedReads cachedReads;
    private final EnergyLedger energy = new EnergyLedger();

    Crossbar(DeviceModel model, int inputs, int outputs) {
        if (inputs < 1 || outputs < 1) {
            throw new IllegalArgumentException("a crossbar needs at least 1 × 1 cells, got " + inputs + " × "
                    + outputs);
        }
        this.model = Objects.requireNonNull(model, "device model");
        this.inputs = inputs;
        this.outputs = outputs;
        this.cachedReads = new CachedReads(inputs, outputs);
    }

    /** A crossbar of {@code inputs} word lines and {@code outputs} bit lines of {@code model} devices. */
    public static Crossbar of(DeviceModel model, int inputs, int outputs) {
        return new Crossbar(model, inputs, outputs);
    }

    public Crossbar mapping(Mapping value) {
        requireUnprogrammed("mapping");
        mappingKind = Objects.requireNonNull(value, "mapping");
        return this;
    }

    /** Wire resistance per segment (between neighbouring cells, and from driver and to sense amplifier). */
    public Crossbar wireResistance(Resistance perSegment, IrDrop method) {
        wires = new Wires(perSegment.si(), method);
        return this;
    }

    /** A signed DAC of {@code bits} bits (0: ideal) mapping inputs in [−range, range] onto ±read voltage. */
    public Crossbar dac(int bits, double range) {
        periphery = periphery.withDac(bits, range);
        return this;
    }

    /** A signed ADC of {@code bits} bits (0: ideal) over ±{@code range}; currents beyond it saturate. */
    public Crossbar adc(int bits, Current range) {
        periphery = periphery.withAdc(bits, range.si());
        return this;
    }

    /**
     * A signed ADC of {@code bits} bits (0: ideal) whose range is the largest current the array can sense: inputs ×
     * read voltage × window.
     */
    public Crossbar adc(int bits) {
        periphery = periphery.withAdc(bits, 0);
        return this;
    }

    /** The ADC's energy per conversion step (Walden figure of merit; a conversion costs this·2^bits). */
    public Crossbar adcEnergyPerStep(Energy perStep) {
        periphery = periphery.withConversionEnergies(perStep.si(), periphery.dacEnergyPerStep());
        return this;
    }

    /** The DAC's energy per conversion step (a conversion costs this·2^bits). */
    public Crossbar dacEnergyPerStep(Energy perStep) {
        periphery = periphery.withConversionEnergies(periphery.adcEnergyPerStep(), perStep.si());
        return this;
    }

    /** The voltage on a word line driven at full scale (0.2 V unless set). */
    public Crossbar readVoltage(Voltage value) {
        periphery = periphery.withReadVoltage(value.si());
        return this;
    }

    /** The arithmetic of noiseless reads without IR drop (see {@link ReadPrecision}); DOUBLE by default. */
    public Crossbar readPrecision(ReadPrecision value) {
        cachedReads.precision(value);
        return this;
    }

    public ReadPrecision readPrecision() {
        return cachedReads.precision();
    }

    /** Area of one device cell in F² (4 for a passive crossbar cell, 6–12 for 1T1R). */
    public Crossbar cellArea(double squaredFeatureSizes) {
        periphery = periphery.withCellArea(squaredFeatureSizes);
        return this;
    }

    /** Columns sharing one ADC (converted one after another). */
    public Crossbar columnsPerAdc(int count) {
        periphery = periphery.withColumnsPerAdc(count);
        return this;
    }

    public Crossbar seed(long value) {
        requireUnprogrammed("seed");
        seed = value;
        return this;
    }

    /** Sets the crossbar's clock (time since programming began): drift and read noise are taken at it. */
    public Crossbar at(Time sinceProgramming) {
        time = sinceProgramming.si();
        return this;
    }

    /** The time reads happen at, after programming (see {@link #at}). */
    public Time time() {
        return new Time(time);
    }

    public int inputs() {
        return inputs;
    }

    public int outputs() {
        return outputs;
    }

    /** Siemens per unit of weight (0 before programming). */
    public double scale() {
        return mapping == null ? 0 : mapping.beta;
    }

    private void requireUnprogrammed(String what) {
        if (mapping != null) {
            throw new IllegalStateException("set " + what + " before the crossbar is programmed");
        }
    }

    /** What programming took: pulses, energy, time, and each weight's error after it (in weight units). */
    public record ProgramReport(long pulses, double energy, double time, double[] weightErrors) {
        public double rmsError() {
            return Math.sqrt(Arrays.stream(weightErrors).map(e -> e * e).average().orElse(0));
        }
    }

    /** Programs W (outputs × inputs), scaled so the largest |w| uses the whole window. */
    public ProgramReport program(double[][] w, Programming how) {
        double largest = largestMagnitude(w);
        return program(w, how, largest == 0 ? 1 : largest);
    }

    static double largestMagnitude(double[][] w) {
        double largest = 0;
        for (double[] row : w) {
            for (double value : row) {
                largest = Math.max(largest, Math.abs(value));
            }
        }
        return largest;
    }

    /** Programs W with weights in [−maxWeight, maxWeight] spanning the devices' window. */
    public ProgramReport program(double[][] w, Programming how, double maxWeight) {
        if (w.length != outputs || w[0].length != inputs) {
            throw new IllegalArgumentException("W must be outputs × inputs = " + outputs + " × " + inputs + ", got "
                    + w.length + " × " + w[0].length);
        }
        if (mapping == null) {
            mapping = WeightMapping.of(mappingKind, model, inputs, outputs, seed);
            updates = new OuterProductUpdate(seed);
        }
        mapping.scale(maxWeight);
        updates.restart();
        DeviceArray plus = mapping.plus;
        DeviceArray minus = mapping.minus;
        long pulses0 = plus.totalPulses() + minus.totalPulses();
        double energy0 = plus.energy() + minus.energy();
        double time0 = plus.pulseTime() + minus.pulseTime();
        mapping.program(w, (devices, k, target) -> write(devices, k, target, how));
        double[] errors = new double[inputs * outputs];
        double[][] achieved = weights();
        for (int j = 0; j < outputs; j++) {
            for (int i = 0; i < inputs; i++) {
                errors[j * inputs + i] = achieved[j][i] - w[j][i];
            }
        }
        return new ProgramReport(plus.totalPulses() + minus.totalPulses() - pulses0,
                plus.energy() + minus.energy() - energy0, plus.pulseTime() + minus.pulseTime() - time0, errors);
    }

    private void write(DeviceArray devices, int k, double target, Programming how) {
        switch (how) {
            case IDEAL -> devices.write(k, target, time);
            case VERIFY -> devices.program(k, target, time, 10_000);
            case OPEN_LOOP -> devices.pulse(k, (int) Math.round((target - devices.state(k)) / model.nominalStep()));
        }
    }

    /** The weights the devices hold now (their states, without read noise or drift), outputs × inputs. */
    public double[][] weights() {
        requireProgrammed();
        double[][] w = new double[outputs][inputs];
        for (int i = 0; i < inputs; i++) {
            for (int j = 0; j < outputs; j++) {
                w[j][i] = mapping.heldWeight(i, i * outputs + j);
            }
        }
        return w;
    }

    /** Whether weights were programmed (the devices exist from then on). */
    public boolean programmed() {
        return mapping != null;
    }

    private void requireProgrammed() {
        if (mapping == null) {
            throw new IllegalStateException("program the crossbar first: crossbar.program(W, Programming.VERIFY)");
        }
    }

    /** The forward read y = W·x through DAC, array (with IR drop if set) and ADC. */
    public double[] mvm(double[] x) {
        requireProgrammed();
        if (x.length != inputs) {
            throw new IllegalArgumentException("input has " + x.length + " values, the crossbar " + inputs + " rows");
        }
        double[] sensed;
        if (!wires.resistive() && model.noiselessReads()) {
            double[] v = cachedReads.driveScratch();
            energy.dac += periphery.drive(x, v);
            sensed = cachedReads.currents(mapping, v, energy, model.readTimeSeconds());
        } else {
            double[] v = new double[inputs];
            energy.dac += periphery.drive(x, v);
            sensed = new double[outputs];
            mapping.forward(v, time, wires, sensed, energy);
        }
        return digitise(sensed, inputs);
    }

    /**
     * The transpose read z = Wᵀ·d (for backpropagation): columns driven, rows sensed. With wire resistance set, the
     * currents go through the wires in this direction too (the network solved from the bit lines' side).
     */
    public double[] transpose(double[] d) {
        requireProgrammed();
        if (d.length != outputs) {
            throw new IllegalArgumentException("transpose input has " + d.length + " values, the crossbar "
                    + outputs + " columns");
        }
        double[] v = new double[outputs];
        energy.dac += periphery.drive(d, v);
        double[] sensed = new double[inputs];
        mapping.transpose(v, time, wires, sensed, energy);
        return digitise(sensed, outputs);
    }

    private double[] digitise(double[] sensed, int drivenLines) {
        energy.adc += periphery.digitise(sensed, drivenLines, model.gMax() - model.gMin(), mapping.beta);
        energy.reads++;
        return sensed;
    }

    /**
     * The outer-product update W += rate·d·xᵀ applied in parallel as pulses: for a differential pair a positive
     * change potentiates G+ and a negative one potentiates G− (so pairs drift up over many updates, as in
     * hardware, until refreshed by reprogramming).
     */
    public void update(double[] x, double[] d, double rate, Update how) {
        requireProgrammed();
        if (x.length != inputs || d.length != outputs) {
            throw new IllegalArgumentException("update needs x of " + inputs + " and d of " + outputs + " values");
        }
        updates.apply(mapping, x, d, rate, how);
    }

    /**
     * Energy per read (array, DAC, ADC, total, from the reads so far), latency of one read, array area in F², and
     * the energy of the same matrix-vector product done digitally at 45 nm with 8-bit integers (Horowitz, ISSCC
     * 2014: multiply 0.2 pJ, add 0.03 pJ, and each 8-bit weight fetched from SRAM at 10 pJ per 64 bits).
     */
    public record Report(Energy arrayEnergy, Energy dacEnergy, Energy adcEnergy, Energy totalEnergy, Time latency,
            double areaF2, Energy digitalEnergy) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "per read: array %.3g pJ, DAC %.3g pJ, ADC %.3g pJ, total %.3g pJ; "
                            + "latency %.3g ns; area %.3g F²; digital 8-bit baseline %.3g pJ (%.2g× the crossbar)",
                    arrayEnergy.si() * 1e12, dacEnergy.si() * 1e12, adcEnergy.si() * 1e12, totalEnergy.si() * 1e12,
                    latency.si() * 1e9, areaF2, digitalEnergy.si() * 1e12, digitalEnergy.si() / totalEnergy.si());
        }
    }

    /**
     * What the crossbar has done and what it is, for cost reports ({@code org.neuromorph.cost}): its reads so far
     * (forward and transpose), the array's read energy over them from the simulated currents (joules), its size,
     * converters, columns per ADC, devices, the device's read time and the cell's area in F².
     */
    public record Activity(long reads, double arrayEnergy, int inputs, int outputs, int dacBits, int adcBits,
            int columnsPerAdc, int devices, double readTime, double cellAreaF2) {
        /** The reads and their energy since {@code before}, an earlier activity of the same crossbar. */
        public Activity since(Activity before) {
            return new Activity(reads - before.reads, arrayEnergy - before.arrayEnergy, inputs, outputs, dacBits,
                    adcBits, columnsPerAdc, devices, readTime, cellAreaF2);
        }
    }

    public Activity activity() {
        requireProgrammed();
        return new Activity(energy.reads, energy.array, inputs, outputs, periphery.dacBits(), periphery.adcBits(),
                periphery.columnsPerAdc(), mapping.deviceCount(), model.readTimeSeconds(), periphery.cellArea());
    }

    public Report report() {
        requireProgrammed();
        return energy.report(periphery, model.readTimeSeconds(), inputs, outputs, mapping.deviceCount());
    }

    /** The devices holding the positive (or only) conductances. */
    public DeviceArray devices() {
        requireProgrammed();
        return mapping.plus;
    }

    /** The devices holding the negative conductances, or the reference column's. */
    public DeviceArray otherDevices() {
        requireProgrammed();
        return mapping.minus;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Crossbar(%d × %d, %s, %s%s%s)", inputs, outputs, model.technology(),
                mappingKind, wires, periphery.describe());
    }
}
