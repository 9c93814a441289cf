package org.neuromorph.plasticity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuromorph.units.Units.Hz;
import static org.neuromorph.units.Units.mV;
import static org.neuromorph.units.Units.ms;
import static org.neuromorph.units.Units.nS;
import static org.neuromorph.units.Units.s;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.neuromorph.device.Devices;
import org.neuromorph.network.Connectivity;
import org.neuromorph.network.Network;
import org.neuromorph.network.NeuronGroup;
import org.neuromorph.network.Projection;
import org.neuromorph.network.ReferenceNetworks;
import org.neuromorph.neuron.Lif;

/** Rules written as a researcher would in a cell: the same weights as the built-ins, and clear errors. */
class CustomRuleTest {
    private static final double GMAX = ReferenceNetworks.SONG_GMAX;
    private static final double A_PLUS = 0.01 * GMAX;
    private static final double A_MINUS = 1.05 * A_PLUS;

    static CustomRule pairStdp(double aPlus, double aMinus) {
        return new CustomRule("pair STDP, written in a cell")
                .preTrace("x", ms(20), 1).postTrace("y", ms(20), 1)
                .onPre(s -> s.w -= aMinus * s.post("y"))
                .onPost(s -> s.w += aPlus * s.pre("x"))
                .bounds(0, GMAX);
    }

    static CustomRule tripletStdp(String name, double a2p, double a3p, double a2m, double a3m, double tauX,
            double tauY, Pairing pairing) {
        return new CustomRule(name)
                .preTrace("r1", ms(16.8), 1, pairing).preTrace("r2", ms(tauX), 1, pairing)
                .postTrace("o1", ms(33.7), 1, pairing).postTrace("o2", ms(tauY), 1, pairing)
                .onPre(s -> s.w -= s.post("o1") * (a2m + a3m * s.pre("r2")))
                .onPost(s -> s.w += s.pre("r1") * (a2p + a3p * s.post("o2")))
                .bounds(0, Double.POSITIVE_INFINITY);
    }

    private static double[] songWeights(Plasticity rule, double seconds) {
        Network net = ReferenceNetworks.songMillerAbbott(1000, 21, rule);
        net.run(s(seconds));
        return net.projections().get(0).weights().clone();
    }

    @Test
    void pairStdpWrittenInACellGivesTheBuiltInWeights() {
        PairStdp builtIn = new PairStdp().amplitudes(A_PLUS, A_MINUS).timeConstants(ms(20), ms(20)).additive()
                .bounds(0, GMAX);
        double[] expected = songWeights(builtIn, 20);
        double[] actual = songWeights(pairStdp(A_PLUS, A_MINUS), 20);
        double[] initial = songWeights(builtIn, 0);
        // the same operations in the same order: identical to the last bit, and learning did happen
        assertArrayEquals(expected, actual, 0);
        assertTrue(Arrays.stream(expected).filter(w -> w == 0 || w == GMAX).count() > 10, "weights hit the bounds");
        assertNotEquals(Arrays.stream(initial).sum(), Arrays.stream(expected).sum());
    }

    /** Triplet STDP on a network whose post neuron fires at ~20 Hz: every trace matters. */
    private static double[] tripletWeights(Plasticity rule) {
        Network net = new Network().dt(ms(0.1)).seed(5);
        var in = net.poisson("in", 200, Hz(20));
        NeuronGroup post = net.group("post", 4, new Lif().tauM(ms(10)).vThreshold(mV(-54)).vRest(mV(-70))
                .vReset(mV(-60)).refractory(ms(2)).conductance("e", ms(5), mV(0)));
        net.connect(in, post, Connectivity.allToAll()).onto("e").weightsUniform(nS(0), nS(0.3)).plasticity(rule);
        net.run(s(3));
        return net.projections().get(0).weights().clone();
    }

    @Test
    void tripletStdpWrittenInACellGivesTheBuiltInWeightsAllToAllAndNearest() {
        // amplitudes scaled to the weights in siemens (the paper's are relative to a weight of 1)
        double scale = 1e-10;
        TripletStdp all = new TripletStdp("built-in", 5e-10 * scale, 6.2e-3 * scale, 7e-3 * scale, 2.3e-4 * scale,
                ms(16.8), ms(33.7), ms(101), ms(125), Pairing.ALL_TO_ALL);
        CustomRule allMine = tripletStdp("triplet, mine", 5e-10 * scale, 6.2e-3 * scale, 7e-3 * scale,
                2.3e-4 * scale, 101, 125, Pairing.ALL_TO_ALL);
        TripletStdp nearest = new TripletStdp("built-in nearest", 8.8e-11 * scale, 5.3e-2 * scale, 6.6e-3 * scale,
                3.1e-3 * scale, ms(16.8), ms(33.7), ms(714), ms(40), Pairing.NEAREST);
        CustomRule nearestMine = tripletStdp("triplet nearest, mine", 8.8e-11 * scale, 5.3e-2 * scale,
                6.6e-3 * scale, 3.1e-3 * scale, 714, 40, Pairing.NEAREST);
        double[] allBuiltIn = tripletWeights(all);
        assertArrayEquals(allBuiltIn, tripletWeights(allMine), 0);
        double[] nearestBuiltIn = tripletWeights(nearest);
        assertArrayEquals(nearestBuiltIn, tripletWeights(nearestMine), 0);
        assertNotEquals(Arrays.stream(allBuiltIn).sum(), Arrays.stream(nearestBuiltIn).sum());
    }

