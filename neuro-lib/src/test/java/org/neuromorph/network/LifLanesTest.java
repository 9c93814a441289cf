package org.neuromorph.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuromorph.units.Units.ms;
import static org.neuromorph.units.Units.pA;

import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neuromorph.jobs.Lanes;
import org.neuromorph.monitor.SpikeMonitor;
import org.neuromorph.network.CurrentInjection;

/**
 * LIF's two-channel step in SIMD lanes ({@link Lanes}) against the scalar passes: the same spikes and every neuron's
 * v, e and i to the bit. Surefire starts the test JVM with {@code --add-modules jdk.incubator.vector}; the scalar run
 * is the same JVM with {@code neuromorph.simd=false} while its network is built and run.
 */
class LifLanesTest {

    @BeforeAll
    static void theTestJvmRunsTheLanes() {
        assertTrue(Lanes.enabled(), "the tests need --add-modules jdk.incubator.vector (surefire's argLine), "
                + "or the comparisons below compare the scalar path with itself");
    }

    @Test
    void cubaInLanesIsTheScalarRunToTheBit() {
        // 4003 neurons: a group that is not whole vectors, so its last neurons take the scalar pass
        compare(() -> ReferenceNetworks.cuba(4003, 8), 300, 1);
    }

    @Test
    void anInjectedCurrentInLanesIsTheScalarRunToTheBit() {
        compare(() -> {
            Network net = ReferenceNetworks.cuba(1001, 9);
            ((NeuronGroup) net.populations().get("P")).inject(CurrentInjection.constant(pA(30)));
            return net;
        }, 200, 1);
    }

    @Test
    void splitStepsInLanesAreTheScalarRunToTheBit() {
        int usual = NeuronGroup.parallelMin;
        NeuronGroup.parallelMin = 1024; // three chunks of a 5001-neuron group, the last not whole vectors
        try {
            compare(() -> ReferenceNetworks.cuba(5001, 10), 200, 3);
        } finally {
            NeuronGroup.parallelMin = usual;
        }
    }

    private static void compare(Supplier<Network> build, double millis, int threads) {
        Run lanes = run(build, millis, threads, true);
        Run scalar = run(build, millis, threads, false);
        assertTrue(lanes.spikes.steps().length > 100, "the network spikes: " + lanes.spikes.steps().length);
        assertArrayEquals(scalar.spikes.steps(), lanes.spikes.steps(), "spike steps");
        assertArrayEquals(scalar.spikes.indices(), lanes.spikes.indices(), "spiking neurons");
        for (String variable : new String[] {"v", "e", "i"}) {
            assertArrayEquals(scalar.group.dynamics().variable(variable), lanes.group.dynamics().variable(variable),
                    variable + " of every neuron to the bit");
        }
    }

    private record Run(NeuronGroup group, SpikeMonitor spikes) {
    }

    private static Run run(Supplier<Network> build, double millis, int threads, boolean inLanes) {
        String usual = System.getProperty("neuromorph.simd");
        System.setProperty("neuromorph.simd", Boolean.toString(inLanes));
        try {
            Network net = build.get().threads(threads);
            NeuronGroup group = (NeuronGroup) net.populations().get("P");
            SpikeMonitor spikes = net.monitorSpikes(group);
            net.run(ms(millis));
            return new Run(group, spikes);
        } finally {
            if (usual == null) {
                System.clearProperty("neuromorph.simd");
            } else {
                System.setProperty("neuromorph.simd", usual);
            }
        }
    }
}
