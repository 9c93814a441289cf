package org.neuromorph.network;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuromorph.units.Units.mV;
import static org.neuromorph.units.Units.ms;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The simulation loop allocates nothing per step: what a run allocates does not grow with its number of steps.
 * Measured on the calling thread, which in a split step runs the first chunk of the same code as the helpers.
 */
class StepAllocationTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static long allocatedDuring(Network net, double milliseconds) {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        net.run(ms(milliseconds));
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }

    @Test
    void aLongerRunAllocatesNoMore() {
        int usual = NeuronGroup.parallelMin;
        NeuronGroup.parallelMin = 2048; // also the split step's path, with two threads
        try {
            for (int threads = 1; threads <= 2; threads++) {
                // CUBA with delays on one projection (the ring) besides the delay-free ones; no monitors, whose
                // recordings grow by design
                Network net = ReferenceNetworks.cuba(4000, 7).threads(threads).progress(null);
                NeuronGroup p = (NeuronGroup) net.populations().get("P");
                net.connect(p, p, Connectivity.fixedProbability(0.002)).onto("e").weight(mV(0.5)).delay(ms(1.5));
                net.run(ms(50)); // builds, and warms the JIT up
                long shortRun = allocatedDuring(net, 10);
                long longRun = allocatedDuring(net, 300);
                assertTrue(THREADS.isThreadAllocatedMemorySupported(), "this JVM measures allocation");
                // 2900 more steps in the long run: one object per step would be ≥ 16 bytes × 2900 ≈ 46 KB more
                assertTrue(longRun - shortRun < 8_000, threads + " thread(s): 100 steps allocated " + shortRun
                        + " bytes, 3000 steps " + longRun);
            }
        } finally {
            NeuronGroup.parallelMin = usual;
        }
    }
}
