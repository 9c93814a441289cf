package org.neuromorph.neuron;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.neuromorph.state.StateExchange;
import org.neuromorph.units.Capacitance;
import org.neuromorph.units.Voltage;

/**
 * Izhikevich (2003) simple model, IEEE Trans. Neural Netw. 14:1569:
 * <pre>  v' = 0.04 v² + 5 v + 140 − u + I,   u' = a (b v − u),   v ≥ 30 mV → v = c, u = u + d</pre>
 * with v in mV and t in ms. The paper's current I is in mV/ms; an input current in amperes enters as I/C, with
 * C = 1 pF by default so that 1 pA is one unit of the paper. Integration is forward Euler on v and u together
 * (Brian2's method 'euler'), the threshold tested after the update, spikes recorded at the step's start.
 * Initial state v(0) = −65 mV and u(0) = b·v(0), as in the paper. Presets: {@link #regularSpiking()},
 * {@link #intrinsicallyBursting()}, {@link #chattering()}, {@link #fastSpiking()}, {@link #lowThresholdSpiking()},
 * {@link #thalamoCortical()}, {@link #resonator()} (parameters from the paper's Fig. 2).
 */
public final class Izhikevich implements NeuronModel {
    private final String preset;
    private final double a;
    private final double b;
    private final double c;
    private final double d;
    private double capacitance = 1e-12;
    private double v0 = -65;

    /** The model's parameters in the paper's units (a, b per ms; c, v(0) in mV; d in mV/ms), for an export. */
    public record Values(double a, double b, double c, double d, double v0) {
    }

    public Values values() {
        return new Values(a, b, c, d, v0);
    }

    public Izhikevich(double a, double b, double c, double d) {
        this("custom", a, b, c, d);
    }

    private Izhikevich(String preset, double a, double b, double c, double d) {
        this.preset = preset;
        this.a = a;
        this.b = b;
        this.c = c;
        this.d = d;
    }

    public static Izhikevich regularSpiking() {
        return new Izhikevich("regular spiking", 0.02, 0.2, -65, 8);
    }

    public static Izhikevich intrinsicallyBursting() {
        return new Izhikevich("intrinsically bursting", 0.02, 0.2, -55, 4);
    }

    public static Izhikevich chattering() {
        return new Izhikevich("chattering", 0.02, 0.2, -50, 2);
    }

    public static Izhikevich fastSpiking() {
        return new Izhikevich("fast spiking", 0.1, 0.2, -65, 2);
    }

    public static Izhikevich lowThresholdSpiking() {
        return new Izhikevich("low-threshold spiking", 0.02, 0.25, -65, 2);
    }

    public static Izhikevich thalamoCortical() {
        return new Izhikevich("thalamo-cortical", 0.02, 0.25, -65, 0.05);
    }

    public static Izhikevich resonator() {
        return new Izhikevich("resonator", 0.1, 0.26, -65, 2);
    }

    /** A preset by name: "RS", "IB", "CH", "FS", "LTS", "TC", "RZ" or the long names. */
    public static Izhikevich preset(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ')) {
            case "rs", "regular spiking" -> regularSpiking();
            case "ib", "intrinsically bursting" -> intrinsicallyBursting();
            case "ch", "chattering" -> chattering();
            case "fs", "fast spiking" -> fastSpiking();
            case "lts", "low threshold spiking" -> lowThresholdSpiking();
            case "tc", "thalamo cortical", "thalamocortical" -> thalamoCortical();
            case "rz", "resonator" -> resonator();
            default -> throw new IllegalArgumentException("no Izhikevich preset '" + name + "'; choose one of RS, IB,"
                    + " CH, FS, LTS, TC, RZ (regular spiking, intrinsically bursting, chattering, fast spiking,"
                    + " low-threshold spiking, thalamo-cortical, resonator)");
        };
    }

    /** The capacitance that turns an input current into the paper's mV/ms (default 1 pF). */
    public Izhikevich capacitance(Capacitance value) {
        if (!(value.si() > 0)) {
            throw new IllegalArgumentException("capacitance must be > 0, got " + value);
        }
        capacitance = value.si();
        return this;
    }

    /** Initial membrane potential (default −65 mV); u starts at b·v0. */
    public Izhikevich v0(Voltage value) {
        v0 = value.si() * 1e3;
        return this;
    }

    @Override
    public String name() {
        return "Izhikevich";
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Izhikevich(%s: a=%s, b=%s, c=%s mV, d=%s)", preset, a, b, c, d);
    }

    @Override
    public NeuronDynamics instantiate(int size, double dt, SplittableRandom rng) {
        return new State(this, size, dt);
    }

    private static final class State implements NeuronDynamics {
        private static final double PEAK_MV = 30;
        private final double[] vMilli;
        private final double[] u;
        private final double[] v;
        private final double a;
        private final double b;
        private final double c;
        private final double d;
        private final double dtMs;
        private final double mvPerMsPerAmpere;

        State(Izhikevich p, int size, double dt) {
            a = p.a;
            b = p.b;
            c = p.c;
            d = p.d;
            dtMs = dt * 1e3;
            mvPerMsPerAmpere = 1 / p.capacitance; // A/F = V/s = mV/ms
            vMilli = new double[size];
            u = new double[size];
            v = new double[size];
            Arrays.fill(vMilli, p.v0);
            Arrays.fill(u, p.b * p.v0);
            Arrays.fill(v, p.v0 * 1e-3);
        }

        @Override
        public int size() {
            return vMilli.length;
        }

        @Override
        public void integrate(long step, double[] current) {
            for (int i = 0; i < vMilli.length; i++) {
                double vm = vMilli[i];
                double ui = u[i];
                double drive = 140.0 + current[i] * mvPerMsPerAmpere;
                // the association order of Brian2's generated code, so results agree to the last bit
                double dv = (drive + (0.04 * (vm * vm) + 5.0 * vm)) - ui;
                double du = a * (b * vm - ui);
                vMilli[i] = vm + dtMs * dv;
                u[i] = ui + dtMs * du;
                v[i] = vMilli[i] * 1e-3;
            }
        }

        @Override
        public int threshold(long step, int[] spikes) {
            int count = 0;
            for (int i = 0; i < vMilli.length; i++) {
                if (vMilli[i] >= PEAK_MV) {
                    spikes[count++] = i;
                }
            }
            return count;
        }

        @Override
        public void addVoltage(int neuron, double dv) {
            vMilli[neuron] += dv * 1e3;
            v[neuron] = vMilli[neuron] * 1e-3;
        }

        @Override
        public void reset(long step, int[] spikes, int count) {
            for (int k = 0; k < count; k++) {
                int i = spikes[k];
                vMilli[i] = c;
                u[i] += d;
                v[i] = c * 1e-3;
            }
        }

        @Override
        public void exchangeState(StateExchange state) {
            // v in volts is derived from the millivolt state the equations use; save that, so a load is exact
            state.doubles("vMilli", vMilli);
            state.doubles("u", u);
            state.doubles("v", v);
        }

        @Override
        public String[] variables() {
            return new String[] {"v", "u"};
        }

        @Override
        public double[] variable(String name) {
            return switch (name) {
                case "v" -> v;
                case "u" -> u;
                default -> throw new IllegalArgumentException("Izhikevich has no variable '" + name
                        + "'; it has: v (volts), u (the paper's recovery variable, mV/ms)");
            };
        }
    }
}
