package org.neuromorph.nir;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * NIR's file format: HDF5 with a string dataset {@code version} at the root and the graph in group {@code node}
 * (its {@code type} "NIRGraph", a group {@code nodes} with one group per node — a string {@code type} and one dataset
 * per parameter — and {@code edges}, an n × 2 array of node names), as NIR's own {@code nir.read}/{@code nir.write}
 * (Python, h5py) lay it out. Read and written with jhdf, in Java: no native HDF5 and no Python.
 */
public final class NirFile {
    /** The NIR version whose layout we write (the version of the NIR package we compared the layout against). */
    public static final String VERSION = "1.0.6";
    /** Node types a graph may hold here (convolutions and pooling are not stepped yet). */
    public static final Set<String> SUPPORTED = Set.of("Input", "Output", "Affine", "Linear", "Scale", "LIF",
            "CubaLIF", "IF", "LI", "CubaLI", "I", "Threshold", "Delay", "Flatten", "NIRGraph");

    private NirFile() {
    }

    /** Reads a graph from a {@code .nir} file (NIR 0.x and 1.x layouts). */
    public static NirGraph read(Path path) {
        try (HdfFile file = new HdfFile(path)) {
            Node graph = file.getChild("node");
            if (!(graph instanceof Group group)) {
                throw new IllegalArgumentException(path + " is not a NIR file: it has no group 'node' (HDF5 "
                        + "children: " + file.getChildren().keySet() + ")");
            }
            return graph(group, "");
        } catch (io.jhdf.exceptions.HdfException e) {
            throw new IllegalArgumentException("cannot read " + path + " as HDF5: " + e.getMessage(), e);
        }
    }

    /** The NIR version a file says it was written with ("0.1.1", "1.0.6"). */
    public static String version(Path path) {
        try (HdfFile file = new HdfFile(path)) {
            return file.getChild("version") instanceof Dataset d ? String.valueOf(d.getData()) : "unknown";
        }
    }

    /** Writes {@code graph} to {@code path} in NIR's layout, replacing the file. */
    public static void write(NirGraph graph, Path path) {
        try (WritableHdfFile file = HdfFile.write(path)) {
            file.putDataset("version", VERSION);
            writeGraph(file.putGroup("node"), graph);
        }
    }

    private static NirGraph graph(Group group, String where) {
        Group nodesGroup = (Group) require(group, "nodes", where);
        Map<String, NirNode> nodes = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : nodesGroup.getChildren().entrySet()) {
            nodes.put(e.getKey(), node((Group) e.getValue(), where + e.getKey()));
        }
        List<NirGraph.Edge> edges = new ArrayList<>();
        Node edgeData = group.getChild("edges");
        if (edgeData instanceof Dataset d && d.getSize() > 0) {
            for (Object pair : (Object[]) d.getData()) {
                String[] names = (String[]) pair;
                edges.add(new NirGraph.Edge(names[0], names[1]));
            }
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        if (group.getChild("metadata") instanceof Group m) {
            m.getChildren().forEach((k, v) -> metadata.put(k, v instanceof Dataset d ? text(d.getData()) : ""));
        }
        return new NirGraph(nodes, edges, metadata);
    }

