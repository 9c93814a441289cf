package org.neuromorph.plasticity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuromorph.units.Units.Hz;
import static org.neuromorph.units.Units.mV;
import static org.neuromorph.units.Units.ms;
import static org.neuromorph.units.Units.nS;
import static org.neuromorph.units.Units.s;

import org.junit.jupiter.api.Test;
import org.neuromorph.device.DeviceArray;
import org.neuromorph.device.Devices;
import org.neuromorph.network.Connectivity;
import org.neuromorph.network.Network;
import org.neuromorph.network.NeuronGroup;
import org.neuromorph.network.Projection;
import org.neuromorph.network.ReferenceNetworks;
import org.neuromorph.neuron.Lif;

/** Learning rules acting through devices: weight changes become pulses, and the devices' physics shows. */
class DeviceLearningTest {
    private static final double[] RATES = {1, 5, 20, 50, 100};
    private static final int INPUTS = 400;

    /** One Poisson group per rate, each input onto its own silent neuron through one SRDP device synapse. */
    private static Projection[] srdpNetwork(org.neuromorph.device.DeviceModel device, Network net, Srdp rule) {
        Projection[] projections = new Projection[RATES.length];
        Lif silent = new Lif().vThreshold(mV(1000)).conductance("e", ms(5), mV(0));
        for (int r = 0; r < RATES.length; r++) {
            var in = net.poisson("in" + r, INPUTS, Hz(RATES[r]));
            NeuronGroup post = net.group("post" + r, INPUTS, silent);
            projections[r] = net.connect(in, post, Connectivity.oneToOne()).onto("e").weight(nS(0))
                    .onDevices(device, 1e-4).plasticity(rule);
        }
        return projections;
    }

    @Test
    void srdpOnBinaryRramSetsAtHighRatesAndResetsAtLowOnes() {
        Network net = new Network().seed(8);
        // SET and RESET requests of one whole window: exactly one switching pulse each
        double window = 95e-6 * 1e-4;
        Srdp rule = new Srdp(ms(20), window, window);
        Projection[] projections = srdpNetwork(Devices.rramBinary(), net, rule);
        net.run(s(20));
        for (int r = 0; r < RATES.length; r++) {
            DeviceArray devices = projections[r].devices();
            double set = 0;
            for (int k = 0; k < INPUTS; k++) {
                set += devices.state(k) == devices.gMax(k) ? 1.0 / INPUTS : 0;
            }
            // the last presynaptic spike decides: set with probability 1 − e^(−f τ_D); 5 binomial standard
            // errors plus 0.01 for the 0.1 ms grid
            double p = rule.potentiationProbability(RATES[r]);
            assertEquals(p, set, 5 * Math.sqrt(p * (1 - p) / INPUTS) + 0.01, "fraction set at " + RATES[r] + " Hz");
        }
    }

    @Test
    void srdpOnAnalogRramRaisesTheConductanceWithTheRate() {
        Network net = new Network().seed(9);
        double step = 95e-6 / 64 * 1e-4; // one nominal RRAM step per event
        Projection[] projections = srdpNetwork(Devices.rram(), net, new Srdp(ms(20), 4 * step, step));
        net.run(s(5));
        double previous = -1;
        for (int r = 0; r < RATES.length; r++) {
            double mean = java.util.Arrays.stream(projections[r].devices().states()).average().orElse(0);
            assertTrue(mean > previous, "mean conductance grows with the rate: " + mean * 1e6 + " µS at "
                    + RATES[r] + " Hz");
            previous = mean;
        }
    }

    @Test
    void stdpOnRramDevicesMovesWeightsOnlyThroughPulses() {
        // Song, Miller & Abbott's setting with the synapses on RRAM: 100 µS of device is 0.1 nS of synaptic conductance
        Network onDevices = new Network().dt(ms(0.1)).seed(3);
        var in = onDevices.poisson("inputs", 1000, Hz(15));
        NeuronGroup neuron = onDevices.group("neuron", 1, new Lif().tauM(ms(10)).vRest(mV(-74)).vThreshold(mV(-54))
                .vReset(mV(-60)).refractory(ms(0)).conductance("e", ms(5), mV(0)));
        double gmax = ReferenceNetworks.SONG_GMAX;
        Projection p = onDevices.connect(in, neuron, Connectivity.allToAll()).onto("e").weightsUniform(nS(0), nS(0.1))
                .onDevices(Devices.rram(), 1e-6)
                .plasticity(new PairStdp().amplitudes(0.01 * gmax, 0.0105 * gmax).timeConstants(ms(20), ms(20))
                        .bounds(0, gmax));
        onDevices.run(s(0));
        long programming = p.devices().totalPulses();
        double[] initial = p.weights().clone();
        onDevices.run(s(20));
        DeviceArray devices = p.devices();
        double[] w = p.weights();
        int changed = 0;
        for (int k = 0; k < w.length; k++) {
            assertEquals(devices.state(k) * 1e-6, w[k], 1e-24, "weight = scale × device conductance");
            assertTrue(devices.state(k) >= devices.gMin(k) && devices.state(k) <= devices.gMax(k));
            changed += w[k] != initial[k] ? 1 : 0;
        }
        assertTrue(devices.totalPulses() - programming > 10_000, "learning pulses: "
                + (devices.totalPulses() - programming));
        assertTrue(changed > 900, "most synapses learned: " + changed);
        assertEquals(0, devices.totalReads(), "learning reads nothing");
        assertEquals(devices.totalPulses() * 1e-12, devices.energy(), 1e-15, "energy: 1 pJ per pulse");
    }
}
