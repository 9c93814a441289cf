package org.neuromorph.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuromorph.units.Units.Hz;
import static org.neuromorph.units.Units.mV;
import static org.neuromorph.units.Units.ms;

import org.junit.jupiter.api.Test;
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
