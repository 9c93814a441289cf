package org.neuromorph.nir;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
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

    /**
     * The node's parameters as NIR names them (the record's components in snake case: vLeak is v_leak), in order,
     * for writing (besides {@code type}); a parameter the file may lack (v_reset before NIR 1.0) is left out when null.
     */
    default Map<String, Object> datasets() {
        Map<String, Object> datasets = new LinkedHashMap<>();
        for (RecordComponent c : getClass().getRecordComponents()) {
            try {
                Object value = c.getAccessor().invoke(this);
                if (value != null) {
                    datasets.put(c.getName().replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT), value);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + c.getName() + " of a " + type(), e);
            }
        }
        return datasets;
    }

    /** Where the graph's input enters: {@code shape} values per step. */
    record Input(long[] shape) implements NirNode {
        @Override
        public int outputSize(int inputSize) {
            return size(shape);
        }
    }

    /** Where the graph's output leaves. */
    record Output(long[] shape) implements NirNode {
        @Override
        public int outputSize(int inputSize) {
            return size(shape);
        }
    }

    /** W·x + b, with W as outputs × inputs. */
    record Affine(double[][] weight, double[] bias) implements NirNode {
        public Affine {
            requireRows(weight, bias.length, "an Affine's bias");
        }
    }

    /** W·x, with W as outputs × inputs. */
    record Linear(double[][] weight) implements NirNode {
        public Linear {
            requireRows(weight, weight.length, "a Linear's weight");
        }
    }

    /** s ⊙ x. */
    record Scale(double[] scale) implements NirNode {
    }

    /** Leaky integrate-and-fire; {@code vReset} is null where the file has none (NIR before 1.0). */
    record Lif(double[] tau, double[] r, double[] vLeak, double[] vThreshold, double[] vReset) implements NirNode {
        public Lif {
            sameLength("LIF", tau, r, vLeak, vThreshold, vReset);
        }
    }

    /** LIF behind an exponential current synapse. */
    record CubaLif(double[] tauMem, double[] tauSyn, double[] r, double[] vLeak, double[] vThreshold, double[] wIn,
            double[] vReset) implements NirNode {
        public CubaLif {
            sameLength("CubaLIF", tauMem, tauSyn, r, vLeak, vThreshold, wIn, vReset);
        }
    }

    /** Integrate-and-fire. */
    record If(double[] r, double[] vThreshold, double[] vReset) implements NirNode {
        public If {
            sameLength("IF", r, vThreshold, vReset);
        }
    }

    /** Leaky integrator: outputs v. */
    record Li(double[] tau, double[] r, double[] vLeak) implements NirNode {
        public Li {
            sameLength("LI", tau, r, vLeak);
        }
    }

    /** Leaky integrator behind an exponential current synapse: outputs v. */
    record CubaLi(double[] tauMem, double[] tauSyn, double[] r, double[] vLeak, double[] wIn) implements NirNode {
        public CubaLi {
            sameLength("CubaLI", tauMem, tauSyn, r, vLeak, wIn);
        }
    }

    /** NIR's {@code I}: a perfect integrator, outputs v. */
    record Integrator(double[] r) implements NirNode {
    }

    /** 1 where x crosses θ, else 0. */
    record Threshold(double[] threshold) implements NirNode {
    }

    /** x delayed by {@code delay} seconds, per element. */
    record Delay(double[] delay) implements NirNode {
    }

    /** Reshapes dimensions {@code startDim..endDim} of {@code inputType} into one; the values pass unchanged. */
    record Flatten(long[] inputType, long startDim, long endDim) implements NirNode {
        @Override
        public int outputSize(int inputSize) {
            return inputSize;
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


}
