package org.neuromorph.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuromorph.units.Units.Hz;
import static org.neuromorph.units.Units.mA;
import static org.neuromorph.units.Units.mV;
import static org.neuromorph.units.Units.ms;
import static org.neuromorph.units.Units.ohm;

import org.junit.jupiter.api.Test;
import org.neuromorph.monitor.SpikeMonitor;
import org.neuromorph.monitor.StateMonitor;
import org.neuromorph.network.CurrentInjection;
import org.neuromorph.neuron.Lif;
import org.neuromorph.plasticity.PairStdp;

/** The same seed gives the same spikes and state, bit for bit, whatever the number of threads. */
class ThreadsTest {

    private static Network build() {
        // a group large enough to be split, fed without delay (split delivery), with a delay and through STDP
        // (serial delivery)
        Network net = ReferenceNetworks.cuba(10_000, 11);
        NeuronGroup group = (NeuronGroup) net.populations().get("P");
        var input = net.poisson("input", 100, Hz(20));
        net.connect(input, group, Connectivity.fixedProbability(0.05)).onto("e").weight(mV(0.5)).delay(ms(1));
        net.connect(input, group, Connectivity.fixedProbability(0.02)).onto("e").weight(mV(0.3))
                .plasticity(new PairStdp().amplitudes(1e-5, 1.05e-5).bounds(0, 1e-3));
        return net;
    }

    @Test
    void oneTwoAndThreeThreadsGiveTheSameRun() {
        int usual = NeuronGroup.parallelMin;
        NeuronGroup.parallelMin = 4096; // split a group of 10000, with a last chunk that is not whole blocks
        try {
            compareThreadCounts();
        } finally {
            NeuronGroup.parallelMin = usual;
        }
    }

    @Test
    void aChunkWhoseNeuronsAreAllRefractoryIsHeldWhole() {
        // the same start and drive for every neuron: all spike in the same step and are refractory together, so
        // each thread's range is refractory from its first neuron to its last
        int usual = NeuronGroup.parallelMin;
        NeuronGroup.parallelMin = 1024;
        try {
            double[][] potentials = new double[2][];
            int[] counts = new int[2];
            for (int threads = 1; threads <= 2; threads++) {
                Network net = new Network().dt(ms(0.1)).threads(threads);
                Lif lif = new Lif().tauM(ms(10)).vRest(mV(-70)).vReset(mV(-65)).vThreshold(mV(-50))
                        .refractory(ms(5)).resistance(ohm(1));
                NeuronGroup group = net.group("all", 3000, lif);
                group.inject(CurrentInjection.constant(mA(30))); // R·I = 30 mV: spikes at 11.0 and 25.2 ms
                SpikeMonitor monitor = net.monitorSpikes(group);
                StateMonitor v = net.monitorState(group, "v", 0, 2999);
                net.run(ms(30));
                counts[threads - 1] = monitor.count();
                potentials[threads - 1] = group.dynamics().variable("v").clone();
                int firstSpike = monitor.steps()[0];
                for (int n : new int[] {0, 2999}) {
                    double[] trace = v.trace(n == 0 ? 0 : 1);
                    for (int k = firstSpike + 1; k < firstSpike + 50; k++) {
                        assertEquals(-0.065, trace[k], 1e-15, threads + " threads: neuron " + n
                                + " held at reset in step " + k);
                    }
                }
            }
            assertEquals(2 * 3000, counts[0], "every neuron spikes twice in 30 ms");
            assertEquals(counts[0], counts[1], "2 threads: the same spike count");
            assertArrayEquals(potentials[0], potentials[1], "2 threads: the same potentials");
        } finally {
            NeuronGroup.parallelMin = usual;
        }
    }

    private void compareThreadCounts() {
        String[] spikes = new String[3];
        double[][] potentials = new double[3][];
        double[][] learned = new double[3][];
        for (int threads = 1; threads <= 3; threads++) {
            Network net = build().threads(threads);
            SpikeMonitor monitor = net.monitorSpikes(net.populations().get("P"));
            net.run(ms(100));
            net.run(ms(50)); // a second run starts and stops its threads again
            spikes[threads - 1] = java.util.Arrays.toString(monitor.steps()) + java.util.Arrays.toString(monitor.indices());
            potentials[threads - 1] = ((NeuronGroup) net.populations().get("P")).dynamics().variable("v");
            learned[threads - 1] = net.projections().get(3).weights();
            assertTrue(monitor.count() > 1000, "a run with spikes to compare: " + monitor.count());
        }
        for (int k = 1; k < 3; k++) {
            assertTrue(spikes[0].equals(spikes[k]), (k + 1) + " threads: the same spikes as 1");
            assertArrayEquals(potentials[0], potentials[k], (k + 1) + " threads: the same potentials");
            assertArrayEquals(learned[0], learned[k], (k + 1) + " threads: the same learned weights");
        }
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith("neuromorph-step")
                && t.isAlive()), "no simulation thread outlives its run");
    }
}
