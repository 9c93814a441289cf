package org.neuromorph.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuromorph.units.Units.Hz;
import static org.neuromorph.units.Units.mV;
import static org.neuromorph.units.Units.ms;
import static org.neuromorph.units.Units.nS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromorph.device.Devices;
import org.neuromorph.monitor.SpikeMonitor;
import org.neuromorph.neuron.AdEx;
import org.neuromorph.neuron.Izhikevich;
import org.neuromorph.neuron.Lif;
import org.neuromorph.plasticity.PairStdp;

/** A run continued from a saved state is the uninterrupted run, bit for bit; bad files are refused, harmlessly. */
class SaveLoadTest {
    @TempDir
    Path dir;

    /**
     * Every kind of state: Poisson streams, refractory LIF with current synapses, delays in flight, AdEx, Izhikevich,
     * STDP traces on RRAM device synapses.
     */
    private static Network build(int lifSize) {
        Network net = new Network().dt(ms(0.1)).seed(99);
        var input = net.poisson("input", 200, Hz(30));
        NeuronGroup lif = net.group("lif", lifSize, new Lif().tauM(ms(20)).vRest(mV(-49)).vReset(mV(-60))
                .vThreshold(mV(-50)).refractory(ms(5)).v0Uniform(mV(-60), mV(-50))
                .synapse("e", ms(5)).synapse("i", ms(10)));
        NeuronGroup adex = net.group("adex", 40, new AdEx().synapse("e", ms(5), mV(0)));
        NeuronGroup izh = net.group("izh", 40, Izhikevich.regularSpiking());
        net.connect(input, lif, Connectivity.fixedProbability(0.1)).onto("e").weightsUniform(mV(0.5), mV(1.5))
                .delay(ms(1.5));
        net.connect(lif, lif, Connectivity.fixedProbability(0.05).fromPre(0, lifSize * 4 / 5)).onto("e")
                .weight(mV(1.62)).delay(ms(0.8));
        net.connect(lif, lif, Connectivity.fixedProbability(0.05).fromPre(lifSize * 4 / 5, lifSize)).onto("i")
                .weight(mV(-9));
        net.connect(input, adex, Connectivity.fixedProbability(0.2)).onto("e").weight(nS(4))
                .onDevices(Devices.rram(), 1e-4).plasticity(new PairStdp().amplitudes(0.2e-9, 0.21e-9).bounds(0, 8e-9));
        net.connect(input, izh, Connectivity.fixedProbability(0.2)).weight(mV(3)).delay(ms(2));
        return net;
    }

    private static String spikesOf(SpikeMonitor m) {
        return Arrays.toString(m.steps()) + Arrays.toString(m.indices());
    }

    @Test
    void continuedAfterLoadMatchesTheUninterruptedRunExactly() {
        Network whole = build(500);
        whole.run(ms(100));
        SpikeMonitor[] expected = monitorAll(whole);
        whole.run(ms(100));

        Path file = dir.resolve("half.nmstate");
        build(500).run(ms(100)).save(file);
        Network resumed = build(500);
        resumed.load(file);
        assertEquals(1000, resumed.stepCount(), "the clock is restored");
        SpikeMonitor[] actual = monitorAll(resumed);
        resumed.run(ms(100));

        int total = 0;
        for (int k = 0; k < expected.length; k++) {
            assertEquals(spikesOf(expected[k]), spikesOf(actual[k]), "spikes of " + expected[k].source().name());
            total += expected[k].count();
        }
        assertTrue(total > 500, "the comparison has spikes to compare: " + total);
        for (int k = 0; k < whole.projections().size(); k++) {
            assertArrayEquals(whole.projections().get(k).weights(), resumed.projections().get(k).weights(),
                    "weights of " + whole.projections().get(k).name());
        }
        double[] learned = whole.projections().get(3).weights();
        assertTrue(Arrays.stream(learned).distinct().count() > 10, "the plastic weights did change");
        assertArrayEquals(whole.projections().get(3).devices().states(), resumed.projections().get(3).devices().states(),
                "device conductances");
        for (String group : new String[] {"lif", "adex", "izh"}) {
            var a = ((NeuronGroup) whole.populations().get(group)).dynamics();
            var b = ((NeuronGroup) resumed.populations().get(group)).dynamics();
            for (String variable : a.variables()) {
                assertArrayEquals(a.variable(variable), b.variable(variable), group + "." + variable);
            }
        }
    }

    /** Input i feeds neuron targets[i] through STDP: the same synapse count whatever the targets. */
    private static Network fedThrough(int[] targets) {
        Network net = new Network().dt(ms(0.1)).seed(5);
        var input = net.poisson("input", 4, Hz(40));
        NeuronGroup out = net.group("out", 4, new Lif().tauM(ms(10)).vRest(mV(-70)).vReset(mV(-70))
                .vThreshold(mV(-54)).refractory(ms(2)).synapse("e", ms(5)));
        net.connect(input, out, Connectivity.pairs(new int[] {0, 1, 2, 3}, targets)).onto("e").weight(mV(70))
                .plasticity(new PairStdp().amplitudes(1e-3, 1.05e-3).bounds(0, 0.1));
        return net;
    }

