package org.neuromorph.nir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuromorph.units.Units.ms;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromorph.crossbar.Crossbar;
import org.neuromorph.device.DeviceModel;
import org.neuromorph.device.Devices;
import org.neuromorph.units.Units;

/** NIR graphs from the NIR paper's repository ({@link NirExamples}; its README.md), read, run and written. */
class NirTest {
    @TempDir
    Path tmp;

    @Test
    void theNorseLifReadsAsTheFileDescribesIt() {
        NirGraph g = NirFile.read(NirExamples.file("lif_norse.nir"));
        assertEquals("0.1.1", NirFile.version(NirExamples.file("lif_norse.nir")));
        assertEquals(List.of("input"), g.nodesOfType("Input"));
        NirNode.Lif lif = (NirNode.Lif) g.nodes().get("1");
        assertArrayEquals(new double[] {0.0025}, lif.tau(), 1e-9); // float32 in the file
        assertArrayEquals(new double[] {0.1}, lif.vThreshold(), 1e-8);
        assertEquals(null, lif.vReset(), "NIR 0.1 has no v_reset");
        assertEquals(List.of(new NirGraph.Edge("input", "0"), new NirGraph.Edge("0", "1"),
                new NirGraph.Edge("1", "output")), g.edges());
    }

    @Test
    void eulerStepsReproduceNorsesTraceToFloat32Rounding() {
        double[][] norse = NirExamples.trace("lif_norse.csv");
        NirRun run = NirNetwork.of(NirFile.read(NirExamples.file("lif_norse.nir")), ms(0.1)).recordVoltage("1")
                .run(column(norse, 0));
        double[][] v = run.voltage("1");
        double[][] spikes = run.output("output");
        int compared = 0;
        for (int t = 0; t < norse.length; t++) {
            // Norse computes in float32: about 4 roundings a step (ulp 7.5e-9 near 0.1), kept ~25 steps by the
            // decay (1 - dt/τ = 0.96), so at most ~1e-7 apart; 1e-6 leaves room and still tells a missed step
            assertEquals(norse[t][1], v[t][0], 1e-6, "voltage at step " + t);
            assertEquals(norse[t][2], spikes[t][0], 0, "spike at step " + t);
            compared += norse[t][2] > 0 ? 1 : 0;
        }
        assertTrue(compared >= 4, "the trace has spikes to compare: " + compared);
    }

    @Test
    void theExactMethodReproducesThePapersExactSolution() {
        double[][] exact = NirExamples.trace("lif_exact.csv");
        NirNetwork net = NirNetwork.of(NirFile.read(NirExamples.file("lif_norse.nir")), ms(0.1), NirNetwork.Method.EXACT,
                NirNetwork.Reset.SUBTRACT);
        NirRun run = net.recordVoltage("1").run(column(exact, 0));
        boolean spiked = false;
        for (int t = 0; t < exact.length; t++) {
            // the same closed form in double precision: apart by rounding only until the first spike; after one,
            // by where the paper's solver put the crossing (about 1e-11 s from the root, which moves v by up to
            // 400 V/s · 1e-11 s = 4e-9)
            spiked |= exact[t][2] > 0;
            assertEquals(exact[t][1], run.voltage("1")[t][0], spiked ? 1e-8 : 1e-12, "voltage at step " + t);
            assertEquals(exact[t][2], run.output("output")[t][0], 0, "spike at step " + t);
        }
        assertTrue(spiked);
        // and Euler lies a visible distance from it: what the paper's comparison shows
        double[][] euler = NirNetwork.of(NirFile.read(NirExamples.file("lif_norse.nir")), ms(0.1)).recordVoltage("1")
                .run(column(exact, 0)).voltage("1");
        assertTrue(Math.abs(euler[60][0] - exact[60][1]) > 5e-4, "Euler's first jump is dt/τ, the exact 1−e^−dt/τ");
    }

    @Test
    void twoLifNeuronsFireAtTheAnalyticPeriod() {
        NirGraph g = NirFile.read(NirExamples.file("two_lif_neurons.nir"));
        double[][] silence = new double[2000][1];
        for (NirNetwork.Method method : NirNetwork.Method.values()) {
            NirRun run = NirNetwork.of(g, ms(0.1), method, NirNetwork.Reset.TO_V_RESET).record("lif1").run(silence);
            int[] spikes = NirRun.spikeSteps(run.recorded("lif1"), 0);
            // v rises from 0 toward v_leak 1.2 with τ 10 ms and crosses 1 at τ·ln 6 = 17.92 ms, in step 180
            // (counting from 1); Euler needs 0.99^n < 1/6: n = 179, and then again every 179 steps. The exact
            // method restarts v at the crossing, so its period is τ·ln 6 itself: 179.18 steps, 179 or 180 apart
            boolean exactly = method == NirNetwork.Method.EXACT;
            assertEquals(exactly ? 179 : 178, spikes[0], method + " first spike");
            for (int k = 1; k < spikes.length; k++) {
                int interval = spikes[k] - spikes[k - 1];
                assertTrue(exactly ? interval == 179 || interval == 180 : interval == 179, method + " " + interval);
            }
            double mean = (spikes[spikes.length - 1] - spikes[0]) / (spikes.length - 1.0);
            assertEquals(exactly ? 10 * Math.log(6) / 0.1 : 179, mean, 0.1, method + " mean period in steps");
            // each lif1 spike moves lif2 by dt/τ·r·w = 0.01: far from its threshold of 20
            assertEquals(0, NirRun.spikeSteps(run.output("out"), 0).length);
        }
    }

