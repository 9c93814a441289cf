package org.neuromorph.crossbar;

import java.util.Arrays;

/**
 * Currents of a crossbar with wire resistance. Word line i is driven at its left end through one wire segment,
 * bit line j is held at virtual ground (the sense amplifier) at its bottom end through one segment, every segment
 * has resistance r, and cell (i, j) joins word-line node a(i, j) to bit-line node b(i, j) with conductance G_ij.
 * Kirchhoff's current law at the 2·rows·cols nodes gives a sparse symmetric positive definite system.
 *
 * <p>{@link #solve} solves it exactly (to a relative residual of 1e-12) by conjugate gradients preconditioned with
 * the exact solution of every word and bit line on its own (tridiagonal, Thomas algorithm): the wires couple nodes
 * far more strongly than the cells, so that preconditioner leaves only the weak cell couplings to iterate on.
 * A direct sparse Cholesky factorisation would need a fill-reducing ordering, which EJML does not provide; in the
 * natural ordering the factor of a 256 × 256 array holds some 10⁸ numbers, while the iteration needs 10 vectors of
 * 2·rows·cols. {@link #firstOrder} is the one-pass estimate: the ideal cell currents flow through the wires and
 * drop the voltages, and the cells are evaluated once at the dropped voltages.
 */
public final class IrDropSolver {
    private static final double TOLERANCE = 1e-12;
    private final int rows;
    private final int cols;
    private final int n;
    private final double[] x;
    private final double[] r;
    private final double[] z;
    private final double[] p;
    private final double[] q;
    private final double[] rhs;
    private final double[] scratchC;
    private final double[] scratchD;
    private int lastIterations;

    public IrDropSolver(int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
        n = rows * cols;
        x = new double[2 * n];
        r = new double[2 * n];
        z = new double[2 * n];
        p = new double[2 * n];
        q = new double[2 * n];
        rhs = new double[2 * n];
        scratchC = new double[Math.max(rows, cols)];
        scratchD = new double[Math.max(rows, cols)];
    }

    /** Iterations the last {@link #solve} needed. */
    public int lastIterations() {
        return lastIterations;
    }

    /**
     * Solves the network: {@code g} row-major (rows × cols, siemens), {@code v} the word-line drive voltages,
     * {@code wire} the resistance of one segment (Ω, &gt; 0). Writes the current into each bit line's virtual
     * ground to {@code out} (amperes) and returns it.
     */
    public double[] solve(double[] g, double[] v, double wire, double[] out) {
        double gw = 1 / wire;
        Arrays.fill(rhs, 0);
        for (int i = 0; i < rows; i++) {
            rhs[i * cols] = gw * v[i];
        }
        // start from the ideal solution: word lines at their drive, bit lines at ground
        for (int i = 0; i < rows; i++) {
            Arrays.fill(x, i * cols, (i + 1) * cols, v[i]);
        }
        Arrays.fill(x, n, 2 * n, 0);
        multiply(g, gw, x, q);
        double rhsNorm = 0;
        for (int k = 0; k < 2 * n; k++) {
            r[k] = rhs[k] - q[k];
            rhsNorm += rhs[k] * rhs[k];
        }
        rhsNorm = Math.sqrt(rhsNorm);
        precondition(g, gw, r, z);
        System.arraycopy(z, 0, p, 0, 2 * n);
        double rz = dot(r, z);
        int limit = 20 * (rows + cols) + 200;
        int it = 0;
        while (Math.sqrt(dot(r, r)) > TOLERANCE * rhsNorm) {
            if (++it > limit) {
                throw new IllegalStateException("IR-drop solve did not converge in " + limit + " iterations ("
                        + rows + " × " + cols + ", wire " + wire + " Ω); check for zero or negative conductances");
            }
            multiply(g, gw, p, q);
            double alpha = rz / dot(p, q);
            for (int k = 0; k < 2 * n; k++) {
                x[k] += alpha * p[k];
                r[k] -= alpha * q[k];
            }
            precondition(g, gw, r, z);
            double rzNext = dot(r, z);
            double beta = rzNext / rz;
            rz = rzNext;
            for (int k = 0; k < 2 * n; k++) {
                p[k] = z[k] + beta * p[k];
            }
        }
        lastIterations = it;
        for (int j = 0; j < cols; j++) {
            out[j] = gw * x[n + (rows - 1) * cols + j];
        }
        return out;
    }

