package org.neuromorph.crossbar;

import java.util.Arrays;
import java.util.Objects;

/**
 * The read kernels of noiseless reads without IR drop: Kirchhoff on a cached signed conductance matrix (G+ − G−, or
 * G − G_ref), passes of y += v_i·row_i that the JIT vectorises, with the array energy from each row's total
 * conductance. The cache is rebuilt when the devices change (their version counters) or the precision does.
 *
 * <p>The matrix is kept one array per word line: with one flat array the partial sums and the matrix could be the
 * same array at some offset, so the JIT would have to keep the scalar loop. Large arrays read their word lines in
 * two halves, the second on a helper thread into its own sums, added after; the same order whether or not the
 * helper takes it, so the result does not depend on threads.
 *
 * <p>The working arrays are kept between reads so that a read allocates only its result (see
 * {@code bench/results} for the MVM figures that made this worthwhile). A crossbar is read by one thread at a
 * time, as its energy counters already assume.
 */
final class CachedReads {
    /** Arrays of this many cells or more split a read in two (below it the hand-over costs more than it saves). */
    private static final long SPLIT_CELLS = 1 << 18;

    private final int inputs;
    private final int outputs;
    private Crossbar.ReadPrecision precision = Crossbar.ReadPrecision.DOUBLE;
    private double[][] effective;
    /** The same matrix in float32, for {@link Crossbar.ReadPrecision#SINGLE} (only one of the two is kept). */
    private float[][] effectiveSingle;
    private double[] rowConductance;
    private long cachedVersion = -1;
    private final double[] drive;
    private final double[] lower;
    private float[] driveSingle;
    private float[] upperSingle;
    private float[] lowerSingle;

    CachedReads(int inputs, int outputs) {
        this.inputs = inputs;
        this.outputs = outputs;
        drive = new double[inputs];
        lower = new double[outputs];
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
        return precision == Crossbar.ReadPrecision.SINGLE ? singleSums(v) : doubleSums(v);
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
            upperSingle = new float[outputs];
            lowerSingle = new float[outputs];
        }
    }

    private double[] doubleSums(double[] v) {
        double[][] g = effective;
        double[] sums = new double[outputs];
        if ((long) inputs * outputs < SPLIT_CELLS) {
            accumulate(g, v, sums, 0, inputs);
            return sums;
        }
        int half = inputs / 2;
        Arrays.fill(lower, 0);
        ReadHelper.both(() -> accumulate(g, v, sums, 0, half), () -> accumulate(g, v, lower, half, inputs));
        for (int j = 0; j < outputs; j++) {
            sums[j] += lower[j];
        }
        return sums;
    }

    private double[] singleSums(double[] v) {
        float[][] g = effectiveSingle;
        float[] driven = driveSingle;
        for (int i = 0; i < inputs; i++) {
            driven[i] = (float) v[i];
        }
        float[] upper = upperSingle;
        Arrays.fill(upper, 0);
        double[] sums = new double[outputs];
        if ((long) inputs * outputs < SPLIT_CELLS) {
            accumulate(g, driven, upper, 0, inputs);
            for (int j = 0; j < outputs; j++) {
                sums[j] = upper[j];
            }
            return sums;
        }
        int half = inputs / 2;
        float[] low = lowerSingle;
        Arrays.fill(low, 0);
        ReadHelper.both(() -> accumulate(g, driven, upper, 0, half), () -> accumulate(g, driven, low, half, inputs));
        for (int j = 0; j < outputs; j++) {
            sums[j] = (double) upper[j] + low[j];
        }
        return sums;
    }

    /**
     * sums[j] += Σ_i v_i·G_ij over word lines [from, to), four per pass so each pass reads and writes the partial
     * sums once for four rows; the sums keep row order.
     */
    static void accumulate(double[][] effective, double[] v, double[] sums, int from, int to) {
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
    static void accumulate(float[][] effective, float[] v, float[] sums, int from, int to) {
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
}
