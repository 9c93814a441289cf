package org.neuromorph.crossbar;

import java.util.Arrays;
import java.util.Objects;
import org.neuromorph.jobs.Lanes;

/**
 * The read kernels of noiseless reads without IR drop: Kirchhoff on a cached signed conductance matrix (G+ − G−, or
 * G − G_ref), passes of y += v_i·row_i (in SIMD lanes, {@link LaneReads}, or scalar loops the JIT vectorises), with
 * the array energy from each row's total conductance. The cache is rebuilt when the devices change (their version
 * counters) or the precision does.
 *
 * <p>The matrix is kept one array per word line: with one flat array the partial sums and the matrix could be the
 * same array at some offset, so the JIT would have to keep the scalar loop. Arrays from 256² cells split their bit
 * lines in two halves, the second on a helper thread; every bit line's sum still adds its word lines in order, so the
 * result is the same to the bit whether the read splits, the helper takes its half, or lanes are on.
 *
 * <p>The working arrays are kept between reads so that a read allocates only its result (see
 * {@code bench/results} for the MVM figures that made this worthwhile). A crossbar is read by one thread at a
 * time, as its energy counters already assume.
 */
final class CachedReads {
    /** Arrays of this many cells (256²) or more split a read in two; at 128² the hand-over cost more than it saved. */
    private static final long SPLIT_CELLS = 1 << 16;
    /** The split falls on a multiple of this many bit lines, so both halves run in whole 512-bit vectors. */
    private static final int SPLIT_ALIGNMENT = 16;

    private final int inputs;
    private final int outputs;
    /** Passes in SIMD lanes ({@link LaneReads}) or scalar ones: the same sums either way. */
    private final boolean lanes = Lanes.enabled();
    private Crossbar.ReadPrecision precision = Crossbar.ReadPrecision.DOUBLE;
    private double[][] effective;
    /** The same matrix in float32, for {@link Crossbar.ReadPrecision#SINGLE} (only one of the two is kept). */
    private float[][] effectiveSingle;
    private double[] rowConductance;
    private long cachedVersion = -1;
    private final double[] drive;
    private float[] driveSingle;
    private float[] sumsSingle;
    /** The read under way (set before it splits, so the helper sees them): its drive, sums and split column. */
    private double[] readDrive;
    private double[] readSums;
    private int split;
    private final Runnable firstHalf = () -> half(0, split);
    private final Runnable secondHalf = this::lastHalf;

    CachedReads(int inputs, int outputs) {
        this.inputs = inputs;
        this.outputs = outputs;
        drive = new double[inputs];
    }

    Crossbar.ReadPrecision precision() {
        return precision;
    }

    void precision(Crossbar.ReadPrecision value) {
        if (value != precision) {
            precision = Objects.requireNonNull(value, "read precision");
            effective = null;
            effectiveSingle = null;
            rowConductance = null; // rebuilt in the new precision on the next read
        }
    }

    /** Word-line voltages of a read, reused: the DAC writes them here. */
    double[] driveScratch() {
        return drive;
    }

    /** Bit-line currents for word-line voltages {@code v}; the array's read energy goes to {@code energy}. */
    double[] currents(WeightMapping mapping, double[] v, EnergyLedger energy, double readTime) {
        refresh(mapping);
        double e = 0;
        for (int i = 0; i < inputs; i++) {
            e += v[i] * v[i] * rowConductance[i];
        }
        energy.array += e * readTime;
        return sums(v);
    }

    private void refresh(WeightMapping mapping) {
        long version = mapping.plus.version() * 31 + mapping.minus.version();
        if (rowConductance != null && version == cachedVersion) {
            return;
        }
        boolean single = precision == Crossbar.ReadPrecision.SINGLE;
        effective = single ? null : new double[inputs][outputs];
        effectiveSingle = single ? new float[inputs][outputs] : null;
        rowConductance = new double[inputs];
        for (int i = 0; i < inputs; i++) {
            for (int j = 0; j < outputs; j++) {
                double g = mapping.heldConductance(i, i * outputs + j);
                if (single) {
                    effectiveSingle[i][j] = (float) g;
                } else {
                    effective[i][j] = g;
                }
            }
            rowConductance[i] = mapping.rowConductance(i);
        }
        cachedVersion = version;
        if (single && driveSingle == null) {
            driveSingle = new float[inputs];
            sumsSingle = new float[outputs];
        }
    }