    @Test
    void theBrailleNetworkRunsAsSnnTorchsRecurrentSynapticLayers() {
        NirGraph g = NirFile.read(NirExamples.file("braille_noDelay_bias_zero.nir"));
        double[][] input = poisson(300, 12, 0.2, 5);
        NirRun run = NirNetwork.of(g, ms(0.1)).record("lif1.lif").run(input);
        // snnTorch's RSynaptic/Synaptic with α = 1 − dt/τ_syn and β = 1 − dt/τ_mem, written from the weights
        NirNode.Affine fc1 = (NirNode.Affine) g.nodes().get("fc1");
        NirNode.Affine rec = (NirNode.Affine) g.nodes().get("lif1.w_rec");
        NirNode.Affine fc2 = (NirNode.Affine) g.nodes().get("fc2");
        NirNode.CubaLif l1 = (NirNode.CubaLif) g.nodes().get("lif1.lif");
        NirNode.CubaLif l2 = (NirNode.CubaLif) g.nodes().get("lif2");
        double[][] hidden = new double[input.length][];
        double[][] out = new double[input.length][];
        double[] syn1 = new double[38];
        double[] mem1 = new double[38];
        double[] spikes1 = new double[38];
        double[] syn2 = new double[7];
        double[] mem2 = new double[7];
        for (int t = 0; t < input.length; t++) {
            double[] drive = add(affine(fc1, input[t]), affine(rec, spikes1));
            spikes1 = layer(l1, drive, syn1, mem1);
            hidden[t] = spikes1;
            out[t] = layer(l2, affine(fc2, spikes1), syn2, mem2);
        }
        int hiddenSpikes = 0;
        for (int t = 0; t < input.length; t++) {
            assertArrayEquals(hidden[t], run.recorded("lif1.lif")[t], "hidden spikes at step " + t);
            assertArrayEquals(out[t], run.output("output")[t], "output spikes at step " + t);
            hiddenSpikes += (int) java.util.Arrays.stream(hidden[t]).sum();
        }
        assertTrue(hiddenSpikes > 20, "the input drives the hidden layer: " + hiddenSpikes + " spikes");
    }

    @Test
    void graphsWeWriteReadBackEqualAndRunTheSame() {
        for (String name : List.of("lif_norse.nir", "two_lif_neurons.nir", "braille_noDelay_bias_zero.nir")) {
            NirGraph original = NirFile.read(NirExamples.file(name));
            Path copy = tmp.resolve(name);
            NirFile.write(original, copy);
            NirGraph back = NirFile.read(copy);
            assertEquals(NirFile.VERSION, NirFile.version(copy));
            assertEquals(original.edges(), back.edges(), name);
            assertEquals(original.nodes().keySet(), back.nodes().keySet(), name);
            original.nodes().forEach((node, value) -> assertSameDatasets(value, back.nodes().get(node)));
            int inputs = NirNode.size(((NirNode.Input) original.nodes().get(original.nodesOfType("Input").get(0)))
                    .shape());
            double[][] input = poisson(200, inputs, 0.3, 9);
            NirRun a = NirNetwork.of(original, ms(0.1)).run(input);
            NirRun b = NirNetwork.of(back, ms(0.1)).run(input);
            a.outputs().forEach((out, rows) -> assertArrayEquals(rows, b.output(out), name + " " + out));
        }
    }

