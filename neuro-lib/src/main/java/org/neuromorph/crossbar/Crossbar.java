package org.neuromorph.crossbar;

import java.util.Locale;
import org.neuromorph.device.DeviceArray;
import org.neuromorph.device.DeviceModel;
import org.neuromorph.random.SplitMix64;

/**
 * A crossbar of {@code inputs} word lines × {@code outputs} bit lines computing y = W·x in memory: inputs become
 * word-line voltages (through a DAC), each cell passes a current V·G (Ohm), each bit line sums them (Kirchhoff),
 * and the sensed currents become numbers again (through an ADC). W has shape outputs × inputs, as a dense layer.
 *
 * <p>Weights are mapped to conductances as differential pairs (G+ − G−, two arrays) or with one device per weight
 * and a reference column at mid-window; the scale is chosen from the largest weight or given. Cells are devices
 * of any {@link DeviceModel}, with all their non-idealities; reads include each device's read noise and drift at
 * the crossbar's clock ({@link #at}). Wire resistance adds IR drop, solved exactly or to first order.
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

    /**
     * Default periphery figures, for a design to replace with its own ({@link #adcEnergyPerStep},
     * {@link #dacEnergyPerStep}): energy per conversion step (Walden's figure of merit, energy = FoM·2^bits). The
     * ADC's 5 fJ is the SAR state of the art around 2010 (record 4.4 fJ, van Elzakker et al., ISSCC 2008; several
     * SAR designs under 10 fJ in 2011–12, as B. E. Jonsson's ADC survey reports); the DAC's 0.5 fJ is nominal, with
     * no source. One bit per nanosecond of ADC time is nominal too.
     */
    static final double ADC_FOM = 5e-15;
    static final double DAC_FOM = 0.5e-15;
    static final double ADC_TIME_PER_BIT = 1e-9;
    private double adcFom = ADC_FOM;
    private double dacFom = DAC_FOM;

    private final DeviceModel model;
    private final int inputs;
    private final int outputs;
    private Mapping mapping = Mapping.DIFFERENTIAL;
    private IrDrop irDrop = IrDrop.NONE;
    private double wire;
    private int dacBits;
    private double inputRange = 1;
    private int adcBits;
    private double adcRange;
    private double readVoltage;
    private double time;
    private double cellArea = 4;
    private int columnsPerAdc = 1;
    private long seed = org.neuromorph.random.Seeds.base();

    private DeviceArray plus;
    private DeviceArray minus;
    private double beta;
    /** The high-precision weights of {@link Update#MIXED_PRECISION}, inputs × outputs; null until first used. */
    private double[] precise;
    private IrDropSolver solver;
    /** The solver for transpose reads (bit lines driven), made on the first one. */
    private IrDropSolver transposeSolver;
    private SplitMix64 rng;
    private final ReadEnergy energy = new ReadEnergy();
    /**
     * For noiseless reads without IR drop: the signed conductance matrix, one array per word line, and each row's
     * total, kept current. Separate rows let the JIT vectorise y += v_i·row_i: with one flat array the partial sums
     * and the matrix could be the same array at some offset, so it has to keep the scalar loop.
     */
    private double[][] effective;
    /** The same matrix in float32, for {@link ReadPrecision#SINGLE} (only one of the two is kept). */
    private float[][] effectiveSingle;
    private double[] rowConductance;
    private long cachedVersion = -1;
    private ReadPrecision readPrecision = ReadPrecision.DOUBLE;
    private ReadScratch readScratch;

    Crossbar(DeviceModel model, int inputs, int outputs) {
        if (inputs < 1 || outputs < 1) {
            throw new IllegalArgumentException("a crossbar needs at least 1 × 1 cells, got " + inputs + " × "
                    + outputs);
        }
        this.model = model;
        this.inputs = inputs;
        this.outputs = outputs;
        this.readVoltage = 0.2;
    }

    /** A crossbar of {@code inputs} word lines and {@code outputs} bit lines of {@code model} devices. */
    public static Crossbar of(DeviceModel model, int inputs, int outputs) {
        return new Crossbar(model, inputs, outputs);
    }

    public Crossbar mapping(Mapping value) {
        requireUnprogrammed("mapping");
        mapping = value;
        return this;
    }

    /** Wire resistance per segment (between neighbouring cells, and from driver and to sense amplifier). */
    public Crossbar wireResistance(double ohms, IrDrop method) {
        if (!(ohms >= 0)) {
            throw new IllegalArgumentException("wire resistance must be ≥ 0 Ω, got " + ohms);
        }
        wire = ohms;
        irDrop = ohms == 0 ? IrDrop.NONE : method;
        return this;
    }

    /** A signed DAC of {@code bits} bits (0: ideal) mapping inputs in [−range, range] onto ±read voltage. */
    public Crossbar dac(int bits, double range) {
        if (bits == 1 || bits < 0 || bits > 24 || !(range > 0)) {
            throw new IllegalArgumentException("DAC needs 0 (ideal) or 2–24 bits and a range > 0, got " + bits
                    + " bits, range " + range);
        }
        dacBits = bits;
        inputRange = range;
        return this;
    }

    /**
     * A signed ADC of {@code bits} bits (0: ideal) over ±{@code rangeAmps} (0: the largest current the array can
     * sense, inputs × read voltage × window); currents beyond the range saturate.
     */
    public Crossbar adc(int bits, double rangeAmps) {
        if (bits == 1 || bits < 0 || bits > 24 || !(rangeAmps >= 0)) {
            throw new IllegalArgumentException("ADC needs 0 (ideal) or 2–24 bits and a range ≥ 0, got " + bits
                    + " bits, range " + rangeAmps);
        }
        adcBits = bits;
        adcRange = rangeAmps;
        return this;
    }

    /** The ADC's energy per conversion step in joules (Walden FoM; a conversion costs FoM·2^bits). */
    public Crossbar adcEnergyPerStep(double joules) {
        adcFom = nonNegativeEnergy("ADC", joules);
        return this;
    }

    /** The DAC's energy per conversion step in joules (a conversion costs this·2^bits). */
    public Crossbar dacEnergyPerStep(double joules) {
        dacFom = nonNegativeEnergy("DAC", joules);
        return this;
    }

    private static double nonNegativeEnergy(String part, double joules) {
        if (!(joules >= 0)) {
            throw new IllegalArgumentException(part + " energy per conversion step must be ≥ 0 J (e.g. 5e-15), got "
                    + joules);
        }
        return joules;
    }

    public Crossbar readVoltage(double volts) {
        if (!(volts > 0)) {
            throw new IllegalArgumentException("read voltage must be > 0, got " + volts);
        }
        readVoltage = volts;
        return this;
    }

    /** The arithmetic of noiseless reads without IR drop (see {@link ReadPrecision}); DOUBLE by default. */
    public Crossbar readPrecision(ReadPrecision value) {
        if (value != readPrecision) {
            readPrecision = java.util.Objects.requireNonNull(value, "read precision");
            effective = null;
            effectiveSingle = null;
            cachedVersion = -1; // the cache is rebuilt in the new precision on the next read
        }
        return this;
    }

    public ReadPrecision readPrecision() {
        return readPrecision;
    }

    /** Area of one device cell in F² (4 for a passive crossbar cell, 6–12 for 1T1R). */
    public Crossbar cellArea(double squaredFeatureSizes) {
        cellArea = squaredFeatureSizes;
        return this;
    }

    /** Columns sharing one ADC (converted one after another). */
    public Crossbar columnsPerAdc(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("columns per ADC must be ≥ 1, got " + count);
        }
        columnsPerAdc = count;
        return this;
    }

    public Crossbar seed(long value) {
        requireUnprogrammed("seed");
        seed = value;
        return this;
    }

    /** Sets the crossbar's clock (seconds since programming began): drift and read noise are taken at it. */
    public Crossbar at(double seconds) {
        time = seconds;
        return this;
    }

    /** The time reads happen at, in seconds after programming (see {@link #at}). */
    public double time() {
        return time;
    }

    public int inputs() {
        return inputs;
    }

    public int outputs() {
        return outputs;
    }

    /** Siemens per unit of weight. */
    public double scale() {
        return beta;
    }

    private void requireUnprogrammed(String what) {
        if (plus != null) {
            throw new IllegalStateException("set " + what + " before the crossbar is programmed");
        }
    }

    /** What programming took: pulses, energy, time, and each weight's error after it (in weight units). */
    public record ProgramReport(long pulses, double energy, double time, double[] weightErrors) {
        public double rmsError() {
            return Math.sqrt(java.util.Arrays.stream(weightErrors).map(e -> e * e).average().orElse(0));
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
        double window = model.gMax() - model.gMin();
        beta = mapping == Mapping.DIFFERENTIAL ? window / maxWeight : window / (2 * maxWeight);
        precise = null; // mixed-precision updates start again from what is programmed now
        if (plus == null) {
            plus = model.create(inputs * outputs, seed);
            minus = model.create(mapping == Mapping.DIFFERENTIAL ? inputs * outputs : inputs, seed ^ 0x9E3779B9L);
            rng = new SplitMix64(seed * 31 + 7);
            if (irDrop != IrDrop.NONE) {
                solver = new IrDropSolver(inputs, mapping == Mapping.DIFFERENTIAL ? outputs : outputs + 1);
            }
        }
        long pulses0 = plus.totalPulses() + minus.totalPulses();
        double energy0 = plus.energy() + minus.energy();
        double time0 = plus.pulseTime() + minus.pulseTime();
        double mid = (model.gMin() + model.gMax()) / 2;
        for (int i = 0; i < inputs; i++) {
            for (int j = 0; j < outputs; j++) {
                int k = i * outputs + j;
                double value = w[j][i];
                if (mapping == Mapping.DIFFERENTIAL) {
                    write(plus, k, model.gMin() + beta * Math.max(value, 0), how);
                    write(minus, k, model.gMin() + beta * Math.max(-value, 0), how);
                } else {
                    write(plus, k, mid + beta * value, how);
                }
            }
            if (mapping == Mapping.REFERENCE_COLUMN) {
                write(minus, i, mid, how);
            }
        }
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
            case OPEN_LOOP -> {
                double step = (model.gMax() - model.gMin()) / model.pulseRange();
                devices.pulse(k, (int) Math.round((target - devices.state(k)) / step));
            }
        }
    }

    /** The weights the devices hold now (their states, without read noise or drift), outputs × inputs. */
    public double[][] weights() {
        requireProgrammed();
        double[][] w = new double[outputs][inputs];
        for (int i = 0; i < inputs; i++) {
            for (int j = 0; j < outputs; j++) {
                w[j][i] = heldWeight(i, i * outputs + j);
            }
        }
        return w;
    }

    /**
     * {@code w} limited to the weights cell (i, j) = device k can hold with its devices' own windows: the
     * high-precision copy of {@link Update#MIXED_PRECISION} stays inside, as in hardware, or a device at its bound
     * would be sent the same futile pulses at every update while its copy ran away.
     */
    private double reachable(int i, int k, double w) {
        double low;
        double high;
        if (mapping == Mapping.DIFFERENTIAL) {
            // updates potentiate G+ to raise a weight and G− to lower it
            low = plus.state(k) - minus.gMax(k);
            high = plus.gMax(k) - minus.state(k);
        } else {
            low = plus.gMin(k) - minus.state(i);
            high = plus.gMax(k) - minus.state(i);
        }
        return Math.max(low / beta, Math.min(high / beta, w));
    }

    /** The weight cell k (input i) holds: its device against its pair or the reference column. */
    private double heldWeight(int i, int k) {
        return heldConductance(i, k) / beta;
    }

    /** The signed conductance of cell k (input i): G+ − G−, or G − G_ref of its row. */
    private double heldConductance(int i, int k) {
        return plus.state(k) - (mapping == Mapping.DIFFERENTIAL ? minus.state(k) : minus.state(i));
    }

    /** Whether weights were programmed (the devices exist from then on). */
    public boolean programmed() {
        return plus != null;
    }

    private void requireProgrammed() {
        if (plus == null) {
            throw new IllegalStateException("program the crossbar first: crossbar.program(W, Programming.VERIFY)");
        }
    }

    /** The forward read y = W·x through DAC, array (with IR drop if set) and ADC. */
    public double[] mvm(double[] x) {
        requireProgrammed();
        if (x.length != inputs) {
            throw new IllegalArgumentException("input has " + x.length + " values, the crossbar " + inputs + " rows");
        }
        if (irDrop == IrDrop.NONE && model.noiselessReads()) {
            return digitise(idealCurrents(drive(x, scratch().drive)), inputs);
        }
        double[] v = drive(x, new double[inputs]);
        int width = mapping == Mapping.DIFFERENTIAL ? outputs : outputs + 1;
        double[] gPlus = conductances(plus, inputs * outputs);
        double[] sensed = new double[outputs];
        if (mapping == Mapping.DIFFERENTIAL) {
            double[] gMinus = conductances(minus, inputs * outputs);
            double[] ip = currents(gPlus, v, outputs);
            double[] im = currents(gMinus, v, outputs);
            for (int j = 0; j < outputs; j++) {
                sensed[j] = ip[j] - im[j];
            }
            energy.array += arrayEnergy(gPlus, v, outputs) + arrayEnergy(gMinus, v, outputs);
        } else {
            // the reference column is the array's last column, sharing the word lines
            double[] ref = conductances(minus, inputs);
            double[] g = new double[inputs * width];
            for (int i = 0; i < inputs; i++) {
                System.arraycopy(gPlus, i * outputs, g, i * width, outputs);
                g[i * width + outputs] = ref[i];
            }
            double[] i = currents(g, v, width);
            for (int j = 0; j < outputs; j++) {
                sensed[j] = i[j] - i[outputs];
            }
            energy.array += arrayEnergy(g, v, width);
        }
        return digitise(sensed, inputs);
    }

    /**
     * Kirchhoff on a cached signed conductance matrix (G+ − G−, or G − G_ref): passes of y += v_i·row_i, a loop the
     * JIT vectorises, with the array energy from each row's total conductance.
     */
    private double[] idealCurrents(double[] v) {
        refreshReadCache();
        double e = 0;
        for (int i = 0; i < inputs; i++) {
            e += v[i] * v[i] * rowConductance[i];
        }
        energy.array += e * model.readTimeSeconds();
        return readPrecision == ReadPrecision.SINGLE ? singleSums(v) : doubleSums(v);
    }

    /**
     * Large arrays read their word lines in two halves, the second on a helper thread into its own sums, added
     * after; the same order whether or not the helper takes it, so the result does not depend on threads.
     */
    private double[] doubleSums(double[] v) {
        double[][] g = effective;
        double[] sums = new double[outputs];
        if ((long) inputs * outputs < SPLIT_CELLS) {
            accumulate(g, v, sums, 0, inputs);
            return sums;
        }
        int half = inputs / 2;
        double[] lower = scratch().lower;
        java.util.Arrays.fill(lower, 0);
        ReadHelper.both(() -> accumulate(g, v, sums, 0, half), () -> accumulate(g, v, lower, half, inputs));
        for (int j = 0; j < outputs; j++) {
            sums[j] += lower[j];
        }
        return sums;
    }

    private double[] singleSums(double[] v) {
        float[][] g = effectiveSingle;
        ReadScratch scratch = scratch();
        float[] drive = scratch.driveSingle;
        for (int i = 0; i < inputs; i++) {
            drive[i] = (float) v[i];
        }
        float[] upper = scratch.upperSingle;
        java.util.Arrays.fill(upper, 0);
        double[] sums = new double[outputs];
        if ((long) inputs * outputs < SPLIT_CELLS) {
            accumulate(g, drive, upper, 0, inputs);
            for (int j = 0; j < outputs; j++) {
                sums[j] = upper[j];
            }
            return sums;
        }
        int half = inputs / 2;
        float[] lower = scratch.lowerSingle;
        java.util.Arrays.fill(lower, 0);
        ReadHelper.both(() -> accumulate(g, drive, upper, 0, half), () -> accumulate(g, drive, lower, half, inputs));
        for (int j = 0; j < outputs; j++) {
            sums[j] = (double) upper[j] + lower[j];
        }
        return sums;
    }

    /**
     * The working arrays of a cached read, kept between reads so that a read allocates only its result: fresh
     * arrays at every read walk the allocator over heap pages the process has not touched yet, and on this
     * (virtual) machine those first touches made reads up to five times slower (MvmBench under G1 with a grown
     * heap; a 128 × 128 read went from 14–16 µs to 7–8 µs). Reads that sample every device (noise, drift) still
     * allocate their conductance arrays: the sampling, about 20 ns a device, is what they cost. A crossbar is read
     * by one thread at a time, as its energy counters already assume.
     */
    private static final class ReadScratch {
        final double[] drive;
        final double[] lower;
        final float[] driveSingle;
        final float[] upperSingle;
        final float[] lowerSingle;

        ReadScratch(int inputs, int outputs, boolean single) {
            drive = new double[inputs];
            lower = new double[outputs];
            driveSingle = single ? new float[inputs] : null;
            upperSingle = single ? new float[outputs] : null;
            lowerSingle = single ? new float[outputs] : null;
        }
    }

    private ReadScratch scratch() {
        boolean single = readPrecision == ReadPrecision.SINGLE;
        if (readScratch == null || single && readScratch.driveSingle == null) {
            readScratch = new ReadScratch(inputs, outputs, single);
        }
        return readScratch;
    }

    /** Rebuilds the cached signed conductances (in the read precision) and row totals if the devices changed. */
    private void refreshReadCache() {
        long version = plus.version() * 31 + minus.version();
        if (rowConductance != null && version == cachedVersion) {
            return;
        }
        boolean single = readPrecision == ReadPrecision.SINGLE;
        effective = single ? null : new double[inputs][outputs];
        effectiveSingle = single ? new float[inputs][outputs] : null;
        rowConductance = new double[inputs];
        for (int i = 0; i < inputs; i++) {
            double total = mapping == Mapping.DIFFERENTIAL ? 0 : minus.state(i);
            for (int j = 0; j < outputs; j++) {
                int k = i * outputs + j;
                if (single) {
                    effectiveSingle[i][j] = (float) heldConductance(i, k);
                } else {
                    effective[i][j] = heldConductance(i, k);
                }
                total += plus.state(k) + (mapping == Mapping.DIFFERENTIAL ? minus.state(k) : 0);
            }
            rowConductance[i] = total;
        }
        cachedVersion = version;
    }

    /** Arrays of this many cells or more split a read in two (below it the hand-over costs more than it saves). */
    private static final long SPLIT_CELLS = 1 << 18;

    /**
     * sums[j] += Σ_i v_i·G_ij over word lines [from, to), four per pass so each pass reads and writes the partial
     * sums once for four rows; the sums keep row order.
     */
    private static void accumulate(double[][] effective, double[] v, double[] sums, int from, int to) {
        int outputs = sums.length;
        int i = from;
        for (; i + 3 < to; i += 4) {
            double v0 = v[i];
            double v1 = v[i + 1];
            double v2 = v[i + 2];
            double v3 = v[i + 3];
            double[] g0 = effective[i];
            double[] g1 = effective[i + 1];
            double[] g2 = effective[i + 2];
            double[] g3 = effective[i + 3];
            for (int j = 0; j < outputs; j++) {
                sums[j] = (((sums[j] + v0 * g0[j]) + v1 * g1[j]) + v2 * g2[j]) + v3 * g3[j];
            }
        }
        for (; i < to; i++) {
            double vi = v[i];
            double[] g = effective[i];
            for (int j = 0; j < outputs; j++) {
                sums[j] += vi * g[j];
            }
        }
    }

    /** The float32 twin of the pass above (Java has no generics over primitives): the same order of operations. */
    private static void accumulate(float[][] effective, float[] v, float[] sums, int from, int to) {
        int outputs = sums.length;
        int i = from;
        for (; i + 3 < to; i += 4) {
            float v0 = v[i];
            float v1 = v[i + 1];
            float v2 = v[i + 2];
            float v3 = v[i + 3];
            float[] g0 = effective[i];
            float[] g1 = effective[i + 1];
            float[] g2 = effective[i + 2];
            float[] g3 = effective[i + 3];
            for (int j = 0; j < outputs; j++) {
                sums[j] = (((sums[j] + v0 * g0[j]) + v1 * g1[j]) + v2 * g2[j]) + v3 * g3[j];
            }
        }
        for (; i < to; i++) {
            float vi = v[i];
            float[] g = effective[i];
            for (int j = 0; j < outputs; j++) {
                sums[j] += vi * g[j];
            }
        }
    }

    /**
     * The transpose read z = Wᵀ·d (for backpropagation): columns driven, rows sensed, the reference subtracted as
     * the mid-window conductance times the summed drive. With wire resistance set, the currents go through the
     * wires in this direction too (the network solved from the bit lines' side).
     */
    public double[] transpose(double[] d) {
        requireProgrammed();
        if (d.length != outputs) {
            throw new IllegalArgumentException("transpose input has " + d.length + " values, the crossbar "
                    + outputs + " columns");
        }
        double[] v = drive(d, new double[outputs]);
        double[] gPlus = conductances(plus, inputs * outputs);
        double[] gMinus = mapping == Mapping.DIFFERENTIAL ? conductances(minus, inputs * outputs) : null;
        double[] sensed = new double[inputs];
        double mid = (model.gMin() + model.gMax()) / 2;
        double driven = 0;
        for (double vj : v) {
            driven += vj;
        }
        for (int i = 0; i < inputs; i++) {
            double s = 0;
            double e = 0;
            for (int j = 0; j < outputs; j++) {
                int k = i * outputs + j;
                double other = gMinus != null ? gMinus[k] : mid;
                s += v[j] * (gPlus[k] - other);
                e += v[j] * v[j] * (gPlus[k] + other);
            }
            sensed[i] = s;
            energy.array += e * model.readTimeSeconds();
        }
        if (irDrop != IrDrop.NONE) {
            // the same sums through the wires; the reference is still subtracted at mid-window, in the periphery
            double[] plusCurrents = transposeCurrents(gPlus, v);
            double[] minusCurrents = gMinus != null ? transposeCurrents(gMinus, v) : null;
            for (int i = 0; i < inputs; i++) {
                sensed[i] = plusCurrents[i] - (minusCurrents != null ? minusCurrents[i] : mid * driven);
            }
        }
        return digitise(sensed, outputs);
    }

    /**
     * Word-line currents of a transpose read through the wires: bit lines driven at their bottom ends, word lines
     * sensed at their left ends. That is the forward network seen from the other side, so the forward solver runs on
     * it with bit line j as its driven line outputs−1−j and word line i as its sensed line inputs−1−i, which puts
     * the ports back at the ends the solver drives and senses. By reciprocity the result is the transpose of the
     * forward read's transfer (tested).
     */
    private double[] transposeCurrents(double[] g, double[] v) {
        double[] flipped = new double[inputs * outputs];
        for (int i = 0; i < inputs; i++) {
            for (int j = 0; j < outputs; j++) {
                flipped[(outputs - 1 - j) * inputs + (inputs - 1 - i)] = g[i * outputs + j];
            }
        }
        double[] drive = new double[outputs];
        for (int j = 0; j < outputs; j++) {
            drive[outputs - 1 - j] = v[j];
        }
        double[] out = new double[inputs];
        if (irDrop == IrDrop.FULL) {
            if (transposeSolver == null) {
                transposeSolver = new IrDropSolver(outputs, inputs);
            }
            transposeSolver.solve(flipped, drive, wire, out);
        } else {
            IrDropSolver.firstOrder(flipped, drive, wire, outputs, inputs, out);
        }
        double[] currents = new double[inputs];
        for (int i = 0; i < inputs; i++) {
            currents[i] = out[inputs - 1 - i];
        }
        return currents;
    }

    /** The DAC: the input values, clipped to its range and rounded to its levels, as voltages into {@code v}. */
    private double[] drive(double[] values, double[] v) {
        int lines = v.length;
        int levels = dacBits == 0 ? 0 : (1 << (dacBits - 1)) - 1;
        for (int i = 0; i < lines; i++) {
            double u = Math.max(-1, Math.min(1, values[i] / inputRange));
            if (levels > 0) {
                u = Math.round(u * levels) / (double) levels;
            }
            v[i] = u * readVoltage;
        }
        if (dacBits > 0) {
            energy.dac += lines * dacFom * (1 << dacBits);
        }
        return v;
    }

    /** The ADC: the sensed currents, clipped to its range and rounded to its levels, as weights (in place). */
    private double[] digitise(double[] sensed, int drivenLines) {
        double range = adcRange > 0 ? adcRange : drivenLines * readVoltage * (model.gMax() - model.gMin());
        int levels = adcBits == 0 ? 0 : (1 << (adcBits - 1)) - 1;
        double toWeights = beta * readVoltage / inputRange;
        for (int j = 0; j < sensed.length; j++) {
            double current = sensed[j];
            if (levels > 0) {
                double u = Math.max(-1, Math.min(1, current / range));
                current = Math.round(u * levels) / (double) levels * range;
            }
            sensed[j] = current / toWeights;
        }
        if (adcBits > 0) {
            energy.adc += sensed.length * adcFom * (1 << adcBits);
        }
        energy.reads++;
        return sensed;
    }

    /** Every device read now (noise, drift). */
    private double[] conductances(DeviceArray devices, int count) {
        double[] g = new double[count];
        devices.readAll(g, time);
        return g;
    }

    private double[] currents(double[] g, double[] v, int width) {
        double[] out = new double[width];
        switch (irDrop) {
            case NONE -> {
                for (int i = 0; i < inputs; i++) {
                    double vi = v[i];
                    if (vi == 0) {
                        continue;
                    }
                    int base = i * width;
                    for (int j = 0; j < width; j++) {
                        out[j] += vi * g[base + j];
                    }
                }
            }
            case FIRST_ORDER -> IrDropSolver.firstOrder(g, v, wire, inputs, width, out);
            case FULL -> solver.solve(g, v, wire, out);
        }
        return out;
    }

    private double arrayEnergy(double[] g, double[] v, int width) {
        double e = 0;
        for (int i = 0; i < inputs; i++) {
            double v2 = v[i] * v[i];
            for (int j = 0; j < width; j++) {
                e += v2 * g[i * width + j];
            }
        }
        return e * model.readTimeSeconds();
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
        double step = (model.gMax() - model.gMin()) / model.pulseRange();
        double pulsesPerWeight = beta / step;
        if (how == Update.MIXED_PRECISION) {
            if (precise == null) {
                precise = new double[inputs * outputs];
                for (int k = 0; k < precise.length; k++) {
                    precise[k] = heldWeight(k / outputs, k);
                }
            }
            for (int i = 0; i < inputs; i++) {
                if (x[i] == 0) {
                    continue; // a silent row changes nothing (ReLU layers have many)
                }
                for (int j = 0; j < outputs; j++) {
                    int k = i * outputs + j;
                    precise[k] = reachable(i, k, precise[k] + rate * d[j] * x[i]);
                    apply(i, j, (int) ((precise[k] - heldWeight(i, k)) * pulsesPerWeight));
                }
            }
            return;
        }
        if (how == Update.PULSE_COUNT) {
            for (int i = 0; i < inputs; i++) {
                for (int j = 0; j < outputs; j++) {
                    double wanted = rate * d[j] * x[i] * pulsesPerWeight;
                    double whole = Math.floor(wanted);
                    apply(i, j, (int) whole + (rng.nextDouble() < wanted - whole ? 1 : 0));
                }
            }
            return;
        }
        int slots = 10;
        double xMax = java.util.Arrays.stream(x).map(Math::abs).max().orElse(0);
        double dMax = java.util.Arrays.stream(d).map(Math::abs).max().orElse(0);
        if (xMax == 0 || dMax == 0) {
            return;
        }
        // probabilities p_i = |x_i|/xMax·cx and q_j = |d_j|/dMax·cd with cx·cd·slots = rate·xMax·dMax·pulsesPerWeight,
        // split evenly and capped at 1 (a larger request saturates at one pulse per slot)
        double product = Math.abs(rate) * xMax * dMax * pulsesPerWeight / slots;
        double c = Math.min(1, Math.sqrt(product));
        double cx = c;
        double cd = Math.min(1, product / c);
        boolean[][] rowFires = new boolean[slots][inputs];
        boolean[][] colFires = new boolean[slots][outputs];
        for (int s = 0; s < slots; s++) {
            for (int i = 0; i < inputs; i++) {
                rowFires[s][i] = rng.nextDouble() < Math.abs(x[i]) / xMax * cx;
            }
            for (int j = 0; j < outputs; j++) {
                colFires[s][j] = rng.nextDouble() < Math.abs(d[j]) / dMax * cd;
            }
        }
        for (int i = 0; i < inputs; i++) {
            for (int j = 0; j < outputs; j++) {
                int count = 0;
                for (int s = 0; s < slots; s++) {
                    if (rowFires[s][i] && colFires[s][j]) {
                        count++;
                    }
                }
                apply(i, j, (int) Math.signum(rate * x[i] * d[j]) * count);
            }
        }
    }

    private void apply(int i, int j, int n) {
        if (n == 0) {
            return;
        }
        int k = i * outputs + j;
        if (mapping == Mapping.REFERENCE_COLUMN) {
            plus.pulse(k, n);
        } else if (n > 0) {
            plus.pulse(k, n);
        } else {
            minus.pulse(k, -n);
        }
    }

    /** Energy of the forward and transpose reads so far, by part, and how many reads there were. */
    private static final class ReadEnergy {
        double array;
        double dac;
        double adc;
        long reads;
    }

    /**
     * Energy per read (array, DAC, ADC, total, from the reads so far), latency of one read, array area in F², and
     * the energy of the same matrix-vector product done digitally at 45 nm with 8-bit integers (Horowitz, ISSCC
     * 2014: multiply 0.2 pJ, add 0.03 pJ, and each 8-bit weight fetched from SRAM at 10 pJ per 64 bits).
     */
    public record Report(double arrayEnergy, double dacEnergy, double adcEnergy, double totalEnergy, double latency,
            double areaF2, double digitalEnergy) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "per read: array %.3g pJ, DAC %.3g pJ, ADC %.3g pJ, total %.3g pJ; "
                            + "latency %.3g ns; area %.3g F²; digital 8-bit baseline %.3g pJ (%.2g× the crossbar)",
                    arrayEnergy * 1e12, dacEnergy * 1e12, adcEnergy * 1e12, totalEnergy * 1e12, latency * 1e9,
                    areaF2, digitalEnergy * 1e12, digitalEnergy / totalEnergy);
        }
    }

    public Report report() {
        requireProgrammed();
        long reads = Math.max(1, energy.reads);
        double a = energy.array / reads;
        double dac = energy.dac / reads;
        double adc = energy.adc / reads;
        int conversions = (outputs + columnsPerAdc - 1) / columnsPerAdc;
        double latency = model.readTimeSeconds() + (adcBits > 0 ? conversions * adcBits * ADC_TIME_PER_BIT : 0);
        int devices = mapping == Mapping.DIFFERENTIAL ? 2 * inputs * outputs : inputs * (outputs + 1);
        double macs = (double) inputs * outputs;
        double digital = macs * (0.2e-12 + 0.03e-12 + 10e-12 / 8);
        return new Report(a, dac, adc, a + dac + adc, latency, devices * cellArea, digital);
    }

    /** The devices holding the positive (or only) conductances. */
    public DeviceArray devices() {
        requireProgrammed();
        return plus;
    }

    /** The devices holding the negative conductances, or the reference column's. */
    public DeviceArray otherDevices() {
        requireProgrammed();
        return minus;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Crossbar(%d × %d, %s, %s%s%s%s)", inputs, outputs, model.technology(),
                mapping, irDrop == IrDrop.NONE ? "" : ", wires " + wire + " Ω " + irDrop,
                dacBits > 0 ? ", DAC " + dacBits + " b" : "", adcBits > 0 ? ", ADC " + adcBits + " b" : "");
    }
}
