package org.neuromorph.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuromorph.units.Units.ms;
import static org.neuromorph.units.Units.pA;

import org.junit.jupiter.api.Test;
import org.neuromorph.monitor.SpikeMonitor;
import org.neuromorph.network.CurrentInjection;

/**
 * A LIF group with no injected current skips reading an array of zeros (its null-current pass); with a current of
 * zero injected it takes the pass that reads one. Both must be the same run, bit for bit.
 */
class InjectionPathTest {

    private static double[][] run(boolean injectZero) {
        Network net = ReferenceNetworks.cuba(4000, 7);
        NeuronGroup group = (NeuronGroup) net.populations().get("P");
        if (injectZero) {
            group.inject(CurrentInjection.constant(pA(0)));
        }
        SpikeMonitor monitor = net.monitorSpikes(group);
        net.run(ms(200));
        assertTrue(monitor.count() > 500, "a run with spikes to compare: " + monitor.count());
        double[] steps = java.util.Arrays.stream(monitor.steps()).asDoubleStream().toArray();
        double[] indices = java.util.Arrays.stream(monitor.indices()).asDoubleStream().toArray();
        return new double[][] {steps, indices, group.dynamics().variable("v")};
    }

    @Test
    void noInjectionAndAZeroInjectionRunTheSame() {
        double[][] without = run(false);
        double[][] zero = run(true);
        assertEquals(without[0].length, zero[0].length, "spike count");
        assertArrayEquals(without[0], zero[0], "spike steps");
        assertArrayEquals(without[1], zero[1], "spiking neurons");
        assertArrayEquals(without[2], zero[2], "membrane potentials");
    }
}