    @Test
    void learningAfterLoadFollowsTheLoadedSynapses() {
        Path file = dir.resolve("straight.nmstate");
        Network whole = fedThrough(new int[] {0, 1, 2, 3});
        whole.run(ms(200)).save(file);
        SpikeMonitor expected = whole.monitorSpikes(whole.populations().get("out"));
        whole.run(ms(1000));

        // built crossed, so its own index of synapses by target is not the loaded synapses' one
        Network loaded = fedThrough(new int[] {3, 2, 1, 0});
        loaded.load(file);
        SpikeMonitor actual = loaded.monitorSpikes(loaded.populations().get("out"));
        loaded.run(ms(1000));

        assertTrue(expected.count() > 20, "output spikes drive learning: " + expected.count());
        assertEquals(spikesOf(expected), spikesOf(actual), "spikes after load");
        assertArrayEquals(whole.projections().get(0).weights(), loaded.projections().get(0).weights(),
                "learned weights after load");
    }

    /**
     * 50 inputs, each onto 400 of 2048 neurons (delta synapses), every row in ascending order or (a rule of the
     * user's own, against Connectivity's advice) in shuffled order.
     */
    private static Network spread(boolean shuffled) {
        Network net = new Network().dt(ms(0.1)).seed(8);
        var input = net.poisson("input", 50, Hz(40));
        NeuronGroup out = net.group("out", 2048, new Lif().tauM(ms(10)).vRest(mV(-70)).vReset(mV(-70))
                .vThreshold(mV(-54)).refractory(ms(2)));
        int[][] rows = new int[50][400];
        java.util.SplittableRandom order = new java.util.SplittableRandom(3);
        for (int i = 0; i < 50; i++) {
            for (int k = 0; k < 400; k++) {
                rows[i][k] = k * 5 + i % 5; // neurons 0..1999, 10 inputs each
            }
            for (int k = 399; shuffled && k > 0; k--) {
                int other = order.nextInt(k + 1);
                int swapped = rows[i][k];
                rows[i][k] = rows[i][other];
                rows[i][other] = swapped;
            }
        }
        Connectivity rule = (i, preSize, postSize, rng, emit) -> Arrays.stream(rows[i]).forEach(emit);
        net.connect(input, out, rule).weight(mV(6));
        return net;
    }

    @Test
    void aSplitStepDeliversByTheLoadedRows() {
        int usual = NeuronGroup.parallelMin;
        NeuronGroup.parallelMin = 1024; // the 2048 neurons' steps and deliveries split across two threads
        try {
            Path file = dir.resolve("shuffled.nmstate");
            Network whole = spread(true).threads(2);
            whole.run(ms(50)).save(file);
            SpikeMonitor expected = whole.monitorSpikes(whole.populations().get("out"));
            whole.run(ms(100));

            Network loaded = spread(false).threads(2);
            loaded.run(ms(0)); // built: its own rows ascend
            assertTrue(loaded.projections().get(0).rowsAscend(), "rows built in ascending order");
            loaded.load(file);
            // bisecting shuffled rows would still deliver every jump, but a thread would write the other's neurons
            assertTrue(!loaded.projections().get(0).rowsAscend(), "the loaded rows are known not to ascend");
            SpikeMonitor actual = loaded.monitorSpikes(loaded.populations().get("out"));
            loaded.run(ms(100));

            assertTrue(expected.count() > 500, "spikes to compare: " + expected.count());
            assertEquals(spikesOf(expected), spikesOf(actual), "spikes after load, rows shuffled");
        } finally {
            NeuronGroup.parallelMin = usual;
        }
    }

    private static SpikeMonitor[] monitorAll(Network net) {
        return net.populations().values().stream().map(net::monitorSpikes).toArray(SpikeMonitor[]::new);
    }

    @Test
    void refusedFilesSayWhyAndLeaveTheNetworkAsItWas() throws IOException {
        Path good = dir.resolve("good.nmstate");
        build(300).run(ms(20)).save(good);
        byte[] bytes = Files.readAllBytes(good);

        Path notOurs = dir.resolve("notes.txt");
        Files.writeString(notOurs, "these are my lab notes, not a network");
        Path truncated = dir.resolve("truncated.nmstate");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        Path newer = dir.resolve("newer.nmstate");
        byte[] version3 = bytes.clone();
        version3[11] = 3;
        Files.write(newer, version3);
        Path older = dir.resolve("older.nmstate");
        byte[] version1 = bytes.clone();
        version1[11] = 1;
        Files.write(older, version1);
        Path damaged = dir.resolve("damaged.nmstate");
        byte[] flipped = bytes.clone();
        flipped[bytes.length / 3] ^= 0x10;
        Files.write(damaged, flipped);

        Network net = build(300).run(ms(5));
        double[] before = net.populations().get("lif") instanceof NeuronGroup g ? g.dynamics().variable("v").clone()
                : null;
        assertRefused(net, notOurs, "not a Neuromorph network state");
        assertRefused(net, truncated, "truncated");
        assertRefused(net, newer, "format version 3");
        assertRefused(net, older, "written by an older Neuromorph");
        assertRefused(net, damaged, "damaged");
        assertRefused(build(301), good, "population 'lif' was saved as");
        assertArrayEquals(before, ((NeuronGroup) net.populations().get("lif")).dynamics().variable("v"));
        assertEquals(50, net.stepCount(), "the clock is untouched");
        net.run(ms(5));
        assertEquals(100, net.stepCount(), "and the network still runs");
    }

    private static void assertRefused(Network net, Path file, String reason) {
        var e = assertThrows(IllegalArgumentException.class, () -> net.load(file));
        assertTrue(e.getMessage().contains(reason) && e.getMessage().contains(file.getFileName().toString()),
                e.getMessage());
    }
}
