package org.neuromorph.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuromorph.units.Units.Hz;
import static org.neuromorph.units.Units.ms;
import static org.neuromorph.units.Units.mV;
import static org.neuromorph.units.Units.nS;
import static org.neuromorph.units.Units.ns;
import static org.neuromorph.units.Units.pJ;
import static org.neuromorph.units.Units.uS;

import org.junit.jupiter.api.Test;
import org.neuromorph.ann.Activation;
import org.neuromorph.ann.CrossbarInference;
import org.neuromorph.ann.Mlp;
import org.neuromorph.crossbar.Crossbar;
import org.neuromorph.data.Dataset;
import org.neuromorph.device.DeviceModel;
import org.neuromorph.network.Connectivity;
import org.neuromorph.network.Network;
import org.neuromorph.network.NeuronGroup;
import org.neuromorph.network.Projection;
import org.neuromorph.neuron.Lif;
import org.neuromorph.plasticity.PairStdp;

/** Cost reports against the counts worked out by hand for small networks. */
class CostsTest {
    private static final double PJ = 1e-12;

    /** A 64-32-10 MLP on 32 × 32 tiles with 4-bit DACs and 8-bit ADCs (8 columns per ADC), 20 inferences. */
    private static CrossbarInference mlpOnTiles() {
        Dataset[] split = Dataset.digitsSplit();
        Mlp mlp = new Mlp(3, Activation.RELU, 64, 32, 10);
        DeviceModel device = new DeviceModel("ideal").range(uS(1), uS(101)).linear(1000).pulseCost(pJ(1), ns(10));
        CrossbarInference arrays = CrossbarInference.program(mlp, split[0], 32,
                (in, out, index) -> Crossbar.of(device, in, out).dac(4, 1).adc(8).columnsPerAdc(8),
                Crossbar.Programming.IDEAL);
        for (int n = 0; n < 20; n++) {
            arrays.forward(split[1].features()[n]);
        }
        return arrays;
    }