    /**
     * The bit-line sums of one read. The halves of a split read are two runnables made once, reading the read's
     * arrays from fields, so that a read allocates only its result.
     */
    private double[] sums(double[] v) {
        boolean single = precision == Crossbar.ReadPrecision.SINGLE;
        if (single) {
            for (int i = 0; i < inputs; i++) {
                driveSingle[i] = (float) v[i];
            }
            Arrays.fill(sumsSingle, 0);
        } else {
            readDrive = v;
            readSums = new double[outputs];
        }
        split = splitColumn();
        if (split == outputs) {
            half(0, outputs);
        } else {
            ReadHelper.both(firstHalf, secondHalf);
        }
        if (!single) {
            double[] sums = readSums;
            readDrive = null;
            readSums = null;
            return sums;
        }
        double[] sums = new double[outputs];
        for (int j = 0; j < outputs; j++) {
            sums[j] = sumsSingle[j];
        }
        return sums;
    }

    private void lastHalf() {
        half(split, outputs);
    }

    /** Bit lines [from, to) of the read under way. */
    private void half(int from, int to) {
        if (precision == Crossbar.ReadPrecision.SINGLE) {
            pass(effectiveSingle, driveSingle, sumsSingle, from, to);
        } else {
            pass(effective, readDrive, readSums, from, to);
        }
    }

    /** The first bit line of the helper's half, or {@code outputs} when the read does not split. */
    private int splitColumn() {
        int half = outputs / 2 / SPLIT_ALIGNMENT * SPLIT_ALIGNMENT;
        return (long) inputs * outputs < SPLIT_CELLS || half == 0 ? outputs : half;
    }

    private void pass(double[][] g, double[] v, double[] sums, int from, int to) {
        if (lanes) {
            LaneReads.accumulate(g, v, sums, from, to);
        } else {
            accumulate(g, v, sums, from, to);
        }
    }

    private void pass(float[][] g, float[] v, float[] sums, int from, int to) {
        if (lanes) {
            LaneReads.accumulate(g, v, sums, from, to);
        } else {
            accumulate(g, v, sums, from, to);
        }
    }

    /**
     * sums[j] += Σ_i v_i·G_ij for bit lines [from, to) over every word line, four word lines per pass so each pass
     * reads and writes the partial sums once for four rows; every sum adds its rows in order.
     */
    static void accumulate(double[][] effective, double[] v, double[] sums, int from, int to) {
        int rows = effective.length;
        int i = 0;
        for (; i + 3 < rows; i += 4) {
            double v0 = v[i];
            double v1 = v[i + 1];
            double v2 = v[i + 2];
            double v3 = v[i + 3];
            double[] g0 = effective[i];
            double[] g1 = effective[i + 1];
            double[] g2 = effective[i + 2];
            double[] g3 = effective[i + 3];
            for (int j = from; j < to; j++) {
                sums[j] = (((sums[j] + v0 * g0[j]) + v1 * g1[j]) + v2 * g2[j]) + v3 * g3[j];
            }
        }
        rowByRow(effective, v, sums, i, rows, from, to);
    }

    /** sums[j] += v_i·G_ij for word lines [rowFrom, rowTo) one at a time, bit lines [from, to). */
    static void rowByRow(double[][] effective, double[] v, double[] sums, int rowFrom, int rowTo, int from, int to) {
        for (int i = rowFrom; i < rowTo; i++) {
            double vi = v[i];
            double[] g = effective[i];
            for (int j = from; j < to; j++) {
                sums[j] += vi * g[j];
            }
        }
    }

    /** The float32 twin of the pass above (Java has no generics over primitives): the same order of operations. */
    static void accumulate(float[][] effective, float[] v, float[] sums, int from, int to) {
        int rows = effective.length;
        int i = 0;
        for (; i + 3 < rows; i += 4) {
            float v0 = v[i];
            float v1 = v[i + 1];
            float v2 = v[i + 2];
            float v3 = v[i + 3];
            float[] g0 = effective[i];
            float[] g1 = effective[i + 1];
            float[] g2 = effective[i + 2];
            float[] g3 = effective[i + 3];
            for (int j = from; j < to; j++) {
                sums[j] = (((sums[j] + v0 * g0[j]) + v1 * g1[j]) + v2 * g2[j]) + v3 * g3[j];
            }
        }
        rowByRow(effective, v, sums, i, rows, from, to);
    }

    static void rowByRow(float[][] effective, float[] v, float[] sums, int rowFrom, int rowTo, int from, int to) {
        for (int i = rowFrom; i < rowTo; i++) {
            float vi = v[i];
            float[] g = effective[i];
            for (int j = from; j < to; j++) {
                sums[j] += vi * g[j];
            }
        }
    }
}