    @Test
    void everyNodeTypeAndANestedGraphSurviveWritingAndReading() {
        double[] two = {0.01, 0.02};
        NirGraph inner = new NirGraph(Map.of("input", new NirNode.Input(new long[] {2}),
                "li", new NirNode.CubaLi(two, two, new double[] {1, 1}, new double[2], new double[] {1, 2}),
                "output", new NirNode.Output(new long[] {2})),
                List.of(new NirGraph.Edge("input", "li"), new NirGraph.Edge("li", "output")));
        java.util.LinkedHashMap<String, NirNode> nodes = new java.util.LinkedHashMap<>();
        nodes.put("in", new NirNode.Input(new long[] {2}));
        nodes.put("scale", new NirNode.Scale(new double[] {2, 3}));
        nodes.put("delay", new NirNode.Delay(new double[] {0.0003, 0}));
        nodes.put("if", new NirNode.If(new double[] {1e3, 1e3}, new double[] {1, 1}, new double[] {0, 0.5}));
        nodes.put("lin", new NirNode.Linear(new double[][] {{1, 0}, {0, 1}}));
        nodes.put("lif", new NirNode.Lif(two, new double[] {1, 1}, new double[2], new double[] {1, 1}, null));
        nodes.put("int", new NirNode.Integrator(new double[] {1, 1}));
        nodes.put("th", new NirNode.Threshold(new double[] {0.5, 0.5}));
        nodes.put("flat", new NirNode.Flatten(new long[] {2}, 0, 0));
        nodes.put("li", new NirNode.Li(two, new double[] {1, 1}, new double[2]));
        nodes.put("sub", new NirNode.Subgraph(inner));
        nodes.put("out", new NirNode.Output(new long[] {2}));
        List<NirGraph.Edge> edges = List.of(new NirGraph.Edge("in", "scale"), new NirGraph.Edge("scale", "delay"),
                new NirGraph.Edge("delay", "if"), new NirGraph.Edge("if", "lin"), new NirGraph.Edge("lin", "lif"),
                new NirGraph.Edge("lif", "int"), new NirGraph.Edge("int", "th"), new NirGraph.Edge("th", "flat"),
                new NirGraph.Edge("flat", "li"), new NirGraph.Edge("li", "sub"), new NirGraph.Edge("sub", "out"));
        NirGraph graph = new NirGraph(nodes, edges).withMetadata("source", "NirTest");
        Path file = tmp.resolve("all.nir");
        NirFile.write(graph, file);
        NirGraph back = NirFile.read(file);
        assertEquals(graph.edges(), back.edges());
        assertEquals("NirTest", back.metadata().get("source"));
        graph.nodes().forEach((name, node) -> assertSameDatasets(node, back.nodes().get(name)));
        NirGraph innerBack = ((NirNode.Subgraph) back.nodes().get("sub")).graph();
        inner.nodes().forEach((name, node) -> assertSameDatasets(node, innerBack.nodes().get(name)));
        // and it runs: the delay holds the first input three steps, the subgraph's ports pass values through
        double[][] input = new double[20][];
        for (int t = 0; t < input.length; t++) {
            input[t] = new double[] {t == 0 ? 1 : 0, 0};
        }
        NirNetwork net = NirNetwork.of(back, ms(0.1));
        assertEquals(List.of("in"), net.inputs(), "the subgraph's Input is a port, not the graph's input");
        assertEquals(List.of("out"), net.outputs());
        NirRun run = net.record("delay").record("sub.li").run(input);
        assertEquals(2.0, run.recorded("delay")[3][0], 0, "the delay line gives back step 0's input at step 3");
        assertEquals(0.0, run.recorded("delay")[2][0], 0);
        assertEquals(20, run.output("out").length);
    }

    @Test
    void anImportedNetworksWeightsRunOnCrossbars() {
        NirGraph g = NirFile.read(NirExamples.file("braille_noDelay_bias_zero.nir"));
        double[][] input = poisson(200, 12, 0.2, 7);
        NirRun software = NirNetwork.of(g, ms(0.1)).run(input);
        DeviceModel ideal = new DeviceModel("ideal").range(Units.uS(1), Units.uS(101)).linear(100000);
        NirNetwork onIdeal = NirNetwork.of(g, ms(0.1));
        Map<String, Crossbar> arrays = onIdeal.onCrossbars((in, out) -> Crossbar.of(ideal, in, out),
                Crossbar.Programming.IDEAL);
        assertEquals(List.of("fc1", "fc2", "lif1.w_rec"), List.copyOf(arrays.keySet()));
        assertArrayEquals(software.output("output"), onIdeal.run(input).output("output"),
                "ideal devices read the weights exactly (to rounding): the same spikes");
        NirNetwork onRram = NirNetwork.of(g, ms(0.1));
        Map<String, Crossbar> rram = onRram.onCrossbars((in, out) -> Crossbar.of(Devices.rram(), in, out).seed(3),
                Crossbar.Programming.VERIFY);
        NirRun hardware = onRram.run(input);
        assertEquals(input.length, hardware.output("output").length);
        assertTrue(rram.get("fc1").report().totalEnergy().si() > 0, "the reads cost energy");
    }

