package org.neuromorph.network;

import static org.neuromorph.units.Units.mV;
import static org.neuromorph.units.Units.ms;

import org.neuromorph.neuron.Lif;

/** Published benchmark networks, built as their papers specify, for comparisons with other simulators. */
public final class ReferenceNetworks {
    private ReferenceNetworks() {
    }

    /**
     * The CUBA network (Vogels & Abbott 2005, J Neurosci 25:10786; benchmark 2 of Brette et al. 2007,
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
}
