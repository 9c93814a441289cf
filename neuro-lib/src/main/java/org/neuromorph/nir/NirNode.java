package org.neuromorph.nir;

import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The nodes of a NIR graph (Pedersen et al., Nat. Commun. 15:8122, 2024), each with NIR's own parameter names and
 * continuous-time meaning. Neuron parameters are per neuron (a scalar in a file is one neuron). Spikes are the
 * signals neurons emit; every other node passes values on.
 *
 * <ul>
 * <li>{@code LIF}: τ·dv/dt = (v_leak − v) + r·I, a spike when v crosses v_threshold, then v = v_reset.
 * <li>{@code CubaLIF}: τ_syn·dI/dt = −I + w_in·x, τ_mem·dv/dt = (v_leak − v) + r·I, spikes as LIF.
 * <li>{@code IF}: dv/dt = r·x, spikes as LIF. {@code LI}, {@code CubaLI}: LIF and CubaLIF without spikes (they
 * output v). {@code I}: dv/dt = r·x, outputs v.
 * <li>{@code Affine}: W·x + b; {@code Linear}: W·x; {@code Scale}: s ⊙ x; {@code Threshold}: 1 where x crosses θ;
 * {@code Delay}: x(t − d); {@code Flatten}: x, reshaped.
 * </ul>
 */
public sealed interface NirNode {
    /** NIR's type names. */
    Map<Class<?>, String> TYPES = Map.ofEntries(Map.entry(Input.class, "Input"), Map.entry(Output.class, "Output"),
            Map.entry(Affine.class, "Affine"), Map.entry(Linear.class, "Linear"), Map.entry(Scale.class, "Scale"),
            Map.entry(Lif.class, "LIF"), Map.entry(CubaLif.class, "CubaLIF"), Map.entry(If.class, "IF"),
            Map.entry(Li.class, "LI"), Map.entry(CubaLi.class, "CubaLI"), Map.entry(Integrator.class, "I"),
            Map.entry(Threshold.class, "Threshold"), Map.entry(Delay.class, "Delay"),
            Map.entry(Flatten.class, "Flatten"), Map.entry(Subgraph.class, "NIRGraph"));

    /** NIR's name of the node type, as in the file's {@code type} dataset. */
    default String type() {
        return TYPES.get(getClass());
    }

    /**
     * The number of values the node outputs ({@code inputSize}: what reaches it, for the nodes that keep it): by
     * default the length of its first parameter (a weight's rows, a neuron parameter's neurons).
     */
    default int outputSize(int inputSize) {
        return Array.getLength(datasets().values().iterator().next());
    }

    /** The node's datasets as NIR names them, for writing (besides {@code type}). */
    Map<String, Object> datasets();

    /** Where the graph's input enters: {@code shape} values per step. */
    record Input(long[] shape) implements NirNode {

        @Override
        public int outputSize(int inputSize) {
            return size(shape);
        }

        @Override
        public Map<String, Object> datasets() {
            return Map.of("shape", shape);
        }
    }

    /** Where the graph's output leaves. */
    record Output(long[] shape) implements NirNode {

        @Override
        public int outputSize(int inputSize) {
            return size(shape);
        }

        @Override
        public Map<String, Object> datasets() {
            return Map.of("shape", shape);
        }
    }

    /** W·x + b, with W as outputs × inputs. */
    record Affine(double[][] weight, double[] bias) implements NirNode {
        public Affine {
            requireRows(weight, bias.length, "an Affine's bias");
        }

        @Override
        public Map<String, Object> datasets() {
            return ordered("weight", weight, "bias", bias);
        }
    }

    /** W·x, with W as outputs × inputs. */
    record Linear(double[][] weight) implements NirNode {
        public Linear {
            requireRows(weight, weight.length, "a Linear's weight");
        }

        @Override
        public Map<String, Object> datasets() {
            return Map.of("weight", weight);
        }
    }

    /** s ⊙ x. */
    record Scale(double[] scale) implements NirNode {
        @Override
        public Map<String, Object> datasets() {
            return Map.of("scale", scale);
        }
    }

    /** Leaky integrate-and-fire; {@code vReset} is null where the file has none (NIR before 1.0). */
    record Lif(double[] tau, double[] r, double[] vLeak, double[] vThreshold, double[] vReset) implements NirNode {
        public Lif {
            sameLength("LIF", tau, r, vLeak, vThreshold, vReset);
        }

        @Override
        public Map<String, Object> datasets() {
            return withReset(ordered("tau", tau, "r", r, "v_leak", vLeak, "v_threshold", vThreshold), vReset);
        }
    }