    @Test
    void spikesAndTracesTravelAsNirData() {
        double[][] norse = NirExamples.trace("lif_norse.csv");
        NirRun run = NirNetwork.of(NirFile.read(NirExamples.file("lif_norse.nir")), ms(0.1)).recordVoltage("1")
                .run(column(norse, 0));
        int[] steps = NirRun.spikeSteps(run.output("output"), 0);
        double[] times = java.util.Arrays.stream(steps).mapToDouble(t -> t * 1e-4).toArray();
        NirData.Events spikes = new NirData.Events(new int[steps.length], times, 1, 0.1);
        Path file = tmp.resolve("run.nir");
        NirData.write(Map.of("1", Map.of("spikes", spikes, "v", new NirData.Grid(run.voltage("1"), 1e-4))), file);
        Map<String, Map<String, NirData.Observable>> back = NirData.read(file);
        NirData.Events events = (NirData.Events) back.get("1").get("spikes");
        assertArrayEquals(times, events.time(), 0);
        assertEquals(1, events.units());
        assertEquals(0.1, events.tMax(), 0);
        NirData.Grid v = (NirData.Grid) back.get("1").get("v");
        assertEquals(1e-4, v.dt(), 0);
        assertArrayEquals(run.voltage("1"), v.data());
        assertThrows(IllegalArgumentException.class, () -> NirData.read(NirExamples.file("lif_norse.nir")),
                "a graph file is not data");
    }

    @Test
    void whatCannotBeSteppedIsNamedWithWhatCan() throws IOException {
        Path file = tmp.resolve("conv.nir");
        try (WritableHdfFile f = HdfFile.write(file)) {
            f.putDataset("version", "1.0.0");
            WritableGroup graph = f.putGroup("node");
            graph.putDataset("type", "NIRGraph");
            WritableGroup conv = graph.putGroup("nodes").putGroup("conv1");
            conv.putDataset("type", "Conv2d");
            graph.putDataset("edges", new String[][] {{"conv1", "conv1"}});
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NirFile.read(file));
        assertTrue(e.getMessage().contains("'conv1' is a Conv2d") && e.getMessage().contains("CubaLIF"),
                e.getMessage());
        Path notHdf = tmp.resolve("text.nir");
        Files.writeString(notHdf, "not HDF5");
        assertThrows(IllegalArgumentException.class, () -> NirFile.read(notHdf));
        NirGraph wrongWidth = new NirGraph(Map.of("in", new NirNode.Input(new long[] {3}),
                "w", new NirNode.Linear(new double[][] {{1, 2}}), "out", new NirNode.Output(new long[] {1})),
                List.of(new NirGraph.Edge("in", "w"), new NirGraph.Edge("w", "out")));
        IllegalArgumentException width = assertThrows(IllegalArgumentException.class,
                () -> NirNetwork.of(wrongWidth, ms(0.1)));
        assertTrue(width.getMessage().contains("'w' has a weight of 2 columns but 3 values"), width.getMessage());
    }

    private static void assertSameDatasets(NirNode expected, NirNode actual) {
        assertEquals(expected.type(), actual.type());
        expected.datasets().forEach((k, v) -> {
            Object w = actual.datasets().get(k);
            assertArrayEquals(NirFile.flatten(v), NirFile.flatten(w), expected.type() + "." + k);
        });
    }

    private static double[] layer(NirNode.CubaLif p, double[] x, double[] syn, double[] mem) {
        double[] spikes = new double[syn.length];
        for (int j = 0; j < syn.length; j++) {
            double alpha = 1 - 1e-4 / p.tauSyn()[j];
            double beta = 1 - 1e-4 / p.tauMem()[j];
            syn[j] = alpha * syn[j] + (1 - alpha) * p.wIn()[j] * x[j];
            mem[j] = beta * mem[j] + (1 - beta) * (p.vLeak()[j] + p.r()[j] * syn[j]);
            if (mem[j] > p.vThreshold()[j]) {
                spikes[j] = 1;
                mem[j] = 0;
            }
        }
        return spikes;
    }

    private static double[] affine(NirNode.Affine a, double[] x) {
        double[] y = a.bias().clone();
        for (int j = 0; j < y.length; j++) {
            for (int i = 0; i < x.length; i++) {
                y[j] += a.weight()[j][i] * x[i];
            }
        }
        return y;
    }

    private static double[] add(double[] a, double[] b) {
        double[] c = a.clone();
        for (int k = 0; k < c.length; k++) {
            c[k] += b[k];
        }
        return c;
    }

    private static double[][] poisson(int steps, int channels, double p, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[steps][channels];
        for (double[] row : x) {
            for (int k = 0; k < channels; k++) {
                row[k] = rng.nextDouble() < p ? 1 : 0;
            }
        }
        return x;
    }

    private static double[][] column(double[][] table, int c) {
        double[][] out = new double[table.length][1];
        for (int t = 0; t < table.length; t++) {
            out[t][0] = table[t][c];
        }
        return out;
    }
}
