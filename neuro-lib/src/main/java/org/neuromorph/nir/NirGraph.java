package org.neuromorph.nir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A NIR graph: named nodes and the edges between them (each edge adds its source's output to its target's input).
 * Nested graphs ({@link NirNode.Subgraph}) keep their own nodes; {@link #flattened()} gives the one-level graph a
 * simulation steps, with inner names joined by dots as NIR writes them ("lif1.lif").
 *
 * @param metadata free text that travels with the graph (what an export approximated, the dt it assumed)
 */
public record NirGraph(Map<String, NirNode> nodes, List<Edge> edges, Map<String, String> metadata) {
    /** An edge from one node's output to another's input. */
    public record Edge(String source, String target) {
    }

    public NirGraph {
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        edges = List.copyOf(edges);
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        for (Edge e : edges) {
            if (!nodes.containsKey(e.source()) && !nodes.containsKey(prefixOf(e.source()))) {
                throw new IllegalArgumentException("edge " + e.source() + " → " + e.target() + ": no node '"
                        + e.source() + "' (the graph has " + nodes.keySet() + ")");
            }
            if (!nodes.containsKey(e.target()) && !nodes.containsKey(prefixOf(e.target()))) {
                throw new IllegalArgumentException("edge " + e.source() + " → " + e.target() + ": no node '"
                        + e.target() + "' (the graph has " + nodes.keySet() + ")");
            }
        }
    }

    public NirGraph(Map<String, NirNode> nodes, List<Edge> edges) {
        this(nodes, edges, Map.of());
    }

    /** This graph with {@code key: value} added to its metadata. */
    public NirGraph withMetadata(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(metadata);
        more.put(key, value);
        return new NirGraph(nodes, edges, more);
    }

    /** The names of the nodes of one type ("Input", "LIF", ...), in the graph's order. */
    public List<String> nodesOfType(String type) {
        return nodes.entrySet().stream().filter(e -> e.getValue().type().equals(type)).map(Map.Entry::getKey)
                .toList();
    }

    /**
     * The graph with every subgraph's nodes lifted into this one, named "outer.inner"; an edge into a subgraph goes
     * to its Input node, one out of it leaves its Output node (those two stay, as pass-through nodes).
     */
    public NirGraph flattened() {
        if (nodes.values().stream().noneMatch(n -> n instanceof NirNode.Subgraph)) {
            return this;
        }
        Map<String, NirNode> flat = new LinkedHashMap<>();
        List<Edge> flatEdges = new ArrayList<>();
        for (Map.Entry<String, NirNode> e : nodes.entrySet()) {
            if (e.getValue() instanceof NirNode.Subgraph sub) {
                NirGraph inner = sub.graph().flattened();
                inner.nodes().forEach((name, node) -> flat.put(e.getKey() + "." + name, node));
                inner.edges().forEach(edge -> flatEdges.add(new Edge(e.getKey() + "." + edge.source(),
                        e.getKey() + "." + edge.target())));
            } else {
                flat.put(e.getKey(), e.getValue());
            }
        }
        for (Edge edge : edges) {
            flatEdges.add(new Edge(port(edge.source(), "Output"), port(edge.target(), "Input")));
        }
        return new NirGraph(flat, flatEdges, metadata);
    }

    /** An edge's end as a flat name: a subgraph named alone means its one port of that type. */
    private String port(String name, String portType) {
        if (nodes.get(name) instanceof NirNode.Subgraph sub) {
            List<String> ports = sub.graph().nodesOfType(portType);
            if (ports.size() != 1) {
                throw new IllegalArgumentException("an edge names subgraph '" + name + "', which has " + ports.size()
                        + " " + portType + " nodes: name one of them (" + name + "." + ports + ")");
            }
            return name + "." + ports.get(0);
        }
        return name;
    }

    private static String prefixOf(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
