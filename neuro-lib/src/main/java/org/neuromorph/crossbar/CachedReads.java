package org.neuromorph.crossbar;

import java.util.Arrays;
import java.util.Objects;
import org.neuromorph.jobs.Lanes;

/**
 * The read kernels of noiseless reads without IR drop: Kirchhoff on a cached signed conductance matrix (G+ − G−, or
 * G − G_ref), with the array energy from each row's total conductance. The cache is refilled when the devices change
 * (their version counters) or the precision does.
 *
 * <p>The matrix is cached in panels: the bit lines in groups of {@code width} (four SIMD vectors' worth), each group
 * one array holding its word lines one after another, {@code panel[i·width + l] = G[i][b·width + l]}. A pass keeps a
 * panel's sums in registers while it adds every word line, so it reads memory in one forward stream and writes each
 * sum once, where a pass over rows sends the sums to memory and back and reads a stream per row (the figures are in
 * docs/results.md, "Crossbar speed"). The last panel is padded with zero conductances. Every bit line's sum adds its
 * word lines in order, products and sums rounded separately, so the result is the same to the bit in lanes or scalar
 * loops, split or not.
 *
 * <p>Arrays from 256² cells split their panels in two halves, the second on a helper thread ({@link ReadHelper}).
 * The working arrays are kept between reads so that a read allocates only its result. A crossbar is read by one
 * thread at a time, as its energy counters already assume.
 */
final class CachedReads {
    /** Arrays of this many cells (256²) or more split a read in two; at 128² the hand-over cost more than it saved. */
    private static final long SPLIT_CELLS = 1 << 16;
    /** Bit lines per panel in scalar loops, which the JIT turns into SIMD code of its own. */
    private static final int SCALAR_WIDTH = 16;

    private final int inputs;
    private final int outputs;
    /** Passes in SIMD lanes ({@link LaneReads}) or scalar ones: the same sums either way. */
    private final boolean lanes = Lanes.enabled();
    private Crossbar.ReadPrecision precision = Crossbar.ReadPrecision.DOUBLE;
    /** Bit lines per panel in the current precision, the number of panels, and the helper's first panel. */
    private int width;
    private int panelCount;
    private int splitPanel;
    private double[][] panels;
    /** The same matrix in float32, for {@link Crossbar.ReadPrecision#SINGLE} (only one of the two is kept). */
    private float[][] panelsSingle;
    private double[] rowConductance;
    private long cachedVersion = -1;
    private final double[] drive;
    private float[] driveSingle;
    /** One read's sums, panel by panel (so as long as the panels' bit lines): each half writes its own panels'. */
    private double[] sums;
    private float[] sumsSingle;
    /** The drive of the read under way (set before it splits, so the helper sees it). */
    private double[] readDrive;
    private final Runnable firstHalf = () -> pass(0, splitPanel);
    private final Runnable secondHalf = () -> pass(splitPanel, panelCount);

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
            panels = null;
            panelsSingle = null;
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
        if (rowConductance == null) {
            allocate(single);
        }
        for (int i = 0; i < inputs; i++) {
            for (int j = 0; j < outputs; j++) {
                double g = mapping.heldConductance(i, i * outputs + j);
                int at = i * width + j % width;
                if (single) {
                    panelsSingle[j / width][at] = (float) g;
                } else {
                    panels[j / width][at] = g;
                }
            }
            rowConductance[i] = mapping.rowConductance(i);
        }
        cachedVersion = version;
    }

    /**
     * The cache's arrays for a precision, made once: a training loop changes the devices before every read, and each
     * refresh overwrites every cell (a panel's padding stays zero).
     */
    private void allocate(boolean single) {
        width = !lanes ? SCALAR_WIDTH : single ? LaneReads.floatWidth() : LaneReads.doubleWidth();
        panelCount = (outputs + width - 1) / width;
        splitPanel = (long) inputs * outputs < SPLIT_CELLS ? panelCount : panelCount / 2;
        int padded = panelCount * width;
        panels = single ? null : new double[panelCount][inputs * width];
        panelsSingle = single ? new float[panelCount][inputs * width] : null;
        sums = single ? null : new double[padded];
        sumsSingle = single ? new float[padded] : null;
        driveSingle = single ? new float[inputs] : null;
        rowConductance = new double[inputs];
    }

    /** The bit-line sums of one read, as a new array (the only allocation of a read). */
    private double[] sums(double[] v) {
        boolean single = precision == Crossbar.ReadPrecision.SINGLE;
        if (single) {
            for (int i = 0; i < inputs; i++) {
                driveSingle[i] = (float) v[i];
            }
        } else {
            readDrive = v;
        }
        if (splitPanel == panelCount || splitPanel == 0) {
            pass(0, panelCount);
        } else {
            ReadHelper.both(firstHalf, secondHalf);
        }
        readDrive = null;
        double[] result = new double[outputs];
        if (single) {
            for (int j = 0; j < outputs; j++) {
                result[j] = sumsSingle[j];
            }
        } else {
            System.arraycopy(sums, 0, result, 0, outputs);
        }
        return result;
    }

    /** Panels [from, to) of the read under way. */
    private void pass(int from, int to) {
        if (precision == Crossbar.ReadPrecision.SINGLE) {
            if (lanes) {
                LaneReads.accumulate(panelsSingle, driveSingle, sumsSingle, from, to);
            } else {
                accumulate(panelsSingle, width, driveSingle, sumsSingle, from, to);
            }
        } else if (lanes) {
            LaneReads.accumulate(panels, readDrive, sums, from, to);
        } else {
            accumulate(panels, width, readDrive, sums, from, to);
        }
    }

    /**
     * sums[b·width + l] = Σ_i v_i·panel_b[i·width + l] for panels b in [fromPanel, toPanel); every sum adds its
     * word lines in order.
     */
    static void accumulate(double[][] panels, int width, double[] v, double[] sums, int fromPanel, int toPanel) {
        for (int b = fromPanel; b < toPanel; b++) {
            double[] p = panels[b];
            int out = b * width;
            Arrays.fill(sums, out, out + width, 0);
            for (int i = 0, at = 0; i < v.length; i++, at += width) {
                double vi = v[i];
                for (int l = 0; l < width; l++) {
                    sums[out + l] += vi * p[at + l];
                }
            }
        }
    }

    /** The float32 twin of the pass above (Java has no generics over primitives): the same order of operations. */
    static void accumulate(float[][] panels, int width, float[] v, float[] sums, int fromPanel, int toPanel) {
        for (int b = fromPanel; b < toPanel; b++) {
            float[] p = panels[b];
            int out = b * width;
            Arrays.fill(sums, out, out + width, 0);
            for (int i = 0, at = 0; i < v.length; i++, at += width) {
                float vi = v[i];
                for (int l = 0; l < width; l++) {
                    sums[out + l] += vi * p[at + l];
                }
            }
        }
    }
}
