package org.neuromorph.neuron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuromorph.units.Units.mA;
import static org.neuromorph.units.Units.ms;
import static org.neuromorph.units.Units.mV;
import static org.neuromorph.units.Units.ohm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.neuromorph.monitor.SpikeMonitor;
import org.neuromorph.network.CurrentInjection;
import org.neuromorph.network.Network;
import org.neuromorph.network.NeuronGroup;

/**
 * One LIF neuron under constant and step drive, against Brian2 2.5.1 (exact integration, dt 0.1 and 0.01 ms;
 * reference/brian2/lif_exact.json). Both simulators use the same discrete rules, so the spike steps must agree
 * exactly; the mean ISI must also match the analytic continuous-time ISI to within one step (the discretisation
 * delays each crossing by less than dt).
 */
class LifAgainstBrian2Test {

    static Stream<JsonNode> exactCases() throws Exception {
        return Brian2Reference.cases("lif_exact.json", c -> c.path("method").asText().equals("exact"), 16).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exactCases")
    void spikeStepsMatchBrian2(JsonNode c) {
        double dtMs = c.path("dt_ms").asDouble();
        double riMv = c.path("ri_mV").asDouble();
        // R = 1 Ω so a drive of X mV is a current of X mA
        Lif lif = new Lif().tauM(ms(20)).vRest(mV(-70)).vReset(mV(-70)).vThreshold(mV(-50))
                .refractory(ms(2)).resistance(ohm(1));
        Network net = new Network().dt(ms(dtMs));
        NeuronGroup g = net.group("n", 1, lif);
        if (c.path("stimulus").asText().equals("const")) {
            g.inject(CurrentInjection.constant(mA(riMv)));
        } else {
            g.inject(CurrentInjection.step(mA(riMv), ms(100), ms(600)));
        }
        SpikeMonitor spikes = net.monitorSpikes(g);
        net.run(ms(1000));

        assertEquals(c.path("n_spikes").asInt(), spikes.count(), "spike count");
        int[] expected = new int[c.path("spike_steps").size()];
        for (int k = 0; k < expected.length; k++) {
            expected[k] = c.path("spike_steps").get(k).asInt();
        }
        int[] steps = spikes.steps();
        int[] firstSteps = java.util.Arrays.copyOf(steps, Math.min(steps.length, expected.length));
        assertArrayEquals(expected, firstSteps, "spike steps");

        if (c.has("analytic_isi_ms") && steps.length > 1) {
            double meanIsiMs = (steps[steps.length - 1] - steps[0]) * dtMs / (steps.length - 1);
            double analyticIsi = c.path("analytic_isi_ms").asDouble();
            assertTrue(Math.abs(meanIsiMs - analyticIsi) < dtMs,
                    "mean ISI " + meanIsiMs + " ms vs analytic " + analyticIsi + " ms");
            double analyticRate = lif.analyticRate(riMv * 1e-3);
            assertEquals(c.path("analytic_rate_hz").asDouble(), analyticRate, 1e-6, "closed-form rate");
        }
    }
}
