package org.neuromorph.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuromorph.units.Units.Hz;
import static org.neuromorph.units.Units.mV;
import static org.neuromorph.units.Units.ms;
import static org.neuromorph.units.Units.s;

import org.junit.jupiter.api.Test;
import org.neuromorph.monitor.SpikeMonitor;
import org.neuromorph.neuron.Lif;

class SourcesAndPairsTest {

    @Test
    void poissonRatesChangeBetweenRuns() {
        Network net = new Network().dt(ms(0.1)).seed(6);
        var input = net.poisson("in", 500, Hz(10));
        SpikeMonitor spikes = net.monitorSpikes(input);
        net.run(s(1));
        int first = spikes.count();
        double[] faster = new double[500];
        java.util.Arrays.fill(faster, 40);
        input.rates(faster);
        net.run(s(1));
        int second = spikes.count() - first;
        // 5000 and 20000 expected; Poisson sd 71 and 141
        assertEquals(5000, first, 5 * 71);
        assertEquals(20000, second, 5 * 141);
        var e = assertThrows(IllegalArgumentException.class, () -> input.rates(new double[] {1}));
        assertTrue(e.getMessage().contains("500 units"), e.getMessage());
        double[] tooFast = faster.clone();
        tooFast[3] = 20000; // rate·dt = 2
        e = assertThrows(IllegalArgumentException.class, () -> input.rates(tooFast));
        assertTrue(e.getMessage().contains("unit 3") && e.getMessage().contains("nothing was changed"), e.getMessage());
        assertEquals(40, input.rates()[3]);
    }

    @Test
    void rateCodedImageFiresInProportionToIntensity() {
        Network net = new Network().dt(ms(0.1)).seed(5);
        // a 2×2 "image": black, quarter, half, white; 200 repeats of each pixel give the counts statistics
        double[][] image = new double[2][400];
        for (int c = 0; c < 400; c++) {
            image[0][c] = c < 200 ? 0.0 : 0.25;
            image[1][c] = c < 200 ? 0.5 : 1.0;
        }
        var img = net.rateCoded("img", image, Hz(100));
        SpikeMonitor spikes = net.monitorSpikes(img);
        net.run(s(2));
        int[] counts = spikes.countsPerUnit();
        double[] expected = {0, 50, 100, 200};   // spikes per unit in 2 s
        for (int block = 0; block < 4; block++) {
            double sum = 0;
            for (int u = block * 200; u < (block + 1) * 200; u++) {
                sum += counts[u];
            }
            double mean = sum / 200;
            // Poisson: sd of the mean of 200 counts is sqrt(λ/200) ≤ 1 spike; 5 spikes is 5σ at the top block
            assertEquals(expected[block], mean, 5.0, "pixel block " + block);
        }
    }

    @Test
    void rateCodingRefusesValuesOutsideZeroOne() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Network().rateCoded("v", new double[] {0.2, 255}, Hz(50)));
        assertTrue(e.getMessage().contains("[0, 1]") && e.getMessage().contains("255"), e.getMessage());
    }

    @Test
    void explicitPairsConnectExactlyTheGivenSynapses() {
        Network net = new Network().dt(ms(0.1));
        var src = net.poisson("src", 3, Hz(0));
        NeuronGroup g = net.group("g", 4, new Lif());
        Projection p = net.connect(src, g, Connectivity.pairs(new int[] {2, 0, 2, 0}, new int[] {1, 3, 0, 3}))
                .weight(mV(1));
        net.run(ms(0.1));
        assertEquals(4, p.synapseCount());
        assertArrayEquals(new int[] {0, 2, 2, 4}, new int[] {p.rowStart(0), p.rowStart(1), p.rowStart(2), p.rowStart(3)});
        assertArrayEquals(new int[] {3, 3, 0, 1}, new int[] {p.target(0), p.target(1), p.target(2), p.target(3)});
    }

    @Test
    void pairsOutsideTheGroupsAreNamed() {
        Network net = new Network();
        var src = net.poisson("src", 2, Hz(0));
        NeuronGroup g = net.group("g", 2, new Lif());
        net.connect(src, g, Connectivity.pairs(new int[] {0, 1}, new int[] {1, 5}));
        var e = assertThrows(IllegalArgumentException.class, () -> net.run(ms(1)));
        assertTrue(e.getMessage().contains("pair 1 (1 -> 5)"), e.getMessage());
    }
}