    private static CostReport.Row row(CostReport report, String where, String part) {
        return report.rows().stream().filter(r -> r.where().startsWith(where) && r.part().equals(part)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + where + " / " + part + " in\n" + report));
    }

    @Test
    void anMlpOnTilesCostsWhatItsCountsTimesTheFiguresGive() {
        CrossbarInference arrays = mlpOnTiles();
        CostModel isaac = CostModel.isaac();
        CostReport report = Costs.inference(arrays, isaac);
        double adc8 = 16e-3 / (8 * 1.2e9);
        double dac4 = 4e-3 / (1024 * 1e7) * 8;
        // layer 1: 64 inputs × 32 outputs on two 32 × 32 tiles along the inputs, one read each per inference
        assertEquals(64, row(report, "layer 1", "ADC").count(), 1e-9, "32 columns on each of two tiles");
        assertEquals(64 * adc8, row(report, "layer 1", "ADC").energy(), 1e-9 * PJ);
        assertEquals(64 * dac4, row(report, "layer 1", "DAC").energy(), 1e-9 * PJ);
        assertEquals(32, row(report, "layer 1", "shift-and-add").count(), 1e-9, "one add per output of two tiles");
        assertEquals(32 * 0.2e-3 / 9.6e9, row(report, "layer 1", "shift-and-add").energy(), 1e-9 * PJ);
        // layer 2: 32 × 10 on one tile, nothing to add; 8 + 2 ADCs' areas... 10 columns at 8 per ADC: 2 ADCs
        assertEquals(0, row(report, "layer 2", "shift-and-add").energy(), 0);
        assertEquals(2 * 1200e-12, row(report, "layer 2", "ADC").area(), 1e-9 * 1e-12);
        // cells: 2 devices a weight (differential) at 4 F² and 32 nm
        int devices = arrays.layer(1).tiles().get(0).activity().devices();
        assertEquals(devices * 4 * 32e-9 * 32e-9, row(report, "layer 2", "array reads").area(), 1e-25);
        // buffers: (64 + 32) activations of 8 bits through layer 1's buffers
        assertEquals(96 * 8 * 20.45e-12 / 256, row(report, "layer 1", "buffers").energy(), 1e-9 * PJ);
        // the totals and the figures derived from them
        double sum = report.rows().stream().mapToDouble(CostReport.Row::energy).sum();
        assertEquals(sum, report.energy(), 1e-15 * sum);
        double macs = 64 * 32 + 32 * 10;
        assertEquals(2 * macs, report.work(), 0);
        assertEquals(2 * macs / report.energy() / 1e12, report.topsPerWatt(), 1e-12);
        assertEquals(macs * (0.2 + 0.03 + 10.0 / 8) * PJ, report.digitalEnergy(), 1e-6 * PJ);
        // latency: a read (the device's read time) then 8 conversions of 8 bits at 1.2 GS/s, then one adding step
        double read = arrays.layer(0).tiles().get(0).activity().readTime();
        double layer1 = read + 8 / 1.2e9 + 1 / 1.2e9;
        double layer2 = read + 8 / 1.2e9;
        assertEquals(layer1 + layer2, report.latency(), 1e-15);
        assertEquals(1 / layer1, report.inferencesPerSecond(), 1e-6 / layer1, "pipelined: the slowest layer");
        assertTrue(report.toString().contains("TOPS/W") && report.toString().contains("digital"), report.toString());
    }

    @Test
    void idealConvertersAreNamedAsNotCosted() {
        Dataset[] split = Dataset.digitsSplit();
        Mlp mlp = new Mlp(3, Activation.RELU, 64, 10);
        DeviceModel device = new DeviceModel("ideal").range(uS(1), uS(101)).linear(1000);
        CrossbarInference arrays = CrossbarInference.program(mlp, split[0], 64,
                (in, out, index) -> Crossbar.of(device, in, out), Crossbar.Programming.IDEAL);
        assertThrows(IllegalStateException.class, () -> Costs.inference(arrays, CostModel.isaac()),
                "no inference yet: nothing to count");
        arrays.forward(split[1].features()[0]);
        CostReport report = Costs.inference(arrays, CostModel.isaac());
        assertEquals(0, row(report, "layer 1", "ADC").energy(), 0);
        assertTrue(row(report, "layer 1", "ADC").note().contains("ideal"), row(report, "layer 1", "ADC").note());
    }

    @Test
    void aSpikingRunOnDevicesCountsItsEventsAndItsLearning() {
        Network net = new Network().dt(ms(0.1)).seed(5);
        var in = net.poisson("in", 50, Hz(40));
        NeuronGroup out = net.group("out", 5, new Lif().conductance("e", ms(5), mV(0)));
        DeviceModel device = new DeviceModel("rram-like").range(uS(1), uS(101)).linear(100).pulseCost(pJ(2), ns(50));
        Projection p = net.connect(in, out, Connectivity.allToAll()).onto("e").weight(nS(2))
                .onDevices(device, 1e-4).plasticity(new PairStdp().amplitudes(0.1e-9, 0.105e-9).bounds(0, 8e-9));
        net.run(ms(500));
        long preSpikes = in.spikesSoFar();
        assertTrue(preSpikes > 500, "50 inputs at 40 Hz for 0.5 s: about 1000 spikes, got " + preSpikes);
        assertEquals(preSpikes * 5, p.synapticEvents(), "all-to-all onto 5: five events a spike");

        CostModel model = CostModel.isaac();
        CostReport unset = Costs.run(net, model);
        assertEquals(java.util.List.of("out: neuron spikes"), unset.missing(), "the neurons' energy is unset; the "
                + "Poisson inputs are no neurons");
        assertTrue(Double.isNaN(row(unset, "out", "neuron spikes").energy()));

        CostReport report = Costs.run(net, model.neuronEnergyPerSpike(pJ(10)));
        assertEquals(out.spikesSoFar() * 10 * PJ, row(report, "out", "neuron spikes").energy(), 1e-9 * PJ);
        double meanG = java.util.Arrays.stream(p.devices().states()).average().orElseThrow();
        assertEquals(p.synapticEvents() * 0.2 * 0.2 * meanG * device.readTimeSeconds(),
                row(report, p.name(), "synaptic reads").energy(), 1e-9 * PJ);
        assertEquals(preSpikes * 4e-3 / (1024 * 1e7), row(report, p.name(), "spike drives").energy(), 1e-9 * PJ);
        CostReport.Row learning = row(report, p.name(), "learning pulses");
        assertTrue(learning.count() > 0, "STDP on devices pulses them");
        assertEquals(learning.count() * 2 * PJ, learning.energy(), 1e-6 * PJ, "each pulse costs the model's 2 pJ");
        assertEquals(p.synapticEvents(), report.work(), 0);
        assertEquals(report.energy() / 0.5, report.power(), 1e-15);
        assertTrue(report.timesLessThanDigital() > 0);
    }
}
