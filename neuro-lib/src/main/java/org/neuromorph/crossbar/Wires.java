package org.neuromorph.crossbar;

import java.util.Objects;

/**
 * The array's wires: resistance per segment and how IR drop is solved (none, first order or the full network).
 * Currents of a forward read flow from word lines driven at their left ends to bit lines sensed at their bottom
 * ends; a transpose read drives the bit lines instead. The solvers are made on first use and kept (they hold
 * their factorisation's working arrays).
 */
final class Wires {
    private final Crossbar.IrDrop method;
    private final double ohms;
    private IrDropSolver forward;
    private IrDropSolver transpose;

    /** Ideal wires. */
    static final Wires NONE = new Wires(0, Crossbar.IrDrop.NONE);

    Wires(double ohms, Crossbar.IrDrop method) {
        if (!(ohms >= 0)) {
            throw new IllegalArgumentException("wire resistance must be ≥ 0 Ω, got " + ohms + " Ω");
        }
        this.ohms = ohms;
        this.method = ohms == 0 ? Crossbar.IrDrop.NONE : Objects.requireNonNull(method, "IR drop method");
    }

    /** Whether the wires have resistance (reads then go through {@link IrDropSolver}). */
    boolean resistive() {
        return method != Crossbar.IrDrop.NONE;
    }

    /** Bit-line currents of an array of {@code rows} × {@code width} conductances (row-major) driven by {@code v}. */
    double[] currents(double[] g, double[] v, int rows, int width) {
        double[] out = new double[width];
        switch (method) {
            case NONE -> {
                for (int i = 0; i < rows; i++) {
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
            case FIRST_ORDER -> IrDropSolver.firstOrder(g, v, ohms, rows, width, out);
            case FULL -> {
                if (forward == null) {
                    forward = new IrDropSolver(rows, width);
                }
                forward.solve(g, v, ohms, out);
            }
        }
        return out;
    }

    /**
     * Word-line currents of a transpose read through the wires: bit lines driven at their bottom ends, word lines
     * sensed at their left ends. That is the forward network seen from the other side, so the forward solver runs on
     * it with bit line j as its driven line outputs−1−j and word line i as its sensed line inputs−1−i, which puts
     * the ports back at the ends the solver drives and senses. By reciprocity the result is the transpose of the
     * forward read's transfer (tested).
     */
    double[] transposeCurrents(double[] g, double[] v, int inputs, int outputs) {
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
        if (method == Crossbar.IrDrop.FULL) {
            if (transpose == null) {
                transpose = new IrDropSolver(outputs, inputs);
            }
            transpose.solve(flipped, drive, ohms, out);
        } else {
            IrDropSolver.firstOrder(flipped, drive, ohms, outputs, inputs, out);
        }
        double[] currents = new double[inputs];
        for (int i = 0; i < inputs; i++) {
            currents[i] = out[inputs - 1 - i];
        }
        return currents;
    }

    @Override
    public String toString() {
        return resistive() ? ", wires " + ohms + " Ω " + method : "";
    }
}
