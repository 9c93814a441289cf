package org.neuromorph.nir;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.neuromorph.crossbar.Crossbar;
import org.neuromorph.jobs.Interrupts;
import org.neuromorph.units.Time;

/**
 * A NIR graph made runnable: NIR's continuous-time nodes stepped at a fixed dt. Each step every node reads the sum
 * of its sources' outputs and writes its own, in the graph's order from its inputs; an edge that closes a loop (a
 * recurrent weight) carries its source's output of the step before (in the first step, the source's output at rest:
 * an Affine's bias), as snnTorch's and Norse's recurrent layers do.
 * Spikes are 1 for the step in which they happen, as every platform of the NIR paper feeds them.
 *
 * <pre>
 * var braille = NirNetwork.of(NirFile.read(path), ms(0.1));
 * NirRun run = braille.record("lif1.lif").run(input);      // input[step][channel]
 * braille.onCrossbars((in, out) -> Crossbar.of(rram(), in, out), Crossbar.Programming.VERIFY);
 * </pre>
 */
public final class NirNetwork {
    /** How NIR's differential equations become steps. */
    public enum Method {
        /** Forward Euler, as Norse and snnTorch step them (the NIR paper's lif_norse trace). */
        EULER,
        /** The exact solution over each step with the input held (the paper's lif_exact reference). */
        EXACT
    }

    /** What a spike does to v (NIR's v_reset, or 0 where a file predates it, as nir.read fills it). */
    public enum Reset {
        /** v = v_reset (Norse, snnTorch's "zero" reset). */
        TO_V_RESET,
        /** v −= v_threshold − v_reset (the exact solution's; snnTorch's "subtract"). */
        SUBTRACT
    }

    private final NirGraph graph;
    private final double dt;
    private final Method method;
    private final Reset reset;
    private final List<String> order = new ArrayList<>();
    private final Map<String, NirStages.Stage> stages = new LinkedHashMap<>();
    private final Map<String, Integer> sizes = new HashMap<>();
    /** Per node: sources whose output of this step it reads, and those whose output of the step before. */
    private final Map<String, List<String>> now = new HashMap<>();
    private final Map<String, List<String>> before = new HashMap<>();
    private final Set<String> recorded = new LinkedHashSet<>();
    private final Set<String> voltages = new LinkedHashSet<>();

    private NirNetwork(NirGraph graph, double dt, Method method, Reset reset) {
        this.graph = graph.flattened();
        this.dt = dt;
        this.method = method;
        this.reset = reset;
        orderFromInputs();
        for (String name : order) {
            sizes.put(name, sizeOf(name));
            stages.put(name, stageOf(name, this.graph.nodes().get(name)));
        }
    }

    /** The graph stepped with forward Euler and reset to v_reset, as Norse and snnTorch run NIR graphs. */
    public static NirNetwork of(NirGraph graph, Time dt) {
        return of(graph, dt, Method.EULER, Reset.TO_V_RESET);
    }

    public static NirNetwork of(NirGraph graph, Time dt, Method method, Reset reset) {
        if (!(dt.si() > 0)) {
            throw new IllegalArgumentException("dt must be positive, got " + dt);
        }
        return new NirNetwork(graph, dt.si(), method, reset);
    }

    /** The graph as stepped (subgraphs flattened). */
    public NirGraph graph() {
        return graph;
    }

    public double dt() {
        return dt;
    }

    /** Records {@code node}'s output (spikes, or v for LI/CubaLI/I, or values) at every step of later runs. */
    public NirNetwork record(String node) {
        requireNode(node);
        recorded.add(node);
        return this;
    }

    /** Records the membrane voltage of a neuron node at every step (after a spike's reset, as Norse reports it). */
    public NirNetwork recordVoltage(String node) {
        requireNode(node);
        if (stages.get(node).voltage() == null) {
            throw new IllegalArgumentException("node '" + node + "' (" + graph.nodes().get(node).type()
                    + ") has no membrane voltage");
        }
        voltages.add(node);
        return this;
    }