    /** The network's matrix times {@code in}: word-line nodes first (row-major), then bit-line nodes. */
    private void multiply(double[] g, double gw, double[] in, double[] result) {
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int k = i * cols + j;
                double gij = g[k];
                double a = in[k];
                double b = in[n + k];
                double wordDiagonal = gw * (j < cols - 1 ? 2 : 1) + gij;
                double word = wordDiagonal * a - gij * b;
                if (j > 0) {
                    word -= gw * in[k - 1];
                }
                if (j < cols - 1) {
                    word -= gw * in[k + 1];
                }
                double bitDiagonal = gw * (i > 0 ? 2 : 1) + gij;
                double bit = bitDiagonal * b - gij * a;
                if (i > 0) {
                    bit -= gw * in[n + k - cols];
                }
                if (i < rows - 1) {
                    bit -= gw * in[n + k + cols];
                }
                result[k] = word;
                result[n + k] = bit;
            }
        }
    }

    /** Solves each word line and each bit line exactly on its own (the cells' cross terms left out). */
    private void precondition(double[] g, double gw, double[] in, double[] result) {
        for (int i = 0; i < rows; i++) {
            // word line i: tridiagonal along j
            int base = i * cols;
            for (int j = 0; j < cols; j++) {
                double diagonal = gw * (j < cols - 1 ? 2 : 1) + g[base + j];
                thomasStep(j, diagonal, -gw, in[base + j]);
            }
            thomasBack(cols, result, base, 1);
        }
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i < rows; i++) {
                double diagonal = gw * (i > 0 ? 2 : 1) + g[i * cols + j];
                thomasStep(i, diagonal, -gw, in[n + i * cols + j]);
            }
            thomasBack(rows, result, n + j, cols);
        }
    }

    /** Forward sweep of the Thomas algorithm for a symmetric tridiagonal line with off-diagonal {@code off}. */
    private void thomasStep(int k, double diagonal, double off, double value) {
        if (k == 0) {
            scratchC[0] = off / diagonal;
            scratchD[0] = value / diagonal;
        } else {
            double m = diagonal - off * scratchC[k - 1];
            scratchC[k] = off / m;
            scratchD[k] = (value - off * scratchD[k - 1]) / m;
        }
    }

    private void thomasBack(int length, double[] result, int start, int stride) {
        double next = scratchD[length - 1];
        result[start + (length - 1) * stride] = next;
        for (int k = length - 2; k >= 0; k--) {
            next = scratchD[k] - scratchC[k] * next;
            result[start + k * stride] = next;
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }

    /**
     * First-order estimate: the ideal cell currents V_i·G_ij flow along the wires; each node's voltage drops by
     * the wire resistance times the current its segments carry; the cells are then evaluated once at the
     * dropped voltages. Its relative error is about the square of the relative drop (measured over 16² to 256²
     * arrays at 0.5–2.5 Ω: below 2·drop² while the drop stays under 20 %, and useless beyond 30 %).
     */
    public static double[] firstOrder(double[] g, double[] v, double wire, int rows, int cols, double[] out) {
        double[] wordDrop = new double[rows * cols];
        double[] bitVoltage = new double[rows * cols];
        double[] fromRight = new double[cols];
        double[] fromTop = new double[rows];
        for (int i = 0; i < rows; i++) {
            // current through the segment left of node j: the cells from j to the end of the line
            double downstream = 0;
            for (int j = cols - 1; j >= 0; j--) {
                downstream += v[i] * g[i * cols + j];
                fromRight[j] = downstream;
            }
            double drop = 0;
            for (int j = 0; j < cols; j++) {
                drop += wire * fromRight[j];
                wordDrop[i * cols + j] = drop;
            }
        }
        for (int j = 0; j < cols; j++) {
            // current through the segment below node i: the cells from the top down to i
            double upstream = 0;
            for (int i = 0; i < rows; i++) {
                upstream += v[i] * g[i * cols + j];
                fromTop[i] = upstream;
            }
            double voltage = 0;
            for (int i = rows - 1; i >= 0; i--) {
                voltage += wire * fromTop[i];
                bitVoltage[i * cols + j] = voltage;
            }
        }
        Arrays.fill(out, 0, cols, 0);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int k = i * cols + j;
                out[j] += g[k] * (v[i] - wordDrop[k] - bitVoltage[k]);
            }
        }
        return out;
    }
}
