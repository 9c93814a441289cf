package org.neuromorph.crossbar;

import org.neuromorph.device.DeviceArray;
import org.neuromorph.device.DeviceModel;

/**
 * How a crossbar's weights live in its devices: the scale β (siemens per unit of weight), the devices, and what
 * follows from the layout — the conductance a cell holds, which device a pulse goes to, the weights a cell can reach
 * with its devices' own windows, and the forward and transpose reads of the physical array. Cell (i, j), word line i
 * and bit line j, is device k = i·outputs + j of {@link #plus}.
 */
abstract sealed class WeightMapping permits WeightMapping.DifferentialPair, WeightMapping.ReferenceColumn {
    final DeviceModel model;
    final int inputs;
    final int outputs;
    /** The positive (or only) conductances, one device per cell. */
    final DeviceArray plus;
    /** The negative conductances, one device per cell, or the reference column, one device per word line. */
    final DeviceArray minus;
    /** Siemens per unit of weight, set by {@link #scale}. */
    double beta;

    private WeightMapping(DeviceModel model, int inputs, int outputs, int minusDevices, long seed) {
        this.model = model;
        this.inputs = inputs;
        this.outputs = outputs;
        this.plus = model.create(inputs * outputs, seed);
        this.minus = model.create(minusDevices, seed ^ 0x9E3779B9L);
    }

    static WeightMapping of(Crossbar.Mapping kind, DeviceModel model, int inputs, int outputs, long seed) {
        return switch (kind) {
            case DIFFERENTIAL -> new DifferentialPair(model, inputs, outputs, seed);
            case REFERENCE_COLUMN -> new ReferenceColumn(model, inputs, outputs, seed);
        };
    }

    /** The nominal window G_max − G_min of the model (each device's own may differ: device-to-device variability). */
    final double window() {
        return model.gMax() - model.gMin();
    }

    /** Sets β so that weights in [−maxWeight, maxWeight] span the nominal window. */
    abstract void scale(double maxWeight);

    /** Where programming W (outputs × inputs) sends each device: {@code writer} gets (devices, index, target G). */
    abstract void program(double[][] w, Writer writer);

    interface Writer {
        void write(DeviceArray devices, int k, double target);
    }

    /** The signed conductance of cell k on word line i, as the devices hold it (no read noise or drift). */
    abstract double heldConductance(int i, int k);

    final double heldWeight(int i, int k) {
        return heldConductance(i, k) / beta;
    }

    /** Word line i's total conductance over every device on it (for the read energy V²·G·t). */
    abstract double rowConductance(int i);

    /**
     * {@code w} limited to the weights cell k (word line i) can hold with its devices' own windows: updates move the
     * weight only by potentiating or depressing the devices it has.
     */
    final double reachable(int i, int k, double w) {
        return Math.max(lowest(i, k) / beta, Math.min(highest(i, k) / beta, w));
    }

    /** The lowest signed conductance cell k (word line i) can be pulsed to. */
    abstract double lowest(int i, int k);

    /** The highest signed conductance cell k (word line i) can be pulsed to. */
    abstract double highest(int i, int k);

    /** n pulses (negative: lowering the weight) to cell k. */
    abstract void pulse(int k, int n);

    /** Physical devices, for the array's area. */
    abstract int deviceCount();

    /**
     * The forward read: word-line voltages {@code v}, each device read at {@code time}, the bit-line currents through
     * {@code wires} and their signed differences into {@code sensed}; the array's read energy goes to {@code energy}.
     */
    abstract void forward(double[] v, double time, Wires wires, double[] sensed, EnergyLedger energy);

    /**
     * The transpose read: bit-line voltages {@code v}, word-line currents into {@code sensed} (through the wires if
     * they have resistance); the array's read energy goes to {@code energy}.
     */
    abstract void transpose(double[] v, double time, Wires wires, double[] sensed, EnergyLedger energy);

    /** Every device of {@code devices} read at {@code time} (noise, drift). */
    static double[] conductances(DeviceArray devices, int count, double time) {
        double[] g = new double[count];
        devices.readAll(g, time);
        return g;
    }