    /**
     * Places every Affine and Linear node's weights on crossbars: {@code arrays} makes one for (inputs, outputs),
     * programmed {@code how}; biases stay digital. From then on runs read the arrays (with their devices'
     * non-idealities, converters and energy). Returns the arrays by node name.
     */
    public Map<String, Crossbar> onCrossbars(BiFunction<Integer, Integer, Crossbar> arrays,
            Crossbar.Programming how) {
        Map<String, Crossbar> placed = new LinkedHashMap<>();
        graph.nodes().keySet().forEach(name -> {
            if (stages.get(name) instanceof NirStages.Dense dense) {
                Crossbar c = arrays.apply(dense.weight[0].length, dense.weight.length);
                c.program(dense.weight, how);
                dense.crossbar = c;
                placed.put(name, c);
            }
        });
        if (placed.isEmpty()) {
            throw new IllegalStateException("the graph has no Affine or Linear node to place on crossbars");
        }
        return placed;
    }

    /** Back to the state before any step (voltages, currents, delay lines at zero). */
    public void resetState() {
        stages.values().forEach(NirStages.Stage::reset);
    }

    /** The graph's Input nodes that nothing feeds (a subgraph's Input is a port inside it). */
    public List<String> inputs() {
        return graph.nodesOfType("Input").stream().filter(n -> now.get(n).isEmpty() && before.get(n).isEmpty())
                .toList();
    }

    /** The graph's Output nodes that feed nothing (a subgraph's Output is a port inside it). */
    public List<String> outputs() {
        return graph.nodesOfType("Output").stream()
                .filter(n -> graph.edges().stream().noneMatch(e -> e.source().equals(n))).toList();
    }

    /** Runs the graph's one Input node for {@code input.length} steps (input[step][value]). */
    public NirRun run(double[][] input) {
        List<String> inputs = inputs();
        if (inputs.size() != 1) {
            throw new IllegalArgumentException("the graph has " + inputs.size() + " Input nodes " + inputs
                    + ": give each one's input by name, run(Map.of(name, input))");
        }
        return run(Map.of(inputs.get(0), input));
    }