    @Test
    void aCustomRuleOnRramDevicesPulsesExactlyAsTheBuiltInDoes() {
        double[][] states = new double[2][];
        Plasticity[] rules = {new PairStdp().amplitudes(A_PLUS, A_MINUS).timeConstants(ms(20), ms(20)).additive()
                .bounds(0, GMAX), pairStdp(A_PLUS, A_MINUS)};
        for (int r = 0; r < 2; r++) {
            Network net = new Network().dt(ms(0.1)).seed(3);
            var in = net.poisson("inputs", 300, Hz(15));
            NeuronGroup neuron = net.group("neuron", 1, new Lif().tauM(ms(10)).vRest(mV(-74)).vThreshold(mV(-54))
                    .vReset(mV(-60)).refractory(ms(0)).conductance("e", ms(5), mV(0)));
            Projection p = net.connect(in, neuron, Connectivity.allToAll()).onto("e").weightsUniform(nS(0), nS(0.1))
                    .onDevices(Devices.rram(), 1e-6).plasticity(rules[r]);
            net.run(s(3));
            states[r] = p.devices().states().clone();
            assertTrue(p.devices().totalPulses() > 0, "learning went through pulses");
        }
        assertArrayEquals(states[0], states[1], 0);
    }

    @Test
    void rewardModulatedStdpMovesWeightsOnlyWhenTheSignalArrivesAndWithItsSign() {
        double[][] after = new double[2][];
        double[] before = null;
        for (int r = 0; r < 2; r++) {
            CustomRule rstdp = new CustomRule("R-STDP")
                    .preTrace("x", ms(20), 1).postTrace("y", ms(20), 1)
                    .synapseVariable("e", ms(500))
                    .onPre(s -> s.add("e", -A_MINUS * s.post("y")))
                    .onPost(s -> s.add("e", A_PLUS * s.pre("x")))
                    .onModulator(s -> s.w += s.signal() * s.get("e"))
                    .bounds(-1, 1);
            Network net = ReferenceNetworks.songMillerAbbott(1000, 4, rstdp);
            Projection p = net.projections().get(0);
            net.run(s(0));
            double[] initial = p.weights().clone();
            net.run(s(2));
            assertArrayEquals(initial, p.weights(), 0, "no signal, no change");
            before = initial;
            p.modulate(r == 0 ? 1 : -1);
            after[r] = p.weights().clone();
        }
        double moved = 0;
        for (int k = 0; k < before.length; k++) {
            double up = after[0][k] - before[k];
            double down = after[1][k] - before[k];
            assertEquals(up, -down, 1e-12 * GMAX, "reward and punishment are mirror images at synapse " + k);
            moved += Math.abs(up);
        }
        assertTrue(moved > 0.01 * GMAX, "the eligibility traces were not all zero: " + moved);
    }

    @Test
    void aStepHookRunsOncePerStepOnEverySynapse() {
        double tau = 0.1;
        CustomRule decay = new CustomRule("weight decay").everyStep(s -> s.w -= s.w * s.dt() / tau);
        Network net = new Network().dt(ms(0.1)).seed(1);
        var in = net.poisson("in", 10, Hz(0));
        NeuronGroup post = net.group("post", 3, new Lif());
        Projection p = net.connect(in, post, Connectivity.allToAll()).weight(mV(1)).plasticity(decay);
        net.run(ms(50));
        double expected = 1e-3 * Math.pow(1 - 1e-4 / tau, 500);
        for (double w : p.weights()) {
            assertEquals(expected, w, 1e-15);
        }
    }

    @Test
    void mistakesInARuleAreNamedWithTheRuleTheSynapseAndTheTime() {
        CustomRule typo = new CustomRule("typo rule").preTrace("x", ms(20), 1).postTrace("y", ms(20), 1)
                .onPost(s -> s.w += 0.01 * s.pre("xx"));
        var e = assertThrows(IllegalArgumentException.class, () -> songWeights(typo, 2));
        assertTrue(e.getMessage().contains("'typo rule'") && e.getMessage().contains("'xx'")
                && e.getMessage().contains("synapse ") && e.getMessage().contains("t = ")
                && e.getMessage().contains("preTrace"), e.getMessage());

        CustomRule nan = new CustomRule("nan rule").postTrace("y", ms(20), 1).onPre(s -> s.w = s.post("y") / 0 * 0);
        var n = assertThrows(ArithmeticException.class, () -> songWeights(nan, 2));
        assertTrue(n.getMessage().contains("'nan rule'") && n.getMessage().contains("NaN"), n.getMessage());

        CustomRule runaway = new CustomRule("runaway").preTrace("x", ms(20), 1).onPost(s -> s.w += s.pre("x"))
                .requireWithin(0, GMAX);
        var b = assertThrows(IllegalStateException.class, () -> songWeights(runaway, 2));
        assertTrue(b.getMessage().contains("'runaway'") && b.getMessage().contains("outside its bounds"),
                b.getMessage());

        assertThrows(IllegalArgumentException.class, () -> new CustomRule("twice").preTrace("x", ms(1), 1)
                .postTrace("x", ms(1), 1));
        assertThrows(IllegalStateException.class, () -> songWeights(new CustomRule("idle"), 0));
    }
}
