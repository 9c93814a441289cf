package org.neuromorph.network;

import static org.neuromorph.units.Units.Hz;
import static org.neuromorph.units.Units.mV;
import static org.neuromorph.units.Units.ms;
import static org.neuromorph.units.Units.nS;

import org.neuromorph.neuron.Lif;
import org.neuromorph.plasticity.PairStdp;
import org.neuromorph.plasticity.Plasticity;

/** Published benchmark networks, built as their papers specify, for comparisons with other simulators. */
public final class ReferenceNetworks {
    private ReferenceNetworks() {
    }

    /**
     * The CUBA network (Vogels &amp; Abbott 2005, J Neurosci 25:10786; benchmark 2 of Brette et al. 2007,
     * J Comput Neurosci 23:349): n LIF neurons (80 % excitatory), tau_m 20 ms, V_rest (E_l) -49 mV, threshold
     * -50 mV, reset -60 mV, refractory 5 ms, V(0) uniform in [-60, -50) mV; exponential current synapses
     * tau_e 5 ms, tau_i 10 ms, weights 1.62 mV and -9 mV; each pair connected with probability 80/n (p = 0.02 at
     * n = 4000, the original; the same mean number of inputs at other sizes); dt 0.1 ms. The group is named "P".
     */
    public static Network cuba(int n, long seed) {
        if (n < 5) {
            throw new IllegalArgumentException("CUBA needs at least 5 neurons, got " + n);
        }
        int excitatory = Math.round(0.8f * n);
        double p = Math.min(1, 80.0 / n);
        Network net = new Network().dt(ms(0.1)).seed(seed);
        Lif model = new Lif().tauM(ms(20)).vRest(mV(-49)).vReset(mV(-60)).vThreshold(mV(-50)).refractory(ms(5))
                .v0Uniform(mV(-60), mV(-50)).synapse("e", ms(5)).synapse("i", ms(10));
        NeuronGroup group = net.group("P", n, model);
        net.connect(group, group, Connectivity.fixedProbability(p).fromPre(0, excitatory))
                .onto("e").weight(mV(60 * 0.27 / 10));
        net.connect(group, group, Connectivity.fixedProbability(p).fromPre(excitatory, n))
                .onto("i").weight(mV(-20 * 4.5 / 10));
        return net;
    }

    /** The largest weight of {@link #songMillerAbbott}: 0.01 of the leak conductance (10 nS at R = 100 MΩ). */
    public static final double SONG_GMAX = 0.1e-9;

    /**
     * Song, Miller &amp; Abbott 2000 (Nat Neurosci 3:919), as in Brian2's example gallery: {@code inputs} Poisson
     * inputs at 15 Hz onto one conductance-based LIF (tau_m 10 ms, E_l -74 mV, threshold -54 mV, reset -60 mV,
     * E_e 0 mV, tau_e 5 ms, starting at the reset potential) through all-to-all additive STDP (tau 20 ms both
     * ways, A+ = 0.01 g_max, A- = 1.05 A+, hard bounds [0, g_max]), initial weights uniform in [0, g_max).
     * Populations "inputs" and "neuron"; the plastic projection is the network's only one.
     */
    public static Network songMillerAbbott(int inputs, long seed) {
        double aPlus = 0.01 * SONG_GMAX;
        return songMillerAbbott(inputs, seed, new PairStdp().amplitudes(aPlus, 1.05 * aPlus)
                .timeConstants(ms(20), ms(20)).additive().bounds(0, SONG_GMAX));
    }

    /** The same network with another learning rule on its plastic projection (to compare rules on one task). */
    public static Network songMillerAbbott(int inputs, long seed, Plasticity rule) {
        Network net = new Network().dt(ms(0.1)).seed(seed);
        var sources = net.poisson("inputs", inputs, Hz(15));
        Lif model = new Lif().tauM(ms(10)).vRest(mV(-74)).vThreshold(mV(-54)).vReset(mV(-60)).refractory(ms(0))
                .v0Uniform(mV(-60), mV(-60)).conductance("e", ms(5), mV(0));
        NeuronGroup neuron = net.group("neuron", 1, model);
        net.connect(sources, neuron, Connectivity.allToAll()).onto("e").weightsUniform(nS(0), nS(0.1))
                .plasticity(rule);
        return net;
    }
}