    /** Runs for as many steps as the inputs have (every Input node's by name; each input[step][value]). */
    public NirRun run(Map<String, double[][]> inputs) {
        int steps = -1;
        for (String name : inputs()) {
            double[][] in = inputs.get(name);
            if (in == null) {
                throw new IllegalArgumentException("no input for Input node '" + name + "' (given: "
                        + inputs.keySet() + ")");
            }
            if (steps >= 0 && in.length != steps) {
                throw new IllegalArgumentException("inputs differ in length: '" + name + "' has " + in.length
                        + " steps, another " + steps);
            }
            steps = in.length;
            for (int t = 0; t < in.length; t++) {
                if (in[t].length != sizes.get(name)) {
                    throw new IllegalArgumentException("step " + t + " of the input to '" + name + "' has "
                            + in[t].length + " values; the node's shape holds " + sizes.get(name));
                }
            }
        }
        int n = Math.max(steps, 0);
        // the graph as arrays indexed by position in the order, so a step does no lookup and allocates nothing
        int m = order.size();
        NirStages.Stage[] stage = new NirStages.Stage[m];
        double[][] out = new double[m][];
        double[][] previous = new double[m][];
        double[][] sum = new double[m][];
        double[][][] given = new double[m][][];
        int[][] sourcesNow = new int[m][];
        int[][] sourcesBefore = new int[m][];
        for (int k = 0; k < m; k++) {
            String name = order.get(k);
            stage[k] = stages.get(name);
            out[k] = new double[sizes.get(name)];
            previous[k] = stage[k].atRest(sizes.get(name)); // what a loop reads in the first step
            sum[k] = new double[inputSize(name)];
            given[k] = inputs.get(name);
            sourcesNow[k] = now.get(name).stream().mapToInt(order::indexOf).toArray();
            sourcesBefore[k] = before.get(name).stream().mapToInt(order::indexOf).toArray();
        }
        Map<String, double[][]> outputs = rows(outputs(), n);
        Map<String, double[][]> records = rows(recorded, n);
        Map<String, double[][]> traces = rows(voltages, n);
        int[] outputAt = positions(outputs.keySet());
        int[] recordAt = positions(records.keySet());
        double[][][] outputRows = outputs.values().toArray(new double[0][][]);
        double[][][] recordRows = records.values().toArray(new double[0][][]);
        double[][][] traceRows = traces.values().toArray(new double[0][][]);
        double[][] traced = traces.keySet().stream().map(v -> stages.get(v).voltage()).toArray(double[][]::new);
        for (int t = 0; t < n; t++) {
            if ((t & 1023) == 0 && Interrupts.requested()) {
                throw Interrupts.stopped("the NIR network's run at step " + t + " of " + n);
            }
            for (int k = 0; k < m; k++) {
                double[] in = sum[k];
                if (given[k] != null) {
                    System.arraycopy(given[k][t], 0, in, 0, in.length);
                } else {
                    Arrays.fill(in, 0);
                    for (int source : sourcesNow[k]) {
                        add(in, out[source]);
                    }
                    for (int source : sourcesBefore[k]) {
                        add(in, previous[source]);
                    }
                }
                stage[k].step(in, out[k]);
            }
            for (int k = 0; k < m; k++) {
                System.arraycopy(out[k], 0, previous[k], 0, out[k].length);
            }
            for (int r = 0; r < outputAt.length; r++) {
                System.arraycopy(out[outputAt[r]], 0, outputRows[r][t], 0, out[outputAt[r]].length);
            }
            for (int r = 0; r < recordAt.length; r++) {
                System.arraycopy(out[recordAt[r]], 0, recordRows[r][t], 0, out[recordAt[r]].length);
            }
            for (int r = 0; r < traced.length; r++) {
                System.arraycopy(traced[r], 0, traceRows[r][t], 0, traced[r].length);
            }
        }
        return new NirRun(dt, outputs, records, traces);
    }

    /** [step][element] rows for each named node, allocated before the run. */
    private Map<String, double[][]> rows(Iterable<String> names, int steps) {
        Map<String, double[][]> rows = new LinkedHashMap<>();
        for (String name : names) {
            rows.put(name, new double[steps][sizes.get(name)]);
        }
        return rows;
    }

