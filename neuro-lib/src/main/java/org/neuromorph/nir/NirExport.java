package org.neuromorph.nir;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neuromorph.network.Network;
import org.neuromorph.network.NeuronGroup;
import org.neuromorph.network.Population;
import org.neuromorph.network.Projection;
import org.neuromorph.neuron.Lif;
import org.neuromorph.units.Time;

/**
 * A network as a NIR graph. What NIR expresses goes out exactly: spike sources become {@code Input} nodes, LIF
 * groups {@code LIF} nodes (or {@code CubaLIF} where every projection onto them lands on their one current
 * synapse), each projection a {@code Linear} (its synapses summed into a dense matrix, post × pre) and, with a
 * delay, a {@code Delay}; groups that project nowhere feed {@code Output} nodes. What NIR cannot express — other
 * neuron models, conductance synapses, refractory periods, plasticity, devices — is refused, every part named, unless
 * the export is asked to approximate; then each approximation is written into the graph's metadata.
 *
 * <p>Weights follow the convention every platform of the NIR paper uses: a spike is an input of 1 for one step,
 * so a weight w moves v by dt/τ·r·w in a step (and a CubaLIF's current by dt/τ_syn·w_in·w). A voltage jump ΔV at the
 * network's dt is written as w = ΔV·τ/(r·dt); the dt goes into the metadata.
 */
public final class NirExport {
    private NirExport() {
    }

    /** The network as a NIR graph, or an error that names every part NIR cannot express. */
    public static NirGraph of(Network net) {
        return export(net, false);
    }

    /** The network as a NIR graph, approximating what NIR cannot express; the metadata lists each approximation. */
    public static NirGraph approximating(Network net) {
        return export(net, true);
    }

    private static NirGraph export(Network net, boolean approximate) {
        net.build();
        double dt = net.dt();
        List<String> refused = new ArrayList<>();
        List<String> approximations = new ArrayList<>();
        List<String> inputs = new ArrayList<>();
        Map<String, NirNode> nodes = new LinkedHashMap<>();
        List<NirGraph.Edge> edges = new ArrayList<>();
        for (Population p : net.populations().values()) {
            if (!(p instanceof NeuronGroup group)) {
                nodes.put(p.name(), new NirNode.Input(new long[] {p.size()}));
                inputs.add(p.name() + " (" + p.getClass().getSimpleName() + " of " + p.size() + ")");
                continue;
            }
            if (!(group.model() instanceof Lif lif)) {
                refused.add("group '" + group.name() + "' is " + group.model().name()
                        + ": NIR has LIF, CubaLIF, IF, LI and integrators only");
                continue;
            }
            nodes.put(group.name(), lifNode(net, group, lif, approximate, refused, approximations));
        }
        for (Projection projection : net.projections()) {
            String linear = projection.name();
            NeuronGroup post = projection.post();
            double scale = scale(post, projection, dt);
            nodes.put(linear, new NirNode.Linear(dense(projection, scale)));
            edges.add(new NirGraph.Edge(projection.pre().name(), linear));
            String into = linear;
            double delay = projection.delay().si();
            if (delay > 0) {
                String delayNode = linear + "_delay";
                double[] delays = new double[post.size()];
                Arrays.fill(delays, delay);
                nodes.put(delayNode, new NirNode.Delay(delays));
                edges.add(new NirGraph.Edge(linear, delayNode));
                into = delayNode;
            }
            edges.add(new NirGraph.Edge(into, post.name()));
            if (projection.plasticity() != null) {
                (approximate ? approximations : refused).add("projection '" + linear + "' is plastic ("
                        + projection.plasticity() + "): NIR has no plasticity"
                        + (approximate ? "; its weights are written as they are now" : ""));
            }
            if (projection.deviceModel() != null) {
                (approximate ? approximations : refused).add("projection '" + linear + "' is on "
                        + projection.deviceModel().technology() + " devices: NIR has no devices"
                        + (approximate ? "; the weights they hold now are written" : ""));
            }
        }
        for (Population p : net.populations().values()) {
            boolean feeds = net.projections().stream().anyMatch(pr -> pr.pre() == p);
            if (p instanceof NeuronGroup && !feeds && nodes.containsKey(p.name())) {
                nodes.put(p.name() + "_out", new NirNode.Output(new long[] {p.size()}));
                edges.add(new NirGraph.Edge(p.name(), p.name() + "_out"));
            }
        }
        if (!refused.isEmpty()) {
            throw new IllegalArgumentException("NIR cannot express " + refused.size() + " part(s) of this network:\n  "
                    + String.join("\n  ", refused)
                    + "\n(NirExport.approximating(net) writes what it can and lists what it changed)");
        }
        NirGraph graph = new NirGraph(nodes, edges).withMetadata("dt", String.format(Locale.ROOT, "%.6g", dt))
                .withMetadata("spikes", "an input of 1 for one step of dt, as Norse and snnTorch feed them")
                .withMetadata("source", "Neuromorph")
                .withMetadata("inputs", String.join(", ", inputs) + ": their spikes are a run's input");
        return approximations.isEmpty() ? graph
                : graph.withMetadata("approximations", String.join("; ", approximations));
    }

