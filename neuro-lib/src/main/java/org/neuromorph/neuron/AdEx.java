package org.neuromorph.neuron;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.neuromorph.state.StateExchange;
import org.neuromorph.units.Capacitance;
import org.neuromorph.units.Conductance;
import org.neuromorph.units.Current;
import org.neuromorph.units.Time;
import org.neuromorph.units.Voltage;

/**
 * Adaptive exponential integrate-and-fire neuron (Brette &amp; Gerstner 2005, J Neurophysiol 94:3637):
 * <pre>  C dV/dt = −g_L (V − E_L) + g_L Δ_T exp((V − V_T)/Δ_T) − w + I + Σ_k g_k (E_k − V)
 *   τ_w dw/dt = a (V − E_L) − w,     V &gt; V_peak  →  V = V_r,  w = w + b</pre>
 * Defaults are the paper's: C 281 pF, g_L 30 nS, E_L −70.6 mV, V_T −50.4 mV, Δ_T 2 mV, τ_w 144 ms, a 4 nS,
 * b 0.0805 nA, V_r = E_L. V_peak defaults to 0 mV (NEST's default; the paper's value was not verified here);
 * because V diverges once past V_T, spike times hardly depend on it. Integration is forward Euler on V and w
 * together (Brian2's 'euler', spike recorded at the start of the step whose update crossed), so results agree
 * with Brian2 step for step. An optional refractory period clamps V at V_r.
 * <p>
 * Conductance synapses: {@link #synapse(String, Time, Voltage)} adds a channel g_k (siemens) with reversal
 * potential E_k that decays exactly, g ← g e^(−dt/τ), and drives {@code g_k (E_k − V)}; projections deliver
 * onto it with weights in siemens ({@code weight(nS(1))}).
 */
public final class AdEx implements NeuronModel {
    private double c = 281e-12;
    private double gL = 30e-9;
    private double eL = -70.6e-3;
    private double vT = -50.4e-3;
    private double deltaT = 2e-3;
    private double tauW = 144e-3;
    private double a = 4e-9;
    private double b = 0.0805e-9;
    private Double vReset;
    private double vPeak = 0;
    private double refractory;
    private final List<String> synapseNames = new ArrayList<>();
    private final List<double[]> synapseParams = new ArrayList<>(); // {tau, reversal}

    /** Membrane capacitance C (default 281 pF). */
    public AdEx capacitance(Capacitance value) {
        c = Parameters.positive(value.si(), "capacitance", value);
        return this;
    }

    /** Leak conductance g_L (default 30 nS). */
    public AdEx gL(Conductance value) {
        gL = Parameters.positive(value.si(), "gL", value);
        return this;
    }

    /** Leak reversal (resting) potential E_L (default −70.6 mV). */
    public AdEx eL(Voltage value) {
        eL = value.si();
        return this;
    }

    /** Threshold of the exponential term V_T (default −50.4 mV). */
    public AdEx vT(Voltage value) {
        vT = value.si();
        return this;
    }

    /** Slope factor Δ_T (default 2 mV); sharper spike onset as it goes to 0. */
    public AdEx deltaT(Voltage value) {
        deltaT = Parameters.positive(value.si(), "deltaT", value);
        return this;
    }

    /** Adaptation time constant τ_w (default 144 ms). */
    public AdEx tauW(Time value) {
        tauW = Parameters.positive(value.si(), "tauW", value);
        return this;
    }

    /** Subthreshold adaptation a (default 4 nS). */
    public AdEx a(Conductance value) {
        a = value.si();
        return this;
    }

    /** Spike-triggered adaptation b added to w at each spike (default 0.0805 nA). */
    public AdEx b(Current value) {
        b = value.si();
        return this;
    }

    /** Reset potential V_r (default E_L). */
    public AdEx vReset(Voltage value) {
        vReset = value.si();
        return this;
    }

    /** Spike detection potential V_peak (default 0 mV). */
    public AdEx vPeak(Voltage value) {
        vPeak = value.si();
        return this;
    }

    /** Refractory period during which V stays at V_r (default 0). */
    public AdEx refractory(Time value) {
        refractory = Parameters.nonNegative(value.si(), "refractory", value);
        return this;
    }

    /** Adds an exponential conductance synapse, e.g. {@code synapse("e", ms(5), mV(0))}; weights in siemens. */
    public AdEx synapse(String name, Time tau, Voltage reversal) {
        if (synapseNames.contains(name) || name.equals("v") || name.equals("w")) {
            throw new IllegalArgumentException("AdEx already has a variable named '" + name + "'");
        }
        synapseNames.add(name);
        synapseParams.add(new double[] {Parameters.positive(tau.si(), "synapse " + name + " tau", tau), reversal.si()});
        return this;
    }