    private int[] positions(Iterable<String> names) {
        List<Integer> at = new ArrayList<>();
        names.forEach(name -> at.add(order.indexOf(name)));
        return at.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void add(double[] sum, double[] values) {
        for (int k = 0; k < sum.length; k++) {
            sum[k] += values[k];
        }
    }

    /** Depth first from the Input nodes: an edge back to a node still being visited closes a loop. */
    private void orderFromInputs() {
        for (String name : graph.nodes().keySet()) {
            now.put(name, new ArrayList<>());
            before.put(name, new ArrayList<>());
        }
        Map<String, Integer> state = new HashMap<>(); // 1: being visited, 2: done
        List<String> postOrder = new ArrayList<>();
        List<String> starts = new ArrayList<>(graph.nodesOfType("Input"));
        starts.removeIf(n -> graph.edges().stream().anyMatch(e -> e.target().equals(n)));
        starts.addAll(graph.nodes().keySet());
        for (String start : starts) {
            visit(start, state, postOrder);
        }
        for (int k = postOrder.size() - 1; k >= 0; k--) {
            order.add(postOrder.get(k));
        }
    }

    private void visit(String name, Map<String, Integer> state, List<String> postOrder) {
        if (state.containsKey(name)) {
            return;
        }
        state.put(name, 1);
        for (NirGraph.Edge e : graph.edges()) {
            if (!e.source().equals(name)) {
                continue;
            }
            Integer target = state.get(e.target());
            if (target != null && target == 1) {
                before.get(e.target()).add(name);
            } else {
                now.get(e.target()).add(name);
                visit(e.target(), state, postOrder);
            }
        }
        state.put(name, 2);
        postOrder.add(name);
    }

    /** What reaches a node: its sources' common size (their outputs are added), or its own for an Input. */
    private int inputSize(String name) {
        List<String> sources = new ArrayList<>(now.get(name));
        sources.addAll(before.get(name));
        if (sources.isEmpty()) {
            return sizes.get(name);
        }
        int size = sizes.get(sources.get(0));
        for (String s : sources) {
            if (sizes.get(s) != size) {
                throw new IllegalArgumentException("node '" + name + "' sums inputs of different sizes: '"
                        + sources.get(0) + "' gives " + size + ", '" + s + "' gives " + sizes.get(s));
            }
        }
        return size;
    }

    private int sizeOf(String name) {
        NirNode node = graph.nodes().get(name);
        List<String> sources = new ArrayList<>(now.get(name));
        int in = sources.isEmpty() ? -1 : sizes.get(sources.get(0));
        int size = node.outputSize(in);
        if (node instanceof NirNode.Affine a && in >= 0 && a.weight()[0].length != in) {
            throw mismatch(name, a.weight()[0].length, in);
        }
        if (node instanceof NirNode.Linear l && in >= 0 && l.weight()[0].length != in) {
            throw mismatch(name, l.weight()[0].length, in);
        }
        return size;
    }

    private IllegalArgumentException mismatch(String name, int columns, int in) {
        return new IllegalArgumentException("node '" + name + "' has a weight of " + columns + " columns but "
                + in + " values reach it from " + now.get(name));
    }

    private NirStages.Stage stageOf(String name, NirNode node) {
        if (node instanceof NirNode.Input || node instanceof NirNode.Output || node instanceof NirNode.Flatten) {
            return new NirStages.Pass();
        } else if (node instanceof NirNode.Affine a) {
            return new NirStages.Dense(a.weight(), a.bias());
        } else if (node instanceof NirNode.Linear l) {
            return new NirStages.Dense(l.weight(), null);
        } else if (node instanceof NirNode.Scale s) {
            return NirStages.elementwise((x, scale) -> scale * x, s.scale());
        } else if (node instanceof NirNode.Threshold th) {
            return NirStages.elementwise((x, theta) -> x > theta ? 1 : 0, th.threshold());
        } else if (node instanceof NirNode.Delay d) {
            return new NirStages.Delay(d.delay(), dt);
        } else if (node instanceof NirNode.Lif l) {
            return neurons(l.tau(), null, l.r(), l.vLeak(), null, l.vThreshold(), l.vReset());
        } else if (node instanceof NirNode.CubaLif c) {
            return neurons(c.tauMem(), c.tauSyn(), c.r(), c.vLeak(), c.wIn(), c.vThreshold(), c.vReset());
        } else if (node instanceof NirNode.If f) {
            return neurons(null, null, f.r(), null, null, f.vThreshold(), f.vReset());
        } else if (node instanceof NirNode.Li l) {
            return neurons(l.tau(), null, l.r(), l.vLeak(), null, null, null);
        } else if (node instanceof NirNode.CubaLi c) {
            return neurons(c.tauMem(), c.tauSyn(), c.r(), c.vLeak(), c.wIn(), null, null);
        } else if (node instanceof NirNode.Integrator i) {
            return neurons(null, null, i.r(), null, null, null, null);
        }
        throw new IllegalStateException("node '" + name + "' (" + node.type() + ") cannot be stepped");
    }

    private NirStages.Stage neurons(double[] tauMem, double[] tauSyn, double[] r, double[] vLeak, double[] wIn,
            double[] vThreshold, double[] vReset) {
        return new NirStages.Neurons(tauMem, tauSyn, r, vLeak, wIn, vThreshold, vReset, dt, method, reset);
    }

    private void requireNode(String node) {
        if (!stages.containsKey(node)) {
            throw new IllegalArgumentException("no node '" + node + "' in the graph (it has " + order + ")");
        }
    }
}
