package org.neuromorph.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.neuromorph.units.Units.mV;
import static org.neuromorph.units.Units.ms;
import static org.neuromorph.units.Units.s;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neuromorph.monitor.StateMonitor;
import org.neuromorph.neuron.Lif;
import org.neuromorph.units.Time;

/** Spikes reach their targets exactly the delay later, however often the ring of pending jumps wraps. */
class DelayTest {

    @Test
    void jumpsArriveDelayStepsAfterTheSpike() {
        // a neuron that barely leaks (tau 1000 s), so each 1 mV jump shows as a step in its potential
        Network net = new Network().dt(ms(0.1));
        double[] spikeMs = {1.0, 1.1, 4.0, 9.7};
        Time[] times = new Time[spikeMs.length];
        for (int k = 0; k < times.length; k++) {
            times[k] = ms(spikeMs[k]);
        }
        var source = net.spikeTimes("src", 1, new int[spikeMs.length], times);
        NeuronGroup target = net.group("n", 1, new Lif().tauM(s(1000)).vRest(mV(0)).vThreshold(mV(100)));
        net.connect(source, target, Connectivity.allToAll()).weight(mV(1)).delay(ms(2.5));
        StateMonitor v = net.monitorState(target, "v");
        net.run(ms(15));
        double[] trace = v.trace(0);
        List<Integer> jumps = new ArrayList<>();
        for (int n = 1; n < trace.length; n++) {
            if (trace[n] - trace[n - 1] > 0.5e-3) {
                jumps.add(n);
            }
        }
        // a spike in step s is delivered at the end of step s + 25, and the monitor sees it at the next step's start
        int[] expected = new int[spikeMs.length];
        for (int k = 0; k < expected.length; k++) {
            expected[k] = (int) Math.round(spikeMs[k] * 10) + 25 + 1;
        }
        assertArrayEquals(expected, jumps.stream().mapToInt(Integer::intValue).toArray());
        assertEquals(4e-3, trace[trace.length - 1], 1e-6, "all four jumps arrive, none twice");
    }
}