    private static NirNode lifNode(Network net, NeuronGroup group, Lif lif, boolean approximate,
            List<String> refused, List<String> approximations) {
        int n = group.size();
        if (!lif.conductances().isEmpty()) {
            refused.add("group '" + group.name() + "' has conductance synapses " + lif.conductances()
                    + ": NIR's synapses are currents");
        }
        if (lif.refractory() > 0) {
            (approximate ? approximations : refused).add("group '" + group.name() + "' has a refractory period ("
                    + new Time(lif.refractory()) + "): NIR's LIF has none"
                    + (approximate ? "; it is dropped" : " (set refractory(ms(0)), or approximate)"));
        }
        List<String> channels = net.projections().stream().filter(p -> p.post() == group)
                .map(p -> String.valueOf(p.synapse())).distinct().toList();
        double[] tau = filled(n, lif.tauM());
        double[] vLeak = filled(n, lif.vRest());
        double[] vThreshold = filled(n, lif.vThreshold());
        double[] vReset = filled(n, lif.vReset());
        if (channels.isEmpty() || channels.equals(List.of("null"))) {
            return new NirNode.Lif(tau, filled(n, 1), vLeak, vThreshold, vReset);
        }
        if (channels.size() > 1 || channels.contains("null")) {
            refused.add("group '" + group.name() + "' takes input on several channels " + channels
                    + ": a NIR neuron has one input (CubaLIF: one current synapse)");
            return new NirNode.Lif(tau, filled(n, 1), vLeak, vThreshold, vReset);
        }
        double tauSyn = lif.synapses().get(channels.get(0));
        // the channel is held in volts of drive (g = R·I_syn): NIR's current with r = 1 and w_in = 1
        return new NirNode.CubaLif(tau, filled(n, tauSyn), filled(n, 1), vLeak, vThreshold, filled(n, 1), vReset);
    }

    /** NIR weight per volt of jump: w = ΔV·τ/(r·dt), τ the membrane's or, onto a current synapse, the synapse's. */
    private static double scale(NeuronGroup post, Projection projection, double dt) {
        if (!(post.model() instanceof Lif lif)) {
            return 1;
        }
        String channel = projection.synapse();
        double tau = channel == null ? lif.tauM() : lif.synapses().getOrDefault(channel, lif.tauM());
        return tau / dt;
    }

    /** The projection's synapses as a post × pre matrix (repeated pairs add), times {@code scale}. */
    private static double[][] dense(Projection projection, double scale) {
        int pre = projection.pre().size();
        double[][] w = new double[projection.post().size()][pre];
        double[] weights = projection.weights();
        for (int i = 0; i < pre; i++) {
            for (int s = projection.rowStart(i); s < projection.rowStart(i + 1); s++) {
                w[projection.target(s)][i] += weights[s] * scale;
            }
        }
        return w;
    }

    private static double[] filled(int n, double value) {
        double[] a = new double[n];
        Arrays.fill(a, value);
        return a;
    }
}