    private static NirNode node(Group group, String name) {
        String type = String.valueOf(((Dataset) require(group, "type", name)).getData());
        Parameters p = new Parameters(group, name, type);
        return switch (type) {
            case "Input" -> new NirNode.Input(p.longs("shape"));
            case "Output" -> new NirNode.Output(p.longs("shape"));
            case "Affine" -> new NirNode.Affine(p.matrix("weight"), p.vector("bias"));
            case "Linear" -> new NirNode.Linear(p.matrix("weight"));
            case "Scale" -> new NirNode.Scale(p.vector("scale"));
            case "LIF" -> new NirNode.Lif(p.vector("tau"), p.vector("r"), p.vector("v_leak"), p.vector("v_threshold"),
                    p.optional("v_reset"));
            case "CubaLIF" -> new NirNode.CubaLif(p.vector("tau_mem"), p.vector("tau_syn"), p.vector("r"),
                    p.vector("v_leak"), p.vector("v_threshold"), p.vector("w_in"), p.optional("v_reset"));
            case "IF" -> new NirNode.If(p.vector("r"), p.vector("v_threshold"), p.optional("v_reset"));
            case "LI" -> new NirNode.Li(p.vector("tau"), p.vector("r"), p.vector("v_leak"));
            case "CubaLI" -> new NirNode.CubaLi(p.vector("tau_mem"), p.vector("tau_syn"), p.vector("r"),
                    p.vector("v_leak"), p.vector("w_in"));
            case "I" -> new NirNode.Integrator(p.vector("r"));
            case "Threshold" -> new NirNode.Threshold(p.vector("threshold"));
            case "Delay" -> new NirNode.Delay(p.vector("delay"));
            case "Flatten" -> new NirNode.Flatten(p.has("input_type") ? p.longs("input_type") : new long[0],
                    p.longs("start_dim")[0], p.longs("end_dim")[0]);
            case "NIRGraph" -> new NirNode.Subgraph(graph(group, name + "."));
            default -> throw new IllegalArgumentException("node '" + name + "' is a " + type + ", which Neuromorph "
                    + "does not step yet; supported: " + new TreeSet<>(SUPPORTED));
        };
    }

    /** A node's numeric datasets as doubles, with errors that name the node and the parameter. */
    private record Parameters(Group group, String node, String type) {
        boolean has(String name) {
            return group.getChild(name) instanceof Dataset;
        }

        double[] vector(String name) {
            return flatten(((Dataset) require(group, name, node + " (" + type + ")")).getData());
        }

        double[] optional(String name) {
            return has(name) ? vector(name) : null;
        }

        long[] longs(String name) {
            double[] values = vector(name);
            long[] out = new long[values.length];
            for (int k = 0; k < values.length; k++) {
                out[k] = (long) values[k];
            }
            return out;
        }

        double[][] matrix(String name) {
            Object data = ((Dataset) require(group, name, node + " (" + type + ")")).getData();
            if (!data.getClass().isArray() || !Array.get(data, 0).getClass().isArray()) {
                throw new IllegalArgumentException("node '" + node + "': '" + name + "' is not a matrix");
            }
            double[][] m = new double[Array.getLength(data)][];
            for (int r = 0; r < m.length; r++) {
                m[r] = flatten(Array.get(data, r));
            }
            return m;
        }
    }

    private static Node require(Group group, String child, String where) {
        Node node = group.getChild(child);
        if (node == null) {
            throw new IllegalArgumentException("NIR node '" + where + "' has no '" + child + "' (it has "
                    + group.getChildren().keySet() + ")");
        }
        return node;
    }

    /** Any numeric HDF5 data (a scalar, a vector, an n-dimensional array; float, double, integer) as doubles. */
    static double[] flatten(Object data) {
        List<Double> out = new ArrayList<>();
        collect(data, out);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void collect(Object data, List<Double> out) {
        if (data instanceof Number n) {
            out.add(n.doubleValue());
        } else if (data != null && data.getClass().isArray()) {
            for (int k = 0, n = Array.getLength(data); k < n; k++) {
                collect(Array.get(data, k), out);
            }
        } else {
            throw new IllegalArgumentException("expected numbers, got " + data);
        }
    }

    private static String text(Object data) {
        return data != null && data.getClass().isArray() ? Arrays.deepToString(new Object[] {data})
                : String.valueOf(data);
    }

    private static void writeGraph(WritableGroup group, NirGraph graph) {
        group.putDataset("type", "NIRGraph");
        WritableGroup nodes = group.putGroup("nodes");
        for (Map.Entry<String, NirNode> e : graph.nodes().entrySet()) {
            WritableGroup node = nodes.putGroup(e.getKey());
            if (e.getValue() instanceof NirNode.Subgraph sub) {
                writeGraph(node, sub.graph());
                continue;
            }
            node.putDataset("type", e.getValue().type());
            e.getValue().datasets().forEach(node::putDataset);
        }
        String[][] edges = graph.edges().stream().map(edge -> new String[] {edge.source(), edge.target()})
                .toArray(String[][]::new);
        group.putDataset("edges", edges.length > 0 ? edges : new String[0][2]);
        if (!graph.metadata().isEmpty()) {
            WritableGroup metadata = group.putGroup("metadata");
            graph.metadata().forEach(metadata::putDataset);
        }
    }
}
