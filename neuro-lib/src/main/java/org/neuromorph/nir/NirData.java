package org.neuromorph.nir;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.neuromorph.monitor.SpikeMonitor;

/**
 * NIR's data format (NIRGraphData): per node, named observables, each either events ({@code idx}, {@code time}:
 * which unit fired when, with {@code n_neurons} and {@code t_max}) or values on a time grid ({@code data}
 * [sample][step][unit] with {@code dt}). The way spike trains and traces travel beside a graph, so that one
 * simulator's run can be set against another's.
 */
public final class NirData {
    /** Events of one sample: unit {@code idx[k]} fired at {@code time[k]} seconds. */
    public record Events(int[] idx, double[] time, int units, double tMax) implements Observable {
        public Events {
            if (idx.length != time.length) {
                throw new IllegalArgumentException("events need as many times as indices: " + idx.length + " and "
                        + time.length);
            }
        }

        /** A spike monitor's record: its units' spikes, over the time it recorded. */
        public static Events of(SpikeMonitor monitor) {
            return new Events(monitor.indices(), monitor.times(), monitor.source().size(), monitor.duration());
        }
    }

    /** Values of one sample on a grid: {@code data[step][unit]}, a step every {@code dt} seconds. */
    public record Grid(double[][] data, double dt) implements Observable {
    }

    /** An observable of a node: events or a grid. */
    public sealed interface Observable permits Events, Grid {
    }

    private NirData() {
    }

    /** Writes observables by node and name ({@code {"lif1": {"spikes": events, "v": grid}}}), one sample each. */
    public static void write(Map<String, Map<String, Observable>> nodes, Path path) {
        try (WritableHdfFile file = HdfFile.write(path)) {
            file.putAttribute("__type__", "NIRGraphData");
            WritableGroup nodesGroup = file.putGroup("nodes");
            nodes.forEach((node, observables) -> {
                WritableGroup nodeGroup = nodesGroup.putGroup(node);
                nodeGroup.putAttribute("__type__", "NIRNodeData");
                WritableGroup obs = nodeGroup.putGroup("observables");
                observables.forEach((name, observable) -> write(obs.putGroup(name), observable));
            });
        }
    }

    private static void write(WritableGroup group, Observable observable) {
        if (observable instanceof Events e) {
            group.putAttribute("__type__", "EventData");
            group.putDataset("idx", new long[][] {Arrays.stream(e.idx()).asLongStream().toArray()});
            group.putDataset("time", new double[][] {e.time()});
            group.putAttribute("n_neurons", (long) e.units());
            group.putAttribute("t_max", e.tMax());
        } else if (observable instanceof Grid g) {
            group.putAttribute("__type__", "TimeGriddedData");
            group.putDataset("data", new double[][][] {g.data()});
            group.putAttribute("dt", g.dt());
        }
    }

    /** Reads the first sample of every observable of every node. */
    public static Map<String, Map<String, Observable>> read(Path path) {
        Map<String, Map<String, Observable>> nodes = new LinkedHashMap<>();
        try (HdfFile file = new HdfFile(path)) {
            if (!"NIRGraphData".equals(text(file.getAttribute("__type__")))) {
                throw new IllegalArgumentException(path + " is not NIR data: its root's __type__ is "
                        + text(file.getAttribute("__type__")) + ", not NIRGraphData");
            }
            for (Map.Entry<String, Node> node : ((Group) file.getChild("nodes")).getChildren().entrySet()) {
                Map<String, Observable> observables = new LinkedHashMap<>();
                Group obs = (Group) ((Group) node.getValue()).getChild("observables");
                for (Map.Entry<String, Node> o : obs.getChildren().entrySet()) {
                    observables.put(o.getKey(), observable((Group) o.getValue(), node.getKey() + "/" + o.getKey()));
                }
                nodes.put(node.getKey(), observables);
            }
        }
        return nodes;
    }

    private static Observable observable(Group group, String where) {
        String type = text(group.getAttribute("__type__"));
        if ("TimeGriddedData".equals(type)) {
            Object data = ((Dataset) group.getChild("data")).getData();
            Object first = Array.get(data, 0);
            double[][] rows = new double[Array.getLength(first)][];
            for (int t = 0; t < rows.length; t++) {
                rows[t] = NirFile.flatten(Array.get(first, t));
            }
            return new Grid(rows, number(group, "dt"));
        }
        if ("EventData".equals(type) || "ValuedEventData".equals(type)) {
            double[] idx = NirFile.flatten(Array.get(((Dataset) group.getChild("idx")).getData(), 0));
            double[] time = NirFile.flatten(Array.get(((Dataset) group.getChild("time")).getData(), 0));
            return new Events(Arrays.stream(idx).mapToInt(x -> (int) x).toArray(), time,
                    (int) number(group, "n_neurons"), number(group, "t_max"));
        }
        throw new IllegalArgumentException("observable " + where + " is a " + type
                + ": NIR data holds EventData and TimeGriddedData");
    }

    private static double number(Group group, String attribute) {
        return NirFile.flatten(group.getAttribute(attribute).getData())[0];
    }

    private static String text(Attribute attribute) {
        if (attribute == null) {
            return null;
        }
        Object data = attribute.getData();
        return data != null && data.getClass().isArray() ? String.valueOf(Array.get(data, 0)) : String.valueOf(data);
    }
}
