package org.neuromorph.neuron;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.SplittableRandom;
import org.neuromorph.units.Resistance;
import org.neuromorph.units.Time;
import org.neuromorph.units.Voltage;

/**
 * Leaky integrate-and-fire neuron, integrated exactly for input that is constant over a step:
 * <pre>  tau_m dV/dt = -(V - V_rest) + R I(t),   V &gt; V_th  -&gt;  spike, V = V_reset, refractory for t_ref</pre>
 * Step rule: {@code V <- V_inf + (V - V_inf) exp(-dt/tau_m)}, {@code V_inf = V_rest + R I}.
 * Conventions follow Brian2 so spike times agree step for step: the threshold is strict, a spike is recorded at
 * the start of the step in which V crossed, and V is not integrated for {@code round(t_ref/dt)} steps counted
 * from the spike step (synaptic jumps still apply while refractory).
 * Defaults: tau_m 20 ms, V_rest -70 mV, V_reset -70 mV, V_th -50 mV, t_ref 2 ms, R 100 MΩ, V(0) = V_rest.
 * <p>
 * Exponential current synapses: {@link #synapse(String, Time)} adds a channel g (volts: the synaptic drive R·I_syn)
 * with {@code tau_s dg/dt = -g}, entering as {@code tau_m dV/dt = -(V - V_rest) + R I + g}. The step is exact for
 * the linear system: {@code V <- V_inf + (V - V_inf) e^(-dt/tau_m) + g tau_s/(tau_s - tau_m) (e^(-dt/tau_s) -
 * e^(-dt/tau_m))}, then {@code g <- g e^(-dt/tau_s)} (g decays while the neuron is refractory, as in Brian2).
 * <p>
 * A current channel is held scaled: {@code g = s·a}, with one factor {@code a} for the whole channel that decays
 * by {@code e^(-dt/tau_s)} each step, so a step reads {@code s} but never writes it (a third less memory traffic
 * than a pass that writes g back; a jump adds {@code w/a} to s). When {@code a} falls below 2^-256 the channel's
 * values take it in ({@code s <- s·a, a <- 1}): at steps fixed by the step count, and when the live array is asked
 * for ({@code variable("e")}). The values are the same exact decay as multiplying g each step, rounded differently
 * (to within a few units in the last place).
 * <p>
 * This class is the model as a researcher reads it: parameters, equations, the analytic rate. A group's state and
 * its fast step are {@code LifGroup}; the step in SIMD lanes is {@code LifLanes}. The fields are package-private
 * for {@code LifGroup}, which reads them once when a group is made.
 */
public final class Lif implements NeuronModel {
    double tauM = 20e-3;
    double vRest = -70e-3;
    double vReset = -70e-3;
    double vThreshold = -50e-3;
    double refractory = 2e-3;
    double resistance = 100e6;
    double v0Low = Double.NaN;
    double v0High = Double.NaN;
    final List<String> synapseNames = new ArrayList<>();
    final List<Double> synapseTaus = new ArrayList<>();
    final List<String> conductanceNames = new ArrayList<>();
    final List<double[]> conductanceParams = new ArrayList<>(); // {tau, reversal}

    /** V(0)'s range, [low, high) (equal for one value), or null when V starts at V_rest. */
    public double[] v0Range() {
        return Double.isNaN(v0Low) ? null : new double[] {v0Low, v0High};
    }

    /** The current synapse channels by name, with their time constants in seconds, in the order added. */
    public Map<String, Double> synapses() {
        Map<String, Double> taus = new LinkedHashMap<>();
        for (int k = 0; k < synapseNames.size(); k++) {
            taus.put(synapseNames.get(k), synapseTaus.get(k));
        }
        return taus;
    }

    /** The conductance synapse channels by name. */
    public List<String> conductances() {
        return List.copyOf(conductanceNames);
    }

    /** The conductance synapses by name: {τ, E} in SI units, in the order added. */
    public Map<String, double[]> conductanceSynapses() {
        return ConductanceSynapses.byName(conductanceNames, conductanceParams);
    }

    /** Adds an exponential current synapse channel with time constant tau, e.g. {@code synapse("e", ms(5))}. */
    public Lif synapse(String name, Time tau) {
        if (synapseNames.contains(name) || name.equals("v")) {
            throw new IllegalArgumentException("LIF already has a variable named '" + name + "'");
        }
        synapseNames.add(name);
        synapseTaus.add(Parameters.positive(tau.si(), "synapse " + name + " tau", tau));
        return this;
    }

