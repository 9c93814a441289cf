package org.neuromorph.dsl;

import org.neuromorph.input.CurrentInjection;
import org.neuromorph.network.Connectivity;
import org.neuromorph.network.Network;
import org.neuromorph.neuron.AdEx;
import org.neuromorph.neuron.Izhikevich;
import org.neuromorph.neuron.Lif;
import org.neuromorph.neuron.McCullochPitts;
import org.neuromorph.units.Current;
import org.neuromorph.units.Time;
import org.neuromorph.units.Units;

/**
 * The facade a Java cell imports with {@code import static org.neuromorph.dsl.Neuro.*;} (the kernel does this
 * at start-up). It re-exports every unit factory of {@link Units} ({@code ms(20)}, {@code mV(-65)}, ...) and adds
 * the words of an experiment: networks, neuron models, connectivity and stimuli.
 *
 * <pre>{@code
 * var net = network().dt(ms(0.1)).seed(42);
 * var in  = net.poisson("in", 100, Hz(20));
 * var exc = net.group("exc", 10, lif().tauM(ms(20)).vThreshold(mV(-50)).vReset(mV(-65)).refractory(ms(2)));
 * net.connect(in, exc, allToAll()).weight(mV(0.5));
 * var spikes = net.monitorSpikes(exc);
 * net.run(s(1));
 * }</pre>
 */
public final class Neuro extends Units {
    private Neuro() {
    }

    /** A new network: dt 0.1 ms and seed 1 unless set. */
    public static Network network() {
        return new Network();
    }

    /** A leaky integrate-and-fire model (defaults: tauM 20 ms, vRest -70 mV, vThreshold -50 mV, ...). */
    public static Lif lif() {
        return new Lif();
    }

    /**
     * An Izhikevich (2003) neuron from its published presets: "RS", "IB", "CH", "FS", "LTS", "TC", "RZ"
     * (or the long names, e.g. "regular spiking"). Input current enters as I/C with C = 1 pF: 10 pA is the
     * paper's I = 10.
     */
    public static Izhikevich izhikevich(String preset) {
        return Izhikevich.preset(preset);
    }

    /** An Izhikevich neuron with the paper's parameters a, b, c (mV), d. */
    /**
     * An adaptive exponential integrate-and-fire model with Brette &amp; Gerstner's (2005) parameters, e.g.
     * {@code adex().a(nS(4)).b(nA(0.0805)).tauW(ms(144))}; conductance synapses with {@code .synapse("e", ms(5), mV(0))}.
     */
    public static AdEx adex() {
        return new AdEx();
    }

    /**
     * A McCulloch-Pitts threshold unit: fires at the next step when the weighted sum of this step's input spikes
     * is at least {@code threshold}; connect to it with plain-number weights, {@code .weight(1.0)}.
     */
    public static McCullochPitts mcCullochPitts(double threshold) {
        return new McCullochPitts(threshold);
    }

    public static Izhikevich izhikevich(double a, double b, double c, double d) {
        return new Izhikevich(a, b, c, d);
    }

    /** Explicit connections: pre[k] connects to post[k]. */
    public static Connectivity pairs(int[] pre, int[] post) {
        return Connectivity.pairs(pre, post);
    }

    /** Connections given as a boolean matrix [pre][post]. */
    public static Connectivity matrix(boolean[][] connected) {
        return Connectivity.matrix(connected);
    }

    public static Connectivity allToAll() {
        return Connectivity.allToAll();
    }

    public static Connectivity oneToOne() {
        return Connectivity.oneToOne();
    }

    /** Each pre/post pair connected with probability p, seeded by the network. */
    public static Connectivity fixedProbability(double p) {
        return Connectivity.fixedProbability(p);
    }

    /** A constant injected current. */
    public static CurrentInjection constantCurrent(Current amplitude) {
        return CurrentInjection.constant(amplitude);
    }

    /** A current of the given amplitude on [start, stop). */
    public static CurrentInjection stepCurrent(Current amplitude, Time start, Time stop) {
        return CurrentInjection.step(amplitude, start, stop);
    }

    /** An arbitrary current trace: {@code amperes[k]} holds for the k-th interval. */
    public static CurrentInjection currentTrace(double[] amperes, Time interval) {
        return CurrentInjection.trace(amperes, interval);
    }
}
