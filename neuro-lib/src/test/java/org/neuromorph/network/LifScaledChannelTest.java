package org.neuromorph.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.neuromorph.units.Units.mV;
import static org.neuromorph.units.Units.ms;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromorph.monitor.SpikeMonitor;
import org.neuromorph.monitor.StateMonitor;
import org.neuromorph.neuron.Lif;
import org.neuromorph.units.Time;

/**
 * LIF holds its current channels scaled by one decaying factor per channel (g = s·a) and folds the factor into the
 * values when it gets small. Channels of 0.5 ms decay by e^-0.2 per 0.1 ms step, so the factor is folded in about
 * every 890 steps: 6000 steps fold it six times (and without folding it would reach zero after about 3700 steps).
 */
class LifScaledChannelTest {
    private static final double DT = 1e-4;
    private static final double TAU_M = 20e-3;
    private static final double[] TAUS = {0.5e-3, 2e-3, 0.7e-3};
    private static final double[] WEIGHTS = {2e-3, -1e-3, 0.5e-3};
    private static final int STEPS = 6000;

    /** One neuron that never fires, with 1 or 3 current channels (the fused two-channel pass and the others). */
    private static Network build(int channels) {
        Network net = new Network().dt(ms(0.1)).seed(3);
        Time[] times = new Time[STEPS / 7];
        for (int k = 0; k < times.length; k++) {
            times[k] = ms(0.1 * (7 * k + 3));
        }
        var source = net.spikeTimes("src", 1, new int[times.length], times);
        Lif model = new Lif().tauM(ms(TAU_M * 1e3)).vRest(mV(-70)).vThreshold(mV(1000)).refractory(ms(0));
        for (int k = 0; k < channels; k++) {
            model.synapse("c" + k, ms(TAUS[k] * 1e3));
        }
        NeuronGroup cell = net.group("cell", 1, model);
        for (int k = 0; k < channels; k++) {
            net.connect(source, cell, Connectivity.allToAll()).onto("c" + k).weight(mV(WEIGHTS[k] * 1e3));
        }
        return net;
    }

    @Test
    void scaledChannelsFollowTheStepByStepDecayThroughEveryFold() {
        for (int channels : new int[] {1, 3}) {
            Network net = build(channels);
            NeuronGroup cell = (NeuronGroup) net.populations().get("cell");
            SpikeMonitor input = net.monitorSpikes(net.populations().get("src"));
            StateMonitor v = net.monitorState(cell, "v");
            StateMonitor[] g = new StateMonitor[channels];
            for (int k = 0; k < channels; k++) {
                g[k] = net.monitorState(cell, "c" + k);
            }
            net.run(ms(STEPS * 0.1));

            // the same step rule, with each channel multiplied by its decay every step
            boolean[] spikeAt = new boolean[STEPS];
            for (int s : input.steps()) {
                spikeAt[s] = true;
            }
            double em = Math.exp(-DT / TAU_M);
            double vRef = -70e-3;
            double[] gRef = new double[channels];
            double worstV = 0;
            double[] worstG = new double[channels];
            for (int n = 0; n < STEPS; n++) {
                worstV = Math.max(worstV, Math.abs(v.trace(0)[n] - vRef));
                for (int k = 0; k < channels; k++) {
                    worstG[k] = Math.max(worstG[k], Math.abs(g[k].trace(0)[n] - gRef[k]));
                }
                double next = -70e-3 + (vRef + 70e-3) * em;
                for (int k = 0; k < channels; k++) {
                    double f = Math.exp(-DT / TAUS[k]);
                    next += gRef[k] * TAUS[k] / (TAUS[k] - TAU_M) * (f - em);
                    gRef[k] = gRef[k] * f + (spikeAt[n] ? WEIGHTS[k] : 0);
                }
                vRef = next;
            }
            // rounding only: a few units in the last place of values around 70 mV and 2 mV
            assertEquals(0, worstV, 1e-15, channels + " channel(s): largest difference in v");
            for (int k = 0; k < channels; k++) {
                assertEquals(0, worstG[k], 1e-17, channels + " channel(s): largest difference in channel " + k);
            }
        }
    }

    @Test
    void monitoringAChannelDoesNotChangeTheRun() {
        // a monitor that folded the factor in to read the channels would round them differently every step
        Network watched = ReferenceNetworks.cuba(4000, 5);
        Network unwatched = ReferenceNetworks.cuba(4000, 5);
        SpikeMonitor watchedSpikes = watched.monitorSpikes(watched.populations().get("P"));
        SpikeMonitor unwatchedSpikes = unwatched.monitorSpikes(unwatched.populations().get("P"));
        NeuronGroup group = (NeuronGroup) watched.populations().get("P");
        watched.monitorState(group, "e", 0, 1, 2);
        watched.monitorState(group, "i", 0, 1, 2);
        watched.run(ms(500));
        unwatched.run(ms(500));
        assertArrayEquals(unwatchedSpikes.indices(), watchedSpikes.indices());
        assertArrayEquals(unwatchedSpikes.steps(), watchedSpikes.steps());
        for (String variable : new String[] {"v", "e", "i"}) {
            assertArrayEquals(((NeuronGroup) unwatched.populations().get("P")).dynamics().variable(variable),
                    group.dynamics().variable(variable), variable + " of every neuron to the bit");
        }
    }

    @Test
    void theLiveArrayHoldsTheValuesAndTakesWrites() {
        Network net = build(1);
        NeuronGroup cell = (NeuronGroup) net.populations().get("cell");
        net.run(ms(50.2)); // input spikes come every 0.7 ms: the last at 50.0 ms, the next at 50.7 ms
        double held = cell.dynamics().reader("c0").applyAsDouble(0);
        double[] live = cell.dynamics().variable("c0");
        assertEquals(held, live[0], Math.ulp(held) * 2, "the array hands out the channel's value");
        live[0] = 1e-3;
        net.run(ms(0.1)); // no input spike in this step
        assertEquals(1e-3 * Math.exp(-0.2), cell.dynamics().reader("c0").applyAsDouble(0), 1e-18,
                "a value written into the array decays from there");
    }

    @Test
    void aLoadedRunContinuesToTheBitAcrossAFold(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cell.nmstate");
        Network whole = build(3).run(ms(80)); // 800 steps: the first fold comes at about 890
        whole.save(file);
        whole.run(ms(40));
        Network loaded = build(3).load(file).run(ms(40));
        assertArrayEquals(state(whole, "v"), state(loaded, "v"));
        for (int k = 0; k < 3; k++) {
            assertEquals(reader(whole, "c" + k), reader(loaded, "c" + k), 0, "channel " + k + " to the bit");
        }
    }

    private static double[] state(Network net, String variable) {
        return ((NeuronGroup) net.populations().get("cell")).dynamics().variable(variable).clone();
    }

    private static double reader(Network net, String variable) {
        return ((NeuronGroup) net.populations().get("cell")).dynamics().reader(variable).applyAsDouble(0);
    }
}