    /**
     * Adds an exponential conductance synapse with reversal potential, e.g. {@code conductance("e", ms(5), mV(0))};
     * projections deliver onto it in siemens ({@code onto("e").weight(nS(1))}). With conductance g the membrane
     * obeys {@code tau_m dV/dt = -(V - V_rest) + R I + R g (E - V)}, integrated exactly with g held over the step
     * (Brian2's exponential Euler); g then decays exactly.
     */
    public Lif conductance(String name, Time tau, Voltage reversal) {
        if (synapseNames.contains(name) || conductanceNames.contains(name) || name.equals("v")) {
            throw new IllegalArgumentException("LIF already has a variable named '" + name + "'");
        }
        conductanceNames.add(name);
        conductanceParams.add(new double[] {Parameters.positive(tau.si(), "synapse " + name + " tau", tau),
                reversal.si()});
        return this;
    }

    /** Membrane time constant tau_m, e.g. {@code ms(20)} (default 20 ms); must be positive. */
    public Lif tauM(Time value) {
        tauM = Parameters.positive(value.si(), "tauM", value);
        return this;
    }

    /** Resting (leak reversal) potential V_rest, e.g. {@code mV(-70)} (default -70 mV). */
    public Lif vRest(Voltage value) {
        vRest = value.si();
        return this;
    }

    /** Potential V_reset the membrane is set to after a spike, e.g. {@code mV(-70)} (default -70 mV). */
    public Lif vReset(Voltage value) {
        vReset = value.si();
        return this;
    }

    /** Firing threshold V_th, crossed strictly, e.g. {@code mV(-50)} (default -50 mV). */
    public Lif vThreshold(Voltage value) {
        vThreshold = value.si();
        return this;
    }

    /** Absolute refractory period t_ref after a spike, e.g. {@code ms(2)} (default 2 ms); 0 for none. */
    public Lif refractory(Time value) {
        refractory = Parameters.nonNegative(value.si(), "refractory", value);
        return this;
    }

    /** Membrane resistance R, which turns an input current into a drive R·I. */
    public Lif resistance(Resistance value) {
        resistance = Parameters.positive(value.si(), "resistance", value);
        return this;
    }

    /** Initial membrane potential of every neuron (default V_rest). */
    public Lif v0(Voltage value) {
        v0Low = value.si();
        v0High = value.si();
        return this;
    }

    /** Initial membrane potentials drawn uniformly from [low, high), seeded by the network. */
    public Lif v0Uniform(Voltage low, Voltage high) {
        if (high.si() < low.si()) {
            throw new IllegalArgumentException("v0Uniform needs low ≤ high, got " + low + " and " + high);
        }
        v0Low = low.si();
        v0High = high.si();
        return this;
    }

    @Override
    public String name() {
        return "LIF";
    }

    /** tau_m in seconds. */
    public double tauM() {
        return tauM;
    }

    /** V_rest in volts. */
    public double vRest() {
        return vRest;
    }

    /** V_reset in volts. */
    public double vReset() {
        return vReset;
    }

    /** V_th in volts. */
    public double vThreshold() {
        return vThreshold;
    }

    /** t_ref in seconds. */
    public double refractory() {
        return refractory;
    }

    /** R in ohms. */
    public double resistance() {
        return resistance;
    }

    /**
     * The continuous-time firing rate (Hz) under a constant current (A), from the closed form
     * {@code 1 / (t_ref + tau_m ln((R I + V_rest - V_reset) / (R I + V_rest - V_th)))}; 0 below rheobase.
     */
    public double analyticRate(double current) {
        double drive = resistance * current;
        double denominator = drive + vRest - vThreshold;
        if (denominator <= 0) {
            return 0;
        }
        return 1 / (refractory + tauM * Math.log((drive + vRest - vReset) / denominator));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "LIF(tauM=%s, vRest=%s, vReset=%s, vThreshold=%s, refractory=%s, R=%s%s%s)",
                new Time(tauM), new Voltage(vRest), new Voltage(vReset),
                new Voltage(vThreshold), new Time(refractory), new Resistance(resistance),
                synapseNames.isEmpty() ? "" : ", synapses " + synapseNames,
                conductanceNames.isEmpty() ? "" : ", conductances " + conductanceNames);
    }

    @Override
    public NeuronDynamics instantiate(int size, double dt, SplittableRandom rng) {
        return new LifGroup(this, size, dt, rng);
    }
}
