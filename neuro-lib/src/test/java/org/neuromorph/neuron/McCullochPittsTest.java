package org.neuromorph.neuron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuromorph.units.Units.mV;
import static org.neuromorph.units.Units.ms;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neuromorph.monitor.SpikeMonitor;
import org.neuromorph.network.Connectivity;
import org.neuromorph.network.Network;
import org.neuromorph.network.NeuronGroup;
import org.neuromorph.units.Time;

/**
 * McCulloch &amp; Pitts (1943) units compute logic: AND (w = 1, 1; θ = 2), OR (θ = 1) and NOT (w = −1, θ = 0), each
 * answering one step after its inputs. Inputs a and b present the four patterns 00, 01, 10, 11 at steps 0–3.
 */
class McCullochPittsTest {

    /** The steps at which a unit fired, for inputs a, b presenting 00, 01, 10, 11 at steps 0, 1, 2, 3. */
    private static int[] firingSteps(double wa, double wb, double theta) {
        Network net = new Network().dt(ms(1));
        // a fires at steps 2, 3 (patterns 10, 11); b at steps 1, 3 (patterns 01, 11)
        var a = net.spikeTimes("a", 1, new int[] {0, 0}, new Time[] {ms(2), ms(3)});
        var b = net.spikeTimes("b", 1, new int[] {0, 0}, new Time[] {ms(1), ms(3)});
        NeuronGroup unit = net.group("unit", 1, new McCullochPitts(theta));
        net.connect(a, unit, Connectivity.allToAll()).weight(wa);
        net.connect(b, unit, Connectivity.allToAll()).weight(wb);
        SpikeMonitor out = net.monitorSpikes(unit);
        net.run(ms(5));
        List<Integer> steps = new ArrayList<>();
        for (double t : out.times()) {
            steps.add((int) Math.round(t / 1e-3));
        }
        return steps.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void andOrNotAnswerOneStepLater() {
        // pattern at step n -> answer at step n + 1; steps 1..4 answer 00, 01, 10, 11
        assertArrayEquals(new int[] {4}, firingSteps(1, 1, 2), "AND");
        assertArrayEquals(new int[] {2, 3, 4}, firingSteps(1, 1, 1), "OR");
        // NOT a (b has weight 0): fires whenever a did not fire at the step before, including step 0
        int[] not = firingSteps(-1, 0, 0);
        assertArrayEquals(new int[] {0, 1, 2}, not, "NOT a (silent at 3 and 4, after a fired at 2 and 3)");
    }

    @Test
    void weightsInVoltsAreRefusedWithTheFix() {
        Network net = new Network().dt(ms(1));
        var a = net.spikeTimes("a", 1, new int[] {0}, new Time[] {ms(1)});
        NeuronGroup unit = net.group("unit", 1, new McCullochPitts(1));
        net.connect(a, unit, Connectivity.allToAll()).weight(mV(1));
        var e = assertThrows(IllegalArgumentException.class, () -> net.run(ms(2)));
        assertTrue(e.getMessage().contains("plain numbers") && e.getMessage().contains("weight(1.0)"), e.getMessage());
    }
}
