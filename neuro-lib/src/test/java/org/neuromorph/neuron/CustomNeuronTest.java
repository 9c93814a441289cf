package org.neuromorph.neuron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuromorph.units.Units.Hz;
import static org.neuromorph.units.Units.mV;
import static org.neuromorph.units.Units.ms;
import static org.neuromorph.units.Units.pA;
import static org.neuromorph.units.Units.s;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neuromorph.monitor.SpikeMonitor;
import org.neuromorph.network.Connectivity;
import org.neuromorph.network.CurrentInjection;
import org.neuromorph.network.Network;
import org.neuromorph.network.NeuronGroup;

/** Neuron models written in a cell against the built-in ones, and the integrators against exact solutions. */
class CustomNeuronTest {
    static CustomNeuron lif(CustomNeuron.Method method) {
        return new CustomNeuron("LIF, written in a cell")
                .variable("v", -70e-3)
                .derivative("v", n -> (-70e-3 - n.get("v") + 100e6 * n.input()) / 10e-3)
                .threshold(n -> n.get("v") > -50e-3)
                .reset(n -> n.set("v", -60e-3))
                .refractory(ms(2))
                .method(method);
    }

    /** 200 LIF neurons driven by 400 Poisson inputs through delta synapses, plus a constant current: spike times. */
    private static double[][] spikes(NeuronModel model, double seconds) {
        Network net = new Network().dt(ms(0.1)).seed(11);
        var in = net.poisson("in", 400, Hz(10));
        NeuronGroup g = net.group("g", 200, model);
        g.inject(CurrentInjection.constant(pA(150)));
        net.connect(in, g, Connectivity.fixedProbability(0.1)).weightsUniform(mV(0), mV(1.5));
        SpikeMonitor m = net.monitorSpikes(g);
        net.run(s(seconds));
        return new double[][] {m.times(), java.util.Arrays.stream(m.indices()).asDoubleStream().toArray()};
    }

    @Test
    void aLifWrittenInACellSpikesWhenTheBuiltInDoes() {
        Lif builtIn = new Lif().tauM(ms(10)).vRest(mV(-70)).vThreshold(mV(-50)).vReset(mV(-60)).refractory(ms(2))
                .resistance(org.neuromorph.units.Units.Mohm(100)).v0Uniform(mV(-70), mV(-70));
        double[][] expected = spikes(builtIn, 1);
        double[][] actual = spikes(lif(CustomNeuron.Method.EXPONENTIAL_EULER), 1);
        assertTrue(expected[0].length > 1000, "the network is active: " + expected[0].length + " spikes");
        assertArrayEquals(expected[0], actual[0], 1e-12);
        assertArrayEquals(expected[1], actual[1], 0);
    }

    static CustomNeuron izhikevich(double a, double b, double c, double d) {
        return new CustomNeuron("Izhikevich, written in a cell")
                .variable("v", -65).variable("u", b * -65)
                // association as in Brian2's generated code (and the built-in); the model is chaotic enough that
                // another order of the same sum moves a spike by a step after ~50 spikes
                .derivative("v", n -> (140 + n.input() * (1 / 1e-12) + (0.04 * (n.get("v") * n.get("v"))
                        + 5 * n.get("v"))) - n.get("u"))
                .derivative("u", n -> a * (b * n.get("v") - n.get("u")))
                .threshold(n -> n.get("v") >= 30)
                .reset(n -> {
                    n.set("v", c);
                    n.add("u", d);
                })
                .timeUnit(ms(1)).jumpsOnto("v", 1e3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS", "IB", "CH", "FS", "LTS"})
    void anIzhikevichWrittenInACellSpikesWhenTheBuiltInDoes(String preset) {
        double[][] p = {{0.02, 0.2, -65, 8}, {0.02, 0.2, -55, 4}, {0.02, 0.2, -50, 2}, {0.1, 0.2, -65, 2},
            {0.02, 0.25, -65, 2}};
        double[] q = p[java.util.List.of("RS", "IB", "CH", "FS", "LTS").indexOf(preset)];
        double[] expected = izhikevichSpikes(Izhikevich.preset(preset));
        double[] actual = izhikevichSpikes(izhikevich(q[0], q[1], q[2], q[3]));
        assertTrue(expected.length > 5, preset + " spikes: " + expected.length);
        // the same Euler steps in the same floating-point order: the same spikes to the step
        assertArrayEquals(expected, actual, 1e-12, preset);
    }

    private static double[] izhikevichSpikes(NeuronModel model) {
        Network net = new Network().dt(ms(0.1));
        NeuronGroup g = net.group("n", 1, model);
        g.inject(CurrentInjection.constant(pA(10)));
        SpikeMonitor m = net.monitorSpikes(g);
        net.run(ms(1000));
        return m.times();
    }

    @Test
    void theIntegratorsConvergeWithTheirOrderOnAnOscillator() {
        // x'' = −ω² x as two first-order equations; exact x(t) = cos(ω t); the error at 1.025 s (ω t = 10π + π/4,
        // where both phase and amplitude errors show) against the step
        double omega = 2 * Math.PI * 5;
        for (CustomNeuron.Method method : new CustomNeuron.Method[] {CustomNeuron.Method.EULER,
                CustomNeuron.Method.RK2, CustomNeuron.Method.RK4}) {
            double coarse = oscillatorError(method, omega, 0.2);
            double fine = oscillatorError(method, omega, 0.1);
            int order = switch (method) {
                case EULER -> 1;
                case RK2 -> 2;
                default -> 4;
            };
            // halving the step divides the error by 2^order (within 30 %)
            assertEquals(Math.pow(2, order), coarse / fine, 0.3 * Math.pow(2, order), method + ": " + coarse
                    + " then " + fine);
        }
    }

    private static double oscillatorError(CustomNeuron.Method method, double omega, double dtMs) {
        CustomNeuron osc = new CustomNeuron("oscillator").variable("x", 1).variable("y", 0)
                .derivative("x", n -> n.get("y")).derivative("y", n -> -omega * omega * n.get("x")).method(method);
        Network net = new Network().dt(ms(dtMs));
        NeuronGroup g = net.group("o", 1, osc);
        net.run(s(1.025));
        return Math.abs(g.dynamics().variable("x")[0] - Math.cos(omega * 1.025));
    }

    @Test
    void mistakesInAModelAreNamed() {
        CustomNeuron typo = new CustomNeuron("typo model").variable("v", 0).derivative("v", n -> -n.get("vv"));
        var e = assertThrows(IllegalArgumentException.class, () -> izhikevichSpikes(typo));
        assertTrue(e.getMessage().contains("'typo model'") && e.getMessage().contains("'vv'")
                && e.getMessage().contains("t = "), e.getMessage());
        CustomNeuron blowUp = new CustomNeuron("blow-up").variable("v", 1).derivative("v", n -> n.get("v") * 1e308);
        var b = assertThrows(ArithmeticException.class, () -> izhikevichSpikes(blowUp));
        assertTrue(b.getMessage().contains("'blow-up'") && b.getMessage().contains("smaller dt"), b.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CustomNeuron("m").derivative("w", n -> 0));
        assertThrows(IllegalStateException.class, () -> izhikevichSpikes(new CustomNeuron("no reset")
                .variable("v", 0).threshold(n -> true)));
    }
}
