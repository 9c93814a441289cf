package org.neuromorph.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.neuromorph.units.Units.Hz;
import static org.neuromorph.units.Units.mV;
import static org.neuromorph.units.Units.ms;

import org.junit.jupiter.api.Test;
import org.neuromorph.monitor.WeightMonitor;
import org.neuromorph.neuron.Lif;

class WeightMonitorTest {

    @Test
    void snapshotsAtTheIntervalHoldTheWeights() {
        Network net = new Network().dt(ms(0.1)).seed(9);
        var src = net.poisson("src", 5, Hz(10));
        var g = net.group("g", 4, new Lif());
        Projection p = net.connect(src, g, Connectivity.allToAll()).weightsUniform(mV(0), mV(1));
        WeightMonitor all = net.monitorWeights(p, ms(10));
        WeightMonitor two = net.monitorWeights(p, ms(25), 0, 19);
        net.run(ms(50));
        assertArrayEquals(new double[] {0, 0.01, 0.02, 0.03, 0.04}, all.times(), 1e-12);
        assertArrayEquals(p.weights(), all.snapshot(4));
        assertEquals(2, two.times().length);
        assertArrayEquals(new double[] {p.weights()[0], p.weights()[19]}, two.snapshot(1));
    }

    @Test
    void aSynapseThatDoesNotExistIsNamed() {
        Network net = new Network();
        var src = net.poisson("src", 2, Hz(10));
        var g = net.group("g", 2, new Lif());
        Projection p = net.connect(src, g, Connectivity.oneToOne());
        net.monitorWeights(p, ms(1), 7);
        var e = assertThrows(IllegalArgumentException.class, () -> net.run(ms(1)));
        assertEquals(true, e.getMessage().contains("synapse 7 does not exist (it has 2)"), e.getMessage());
    }
}