    /** V²·G·t over an array of {@code width} columns, per word line. */
    final double arrayEnergy(double[] g, double[] v, int width) {
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
     * Word-line sums of a transpose read, Σ_j v_j·(G+ − other), with {@code other} the negative device or, where
     * {@code negative} is null, the value {@code reference}; the energy counts both devices of a cell.
     */
    final void transposeSums(double[] gPlus, double[] negative, double reference, double[] v, double[] sensed,
            EnergyLedger energy) {
        for (int i = 0; i < inputs; i++) {
            double s = 0;
            double e = 0;
            for (int j = 0; j < outputs; j++) {
                int k = i * outputs + j;
                double other = negative != null ? negative[k] : reference;
                s += v[j] * (gPlus[k] - other);
                e += v[j] * v[j] * (gPlus[k] + other);
            }
            sensed[i] = s;
            energy.array += e * model.readTimeSeconds();
        }
    }

    /** Two arrays of equal shape: a weight is G+ − G−, raised by potentiating G+ and lowered by potentiating G−. */
    static final class DifferentialPair extends WeightMapping {
        DifferentialPair(DeviceModel model, int inputs, int outputs, long seed) {
            super(model, inputs, outputs, inputs * outputs, seed);
        }

        @Override
        void scale(double maxWeight) {
            beta = window() / maxWeight;
        }

        @Override
        void program(double[][] w, Writer writer) {
            for (int i = 0; i < inputs; i++) {
                for (int j = 0; j < outputs; j++) {
                    int k = i * outputs + j;
                    double value = w[j][i];
                    writer.write(plus, k, model.gMin() + beta * Math.max(value, 0));
                    writer.write(minus, k, model.gMin() + beta * Math.max(-value, 0));
                }
            }
        }

        @Override
        double heldConductance(int i, int k) {
            return plus.state(k) - minus.state(k);
        }

        @Override
        double rowConductance(int i) {
            double total = 0;
            for (int j = 0; j < outputs; j++) {
                int k = i * outputs + j;
                total += plus.state(k) + minus.state(k);
            }
            return total;
        }

        /** Raising a weight potentiates G+, lowering it potentiates G−: each bound is the other device's now. */
        @Override
        double lowest(int i, int k) {
            return plus.state(k) - minus.gMax(k);
        }

        @Override
        double highest(int i, int k) {
            return plus.gMax(k) - minus.state(k);
        }

        @Override
        void pulse(int k, int n) {
            if (n > 0) {
                plus.pulse(k, n);
            } else {
                minus.pulse(k, -n);
            }
        }

        @Override
        int deviceCount() {
            return 2 * inputs * outputs;
        }

        @Override
        void forward(double[] v, double time, Wires wires, double[] sensed, EnergyLedger energy) {
            double[] gPlus = conductances(plus, inputs * outputs, time);
            double[] gMinus = conductances(minus, inputs * outputs, time);
            double[] ip = wires.currents(gPlus, v, inputs, outputs);
            double[] im = wires.currents(gMinus, v, inputs, outputs);
            for (int j = 0; j < outputs; j++) {
                sensed[j] = ip[j] - im[j];
            }
            energy.array += arrayEnergy(gPlus, v, outputs) + arrayEnergy(gMinus, v, outputs);
        }

        @Override
        void transpose(double[] v, double time, Wires wires, double[] sensed, EnergyLedger energy) {
            double[] gPlus = conductances(plus, inputs * outputs, time);
            double[] gMinus = conductances(minus, inputs * outputs, time);
            transposeSums(gPlus, gMinus, 0, v, sensed, energy);
            if (wires.resistive()) {
                double[] plusCurrents = wires.transposeCurrents(gPlus, v, inputs, outputs);
                double[] minusCurrents = wires.transposeCurrents(gMinus, v, inputs, outputs);
                for (int i = 0; i < inputs; i++) {
                    sensed[i] = plusCurrents[i] - minusCurrents[i];
                }
            }
        }
    }

    /**
     * One device per weight and a reference column at mid-window sharing the word lines: a weight is G − G_ref of
     * its row, raised and lowered by pulsing its one device.
     */
    static final class ReferenceColumn extends WeightMapping {
        ReferenceColumn(DeviceModel model, int inputs, int outputs, long seed) {
            super(model, inputs, outputs, inputs, seed);
        }

        private double mid() {
            return (model.gMin() + model.gMax()) / 2;
        }

        @Override
        void scale(double maxWeight) {
            beta = window() / (2 * maxWeight);
        }

        @Override
        void program(double[][] w, Writer writer) {
            double mid = mid();
            for (int i = 0; i < inputs; i++) {
                for (int j = 0; j < outputs; j++) {
                    writer.write(plus, i * outputs + j, mid + beta * w[j][i]);
                }
                writer.write(minus, i, mid);
            }
        }

        @Override
        double heldConductance(int i, int k) {
            return plus.state(k) - minus.state(i);
        }

        @Override
        double rowConductance(int i) {
            double total = minus.state(i);
            for (int j = 0; j < outputs; j++) {
                total += plus.state(i * outputs + j);
            }
            return total;
        }

        @Override
        double lowest(int i, int k) {
            return plus.gMin(k) - minus.state(i);
        }

        @Override
        double highest(int i, int k) {
            return plus.gMax(k) - minus.state(i);
        }

        @Override
        void pulse(int k, int n) {
            plus.pulse(k, n);
        }

        @Override
        int deviceCount() {
            return inputs * (outputs + 1);
        }

        /** The reference column is the array's last column: the bit-line currents minus its current. */
        @Override
        void forward(double[] v, double time, Wires wires, double[] sensed, EnergyLedger energy) {
            int width = outputs + 1;
            double[] gPlus = conductances(plus, inputs * outputs, time);
            double[] ref = conductances(minus, inputs, time);
            double[] g = new double[inputs * width];
            for (int i = 0; i < inputs; i++) {
                System.arraycopy(gPlus, i * outputs, g, i * width, outputs);
                g[i * width + outputs] = ref[i];
            }
            double[] currents = wires.currents(g, v, inputs, width);
            for (int j = 0; j < outputs; j++) {
                sensed[j] = currents[j] - currents[outputs];
            }
            energy.array += arrayEnergy(g, v, width);
        }

        /** Driven from the bit lines, the reference is subtracted in the periphery at the nominal mid-window. */
        @Override
        void transpose(double[] v, double time, Wires wires, double[] sensed, EnergyLedger energy) {
            double mid = mid();
            double[] gPlus = conductances(plus, inputs * outputs, time);
            transposeSums(gPlus, null, mid, v, sensed, energy);
            if (wires.resistive()) {
                double driven = 0;
                for (double vj : v) {
                    driven += vj;
                }
                double[] plusCurrents = wires.transposeCurrents(gPlus, v, inputs, outputs);
                for (int i = 0; i < inputs; i++) {
                    sensed[i] = plusCurrents[i] - mid * driven;
                }
            }
        }
    }
}