    @Override
    public String name() {
        return "AdEx";
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "AdEx(C=%.4g pF, gL=%.4g nS, EL=%.4g mV, VT=%.4g mV, ΔT=%.4g mV, "
                        + "τw=%.4g ms, a=%.4g nS, b=%.4g nA, Vr=%.4g mV, Vpeak=%.4g mV%s)",
                c * 1e12, gL * 1e9, eL * 1e3, vT * 1e3, deltaT * 1e3, tauW * 1e3, a * 1e9, b * 1e9,
                resetPotential() * 1e3, vPeak * 1e3, synapseNames.isEmpty() ? "" : ", synapses " + synapseNames);
    }

    /** The model's parameters in SI units, for what writes it elsewhere (an export). */
    public record Values(double c, double gL, double eL, double vT, double deltaT, double tauW, double a,
            double b, double vReset, double vPeak, double refractory) {
    }

    public Values values() {
        return new Values(c, gL, eL, vT, deltaT, tauW, a, b, resetPotential(), vPeak, refractory);
    }

    /** The conductance synapses by name: {τ, E} in SI units, in the order added. */
    public Map<String, double[]> synapses() {
        return ConductanceSynapses.byName(synapseNames, synapseParams);
    }

    private double resetPotential() {
        return vReset != null ? vReset : eL;
    }

    @Override
    public NeuronDynamics instantiate(int size, double dt, SplittableRandom rng) {
        return new State(this, size, dt);
    }

    private static final class State implements NeuronDynamics {
        private final double[] v;
        private final double[] w;
        private final long[] lastSpike;
        private final double[][] g;
        private final String[] channelNames;
        private final double[] channelDecay;
        private final double[] channelReversal;
        private final double dtOverC;
        private final double dtOverTauW;
        private final double gL;
        private final double eL;
        private final double vT;
        private final double deltaT;
        private final double a;
        private final double b;
        private final double vReset;
        private final double vPeak;
        private final int refractorySteps;

        State(AdEx p, int size, double dt) {
            dtOverC = dt / p.c;
            dtOverTauW = dt / p.tauW;
            gL = p.gL;
            eL = p.eL;
            vT = p.vT;
            deltaT = p.deltaT;
            a = p.a;
            b = p.b;
            vReset = p.resetPotential();
            vPeak = p.vPeak;
            refractorySteps = (int) Math.round(p.refractory / dt);
            v = new double[size];
            w = new double[size];
            lastSpike = new long[size];
            Arrays.fill(v, p.eL);
            Arrays.fill(lastSpike, Long.MIN_VALUE / 2);
            int channels = p.synapseNames.size();
            channelNames = p.synapseNames.toArray(new String[0]);
            g = new double[channels][size];
            channelDecay = new double[channels];
            channelReversal = new double[channels];
            for (int k = 0; k < channels; k++) {
                channelDecay[k] = Math.exp(-dt / p.synapseParams.get(k)[0]);
                channelReversal[k] = p.synapseParams.get(k)[1];
            }
        }

        @Override
        public int size() {
            return v.length;
        }

        @Override
        public void integrate(long step, double[] current) {
            for (int i = 0; i < v.length; i++) {
                double vi = v[i];
                double wi = w[i];
                double synaptic = 0;
                for (int k = 0; k < g.length; k++) {
                    synaptic += g[k][i] * (channelReversal[k] - vi);
                }
                if (step - lastSpike[i] < refractorySteps) {
                    v[i] = vReset;
                } else {
                    double dv = gL * (eL - vi) + gL * deltaT * Math.exp((vi - vT) / deltaT) - wi + current[i] + synaptic;
                    v[i] = vi + dtOverC * dv;
                }
                w[i] = wi + dtOverTauW * (a * (vi - eL) - wi);
            }
            for (int k = 0; k < g.length; k++) {
                double[] gk = g[k];
                double decay = channelDecay[k];
                for (int i = 0; i < gk.length; i++) {
                    gk[i] *= decay;
                }
            }
        }

        @Override
        public int threshold(long step, int[] spikes) {
            int count = 0;
            for (int i = 0; i < v.length; i++) {
                if (v[i] > vPeak && step - lastSpike[i] >= refractorySteps) {
                    spikes[count++] = i;
                }
            }
            return count;
        }

        @Override
        public void addVoltage(int neuron, double dv) {
            v[neuron] += dv;
        }

        @Override
        public int channel(String name) {
            return Parameters.channelIndex(channelNames, name, "AdEx", "adex().synapse(\"" + name
                    + "\", ms(5), mV(0))");
        }

        @Override
        public String channelUnit(int channel) {
            return "S";
        }

        @Override
        public void addToChannel(int channel, int neuron, double amount) {
            g[channel][neuron] += amount;
        }

        @Override
        public void reset(long step, int[] spikes, int count) {
            for (int k = 0; k < count; k++) {
                int i = spikes[k];
                v[i] = vReset;
                w[i] += b;
                lastSpike[i] = step;
            }
        }

        @Override
        public void exchangeState(StateExchange state) {
            NeuronDynamics.super.exchangeState(state);
            state.longs("lastSpike", lastSpike);
        }

        @Override
        public String[] variables() {
            String[] names = Arrays.copyOf(new String[] {"v", "w"}, 2 + channelNames.length);
            System.arraycopy(channelNames, 0, names, 2, channelNames.length);
            return names;
        }

        @Override
        public double[] variable(String name) {
            switch (name) {
                case "v":
                    return v;
                case "w":
                    return w;
                default:
                    for (int k = 0; k < channelNames.length; k++) {
                        if (channelNames[k].equals(name)) {
                            return g[k];
                        }
                    }
                    throw new IllegalArgumentException("AdEx has no variable '" + name + "'; it has: "
                            + String.join(", ", variables()) + " (v in volts, w in amperes, synapses in siemens)");
            }
        }
    }
}