    /** LIF behind an exponential current synapse. */
    record CubaLif(double[] tauMem, double[] tauSyn, double[] r, double[] vLeak, double[] vThreshold, double[] wIn,
            double[] vReset) implements NirNode {
        public CubaLif {
            sameLength("CubaLIF", tauMem, tauSyn, r, vLeak, vThreshold, wIn, vReset);
        }

        @Override
        public Map<String, Object> datasets() {
            return withReset(ordered("tau_mem", tauMem, "tau_syn", tauSyn, "r", r, "v_leak", vLeak, "v_threshold",
                    vThreshold, "w_in", wIn), vReset);
        }
    }

    /** Integrate-and-fire. */
    record If(double[] r, double[] vThreshold, double[] vReset) implements NirNode {
        public If {
            sameLength("IF", r, vThreshold, vReset);
        }

        @Override
        public Map<String, Object> datasets() {
            return withReset(ordered("r", r, "v_threshold", vThreshold), vReset);
        }
    }

    /** Leaky integrator: outputs v. */
    record Li(double[] tau, double[] r, double[] vLeak) implements NirNode {
        public Li {
            sameLength("LI", tau, r, vLeak);
        }

        @Override
        public Map<String, Object> datasets() {
            return ordered("tau", tau, "r", r, "v_leak", vLeak);
        }
    }

    /** Leaky integrator behind an exponential current synapse: outputs v. */
    record CubaLi(double[] tauMem, double[] tauSyn, double[] r, double[] vLeak, double[] wIn) implements NirNode {
        public CubaLi {
            sameLength("CubaLI", tauMem, tauSyn, r, vLeak, wIn);
        }

        @Override
        public Map<String, Object> datasets() {
            return ordered("tau_mem", tauMem, "tau_syn", tauSyn, "r", r, "v_leak", vLeak, "w_in", wIn);
        }
    }

    /** NIR's {@code I}: a perfect integrator, outputs v. */
    record Integrator(double[] r) implements NirNode {
        @Override
        public Map<String, Object> datasets() {
            return Map.of("r", r);
        }
    }

    /** 1 where x crosses θ, else 0. */
    record Threshold(double[] threshold) implements NirNode {
        @Override
        public Map<String, Object> datasets() {
            return Map.of("threshold", threshold);
        }
    }

    /** x delayed by {@code delay} seconds, per element. */
    record Delay(double[] delay) implements NirNode {
        @Override
        public Map<String, Object> datasets() {
            return Map.of("delay", delay);
        }
    }

    /** Reshapes dimensions {@code startDim..endDim} of {@code inputType} into one; the values pass unchanged. */
    record Flatten(long[] inputType, long startDim, long endDim) implements NirNode {

        @Override
        public int outputSize(int inputSize) {
            return inputSize;
        }

        @Override
        public Map<String, Object> datasets() {
            return ordered("input_type", inputType, "start_dim", startDim, "end_dim", endDim);
        }
    }

    /** A graph inside the graph (NIR's nested {@code NIRGraph}): its Input and Output nodes are its ports. */
    record Subgraph(NirGraph graph) implements NirNode {

        @Override
        public int outputSize(int inputSize) {
            throw new IllegalStateException("a subgraph is flattened before its size is asked");
        }

        @Override
        public Map<String, Object> datasets() {
            return Map.of();
        }
    }

    /** The product of a shape's dimensions. */
    static int size(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        if (n > Integer.MAX_VALUE || n < 0) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " is too large");
        }
        return (int) n;
    }

    private static void requireRows(double[][] weight, int rows, String what) {
        if (weight.length == 0 || rows != weight.length) {
            throw new IllegalArgumentException(what + " has " + rows + " rows for a weight of " + weight.length);
        }
        for (double[] row : weight) {
            if (row.length != weight[0].length) {
                throw new IllegalArgumentException("a weight matrix's rows differ in length");
            }
        }
    }

    private static void sameLength(String type, double[]... parameters) {
        for (double[] p : parameters) {
            if (p != null && p.length != parameters[0].length) {
                throw new IllegalArgumentException("a " + type + " node's parameters differ in length: "
                        + Arrays.toString(Arrays.stream(parameters).mapToInt(q -> q == null ? 0 : q.length)
                                .toArray()));
            }
        }
    }

    private static Map<String, Object> ordered(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int k = 0; k < namesAndValues.length; k += 2) {
            map.put((String) namesAndValues[k], namesAndValues[k + 1]);
        }
        return map;
    }

    private static Map<String, Object> withReset(Map<String, Object> datasets, double[] vReset) {
        if (vReset != null) {
            datasets.put("v_reset", vReset);
        }
        return datasets;
    }
}
