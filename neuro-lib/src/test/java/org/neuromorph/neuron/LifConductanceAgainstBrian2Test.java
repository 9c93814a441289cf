package org.neuromorph.neuron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.neuromorph.units.Units.mV;
import static org.neuromorph.units.Units.ms;
import static org.neuromorph.units.Units.nA;
import static org.neuromorph.units.Units.nS;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.neuromorph.monitor.SpikeMonitor;
import org.neuromorph.monitor.StateMonitor;
import org.neuromorph.network.Connectivity;
import org.neuromorph.network.CurrentInjection;
import org.neuromorph.network.Network;
import org.neuromorph.network.NeuronGroup;
import org.neuromorph.units.Time;

/**
 * LIF with an excitatory (E 0 mV, 5 ms) and an inhibitory (E −80 mV, 10 ms) conductance synapse, a bias current and
 * given input spikes, against Brian2 2.5.1's exponential Euler (reference/brian2/lif_conductance.json, made by
 * lif_conductance.py beside it). The step is the same closed form, so spikes fall on the same steps and the
 * membrane potential agrees to rounding (1 nV allowed).
 */
class LifConductanceAgainstBrian2Test {

    private static Time[] times(JsonNode ms) {
        Time[] t = new Time[ms.size()];
        for (int k = 0; k < t.length; k++) {
            t[k] = ms(ms.get(k).asDouble());
        }
        return t;
    }

    @Test
    void spikesAndVoltageMatchBrian2() throws Exception {
        JsonNode ref = Brian2Reference.cases("lif_conductance.json", c -> true, 1).get(0);
        JsonNode params = Brian2Reference.params("lif_conductance.json");
        Network net = new Network().dt(ms(0.1));
        var exc = net.spikeTimes("exc", 1, new int[params.path("exc_times_ms").size()], times(params.path("exc_times_ms")));
        var inh = net.spikeTimes("inh", 1, new int[params.path("inh_times_ms").size()], times(params.path("inh_times_ms")));
        NeuronGroup cell = net.group("cell", 1, new Lif().refractory(ms(2))
                .conductance("e", ms(5), mV(0)).conductance("i", ms(10), mV(-80)));
        cell.inject(CurrentInjection.constant(nA(0.15)));
        net.connect(exc, cell, Connectivity.allToAll()).onto("e").weight(nS(params.path("w_exc_nS").asDouble()));
        net.connect(inh, cell, Connectivity.allToAll()).onto("i").weight(nS(params.path("w_inh_nS").asDouble()));
        SpikeMonitor spikes = net.monitorSpikes(cell);
        StateMonitor v = net.monitorState(cell, "v", 0);
        net.run(ms(100));

        JsonNode expected = ref.path("spike_times_s");
        assertEquals(expected.size(), spikes.count(), "spike count");
        for (int k = 0; k < expected.size(); k++) {
            assertEquals(expected.get(k).asDouble(), spikes.times()[k], 0.1e-3 * 1.001, "spike " + k);
        }
        double[] trace = v.trace(0);
        JsonNode sampled = ref.path("v_every_1ms_V");
        for (int k = 0; k < sampled.size(); k++) {
            assertEquals(sampled.get(k).asDouble(), trace[k * 10], 1e-9, "v at " + k + " ms");
        }
    }
}
