package org.neuromorph.pynn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.neuromorph.network.Network;
import org.neuromorph.network.NeuronGroup;
import org.neuromorph.network.PoissonGroup;
import org.neuromorph.network.Population;
import org.neuromorph.network.Projection;
import org.neuromorph.network.SpikeTimesGroup;
import org.neuromorph.neuron.AdEx;
import org.neuromorph.neuron.Izhikevich;
import org.neuromorph.neuron.Lif;
import org.neuromorph.plasticity.PairStdp;
import org.neuromorph.plasticity.Pairing;

/**
 * A network as a standalone PyNN 0.10 script: {@code python3 net.py [brian2|nest|neuron|spiNNaker] [duration_ms]}
 * runs it on the simulator named and prints one JSON line (spike counts and silent fractions per population, and
 * every projection's mean weight after the run, in PyNN's units).
 *
 * <p>LIF groups become {@code IF_curr_exp} (when their inputs land on up to two exponential current synapses, one
 * excitatory and one inhibitory), {@code IF_curr_delta} (voltage jumps) or {@code IF_cond_exp} (conductance
 * synapses), AdEx groups {@code EIF_cond_exp_isfa_ista}, Izhikevich groups {@code Izhikevich} (voltage jumps, in
 * mV); Poisson groups
 * {@code SpikeSourcePoisson}, given spike times {@code SpikeSourceArray}. Every projection's synapses are written
 * exactly (pre, post, weight, delay): in the script ({@code FromListConnector}) or, for large projections, in a file
 * beside it ({@code FromFileConnector}), so every simulator builds the graph our network drew; pair STDP becomes an {@code STDPMechanism} with a
 * {@code SpikePairRule} and additive or multiplicative weight dependence. Units as PyNN takes them: mV, ms, nF, nA;
 * a current synapse's jump of g volts is g/R amperes, and current-based inhibitory weights are negative, as PyNN
 * requires; conductances in µS, the channel with the higher reversal potential excitatory. What PyNN cannot say is
 * refused, each part by name: custom neuron models, more than two
 * synapses or two of one kind, mixed inputs, injected currents, nearest-spike STDP, custom rules, devices.
 */
public final class PyNNExport {
    /**
     * Projections up to this many synapses list them in the script (FromListConnector); larger ones in a file beside
     * it (PyNN 0.10's FromFileConnector also fails on a file of one line, which numpy reads as a vector).
     */
    private static final int INLINE_SYNAPSES = 1000;

    private PyNNExport() {
    }

    /** Writes the script to {@code script}, and a {@code .conn} file beside it for each large projection. */
    public static Path write(Network net, Path script, double durationMs) {
        net.build();
        List<String> refused = new ArrayList<>();
        StringBuilder py = new StringBuilder();
        String stem = script.getFileName().toString().replaceFirst("\\.py$", "");
        py.append(header(net, stem, durationMs));
        for (Population p : net.populations().values()) {
            py.append(population(net, p, refused));
        }
        py.append("for population in populations.values():\n    population.record(\"spikes\")\n\n");
        List<Projection> projections = net.projections();
        for (int k = 0; k < projections.size(); k++) {
            py.append(projection(net, projections.get(k), connectionFile(script, stem, k), refused));
        }
        if (!refused.isEmpty()) {
            throw new IllegalArgumentException("PyNN cannot express " + refused.size()
                    + " part(s) of this network:\n  " + String.join("\n  ", refused));
        }
        py.append(FOOTER);
        try {
            Files.writeString(script, py);
            for (int k = 0; k < projections.size(); k++) {
                if (projections.get(k).synapseCount() > INLINE_SYNAPSES) {
                    List<String> lines = new ArrayList<>(connections(net, projections.get(k)));
                    lines.add(0, "# columns = [\"i\", \"j\", \"weight\", \"delay\"]");
                    Files.write(connectionFile(script, stem, k), lines);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the PyNN script " + script + ": " + e.getMessage(), e);
        }
        return script;
    }

    /** The file beside the script that holds the k-th projection's synapses, when it has many. */
    private static Path connectionFile(Path script, String stem, int k) {
        return script.resolveSibling(stem + "_" + k + ".conn");
    }

    private static String header(Network net, String stem, double durationMs) {
        return String.format(Locale.ROOT, """
                #!/usr/bin/env python3
                \"\"\"%s as a PyNN 0.10 script, written by Neuromorph.
                Usage: python3 %s.py [brian2|nest|neuron|spiNNaker] [duration_ms]   (default brian2, %s ms)
                Prints one JSON line: spike counts and silent fractions by population, mean weights by projection.\"\"\"
                import importlib
                import json
                import os
                import sys

                simulator = sys.argv[1] if len(sys.argv) > 1 else "brian2"
                sim = importlib.import_module("pyNN." + simulator)
                duration = float(sys.argv[2]) if len(sys.argv) > 2 else %s
                here = os.path.dirname(os.path.abspath(__file__))
                sim.setup(timestep=%s, min_delay=%s)
                populations = {}
                projections = {}

                """, net.toString().replace("\"", "'"), stem, num(durationMs), num(durationMs), num(net.dt() * 1e3),
                num(net.dt() * 1e3));
    }

    private static final String FOOTER = """

            sim.run(duration)
            counts, silent = {}, {}
            for name, population in populations.items():
                trains = population.get_data("spikes").segments[0].spiketrains
                counts[name] = int(sum(len(train) for train in trains))
                silent[name] = sum(1 for train in trains if len(train) == 0) / len(trains)
            weights = {name: float(sum(projection.get("weight", format="list", with_address=False)))
                       / max(1, projection.size()) for name, projection in projections.items()}
            print(json.dumps({"simulator": simulator, "duration_ms": duration, "spikes": counts, "silent": silent,
                              "sizes": {name: p.size for name, p in populations.items()},
                              "mean_weight": weights}))
            sim.end()
            """;

    private static String population(Network net, Population p, List<String> refused) {
        String name = quote(p.name());
        if (p instanceof PoissonGroup poisson) {
            double[] rates = poisson.rates();
            boolean uniform = Arrays.stream(rates).allMatch(r -> r == rates[0]);
            return String.format(Locale.ROOT, "populations[%s] = sim.Population(%d, sim.SpikeSourcePoisson(rate=%s), "
                    + "label=%s)\n", name, p.size(), uniform ? num(rates[0]) : list(rates), name);
        }
        if (p instanceof SpikeTimesGroup times) {
            String trains = IntStream.range(0, p.size())
                    .mapToObj(u -> "sim.Sequence(" + list(Arrays.stream(times.spikeTimes(u)).map(t -> t * 1e3)
                            .toArray()) + ")").collect(Collectors.joining(", "));
            return String.format(Locale.ROOT, "populations[%s] = sim.Population(%d, sim.SpikeSourceArray("
                    + "spike_times=[%s]), label=%s)\n", name, p.size(), trains, name);
        }
        if (!(p instanceof NeuronGroup group)) {
            refused.add("population '" + p.name() + "' (" + p.getClass().getSimpleName() + "): not a PyNN source");
            return "";
        }
        if (group.hasInjections()) {
            refused.add("group '" + p.name() + "' has injected currents: write them as i_offset by hand");
        }
        if (group.model() instanceof AdEx adex) {
            AdEx.Values a = adex.values();
            return cell(name, p.size(), String.format(Locale.ROOT, "EIF_cond_exp_isfa_ista(cm=%s, tau_m=%s, v_rest=%s, "
                    + "v_thresh=%s, delta_T=%s, tau_w=%s, a=%s, b=%s, v_reset=%s, v_spike=%s, tau_refrac=%s%s, "
                    + "i_offset=0.0)", num(a.c() * 1e9), num(a.c() / a.gL() * 1e3), num(a.eL() * 1e3),
                    num(a.vT() * 1e3), num(a.deltaT() * 1e3), num(a.tauW() * 1e3), num(a.a() * 1e9),
                    num(a.b() * 1e9), num(a.vReset() * 1e3), num(a.vPeak() * 1e3), num(a.refractory() * 1e3),
                    conductanceSynapses(group, adex.synapses(), a.eL(), refused)), null, a.eL());
        }
        if (group.model() instanceof Izhikevich izhikevich) {
            Izhikevich.Values z = izhikevich.values();
            String cell = String.format(Locale.ROOT, "populations[%s] = sim.Population(%d, sim.Izhikevich(a=%s, b=%s, "
                    + "c=%s, d=%s, i_offset=0.0), label=%s)\n", name, p.size(), num(z.a()), num(z.b()), num(z.c()),
                    num(z.d()), name);
            return cell + String.format(Locale.ROOT, "populations[%s].initialize(v=%s, u=%s)\n", name, num(z.v0()),
                    num(z.b() * z.v0()));
        }
        if (!(group.model() instanceof Lif lif)) {
            refused.add("group '" + p.name() + "' (" + group.model().name() + "): LIF, AdEx and Izhikevich groups and "
                    + "Poisson or spike-time sources are written, not custom models");
            return "";
        }
        String membrane = String.format(Locale.ROOT, "tau_m=%s, cm=%s, v_rest=%s, v_reset=%s, v_thresh=%s, "
                + "tau_refrac=%s", num(lif.tauM() * 1e3), num(lif.tauM() / lif.resistance() * 1e9),
                num(lif.vRest() * 1e3), num(lif.vReset() * 1e3), num(lif.vThreshold() * 1e3),
                num(lif.refractory() * 1e3));
        String type;
        String synapses;
        if (!lif.conductances().isEmpty()) {
            if (!lif.synapses().isEmpty()) {
                refused.add("group '" + p.name() + "' has current and conductance synapses: a PyNN cell has one kind");
            }
            type = "IF_cond_exp";
            synapses = conductanceSynapses(group, lif.conductanceSynapses(), lif.vRest(), refused);
        } else {
            Receptors receptors = receptors(net, group, lif, refused);
            type = receptors.current() ? "IF_curr_exp" : "IF_curr_delta";
            synapses = receptors.taus();
        }
        return cell(name, p.size(), type + "(" + membrane + synapses + ", i_offset=0.0)", lif.v0Range(), lif.vRest());
    }

    /** A population of {@code cell}, its V(0) uniform over {@code v0} ([low, high); null: {@code rest}). */
    private static String cell(String name, int size, String cell, double[] v0, double rest) {
        String first = String.format(Locale.ROOT, "populations[%s] = sim.Population(%d, sim.%s, label=%s)\n", name,
                size, cell, name);
        if (v0 != null && v0[0] != v0[1]) {
            return first + String.format(Locale.ROOT, "populations[%s].initialize(v=sim.RandomDistribution("
                    + "\"uniform\", (%s, %s)))\n", name, num(v0[0] * 1e3), num(v0[1] * 1e3));
        }
        return first + String.format(Locale.ROOT, "populations[%s].initialize(v=%s)\n", name,
                num((v0 == null ? rest : v0[0]) * 1e3));
    }

    /**
     * A conductance cell's synapses: the channel with the higher reversal potential is PyNN's excitatory one (with
     * one channel: excitatory when its reversal lies above rest).
     */
    private static String conductanceSynapses(NeuronGroup group, Map<String, double[]> channels, double rest,
            List<String> refused) {
        if (channels.size() > 2) {
            refused.add("group '" + group.name() + "' has " + channels.size() + " conductance synapses "
                    + channels.keySet() + ": PyNN's cells have one excitatory and one inhibitory");
        }
        double[] excitatory = {5e-3, 0};
        double[] inhibitory = {5e-3, -70e-3};
        for (Map.Entry<String, double[]> c : channels.entrySet()) {
            if ("excitatory".equals(conductanceReceptor(channels, rest, c.getKey()))) {
                excitatory = c.getValue();
            } else {
                inhibitory = c.getValue();
            }
        }
        return String.format(Locale.ROOT, ", tau_syn_E=%s, tau_syn_I=%s, e_rev_E=%s, e_rev_I=%s",
                num(excitatory[0] * 1e3), num(inhibitory[0] * 1e3), num(excitatory[1] * 1e3),
                num(inhibitory[1] * 1e3));
    }

    private static String conductanceReceptor(Map<String, double[]> channels, double rest, String channel) {
        double reversal = channels.get(channel)[1];
        boolean highest = channels.values().stream().allMatch(c -> c[1] <= reversal);
        return channels.size() == 1 ? reversal > rest ? "excitatory" : "inhibitory"
                : highest ? "excitatory" : "inhibitory";
    }

    /** The conductance synapses of a projection's target, or none for current-based cells. */
    private static Map<String, double[]> conductanceChannels(NeuronGroup post) {
        if (post.model() instanceof AdEx adex) {
            return adex.synapses();
        }
        return post.model() instanceof Lif lif ? lif.conductanceSynapses() : Map.of();
    }

    /** The receptor of each channel a group's projections use: "excitatory" or "inhibitory", by its weights' sign. */
    private record Receptors(boolean current, String taus) {
    }

    private static Receptors receptors(Network net, NeuronGroup group, Lif lif, List<String> refused) {
        List<Projection> into = net.projections().stream().filter(p -> p.post() == group).toList();
        boolean anyJump = into.stream().anyMatch(p -> p.synapse() == null);
        boolean anyChannel = into.stream().anyMatch(p -> p.synapse() != null);
        if (anyJump && anyChannel) {
            refused.add("group '" + group.name() + "' takes voltage jumps and current synapses together: a PyNN cell "
                    + "has one kind");
        }
        if (!anyChannel) {
            return new Receptors(false, "");
        }
        String excitatory = null;
        String inhibitory = null;
        for (Projection p : into) {
            String receptor = receptor(p);
            if ("excitatory".equals(receptor)) {
                excitatory = excitatory == null || excitatory.equals(p.synapse()) ? p.synapse() : conflict(group,
                        "excitatory", excitatory, p.synapse(), refused);
            } else {
                inhibitory = inhibitory == null || inhibitory.equals(p.synapse()) ? p.synapse() : conflict(group,
                        "inhibitory", inhibitory, p.synapse(), refused);
            }
        }
        double tauE = excitatory == null ? 5e-3 : lif.synapses().get(excitatory);
        double tauI = inhibitory == null ? 5e-3 : lif.synapses().get(inhibitory);
        return new Receptors(true, String.format(Locale.ROOT, ", tau_syn_E=%s, tau_syn_I=%s", num(tauE * 1e3),
                num(tauI * 1e3)));
    }

    private static String conflict(NeuronGroup group, String receptor, String first, String second,
            List<String> refused) {
        refused.add("group '" + group.name() + "' has two " + receptor + " current synapses ('" + first + "', '"
                + second + "'): IF_curr_exp has one of each sign");
        return first;
    }

    /**
     * The receptor a projection lands on: for conductance cells its channel's, by reversal potential; for
     * current-based ones its weights' sign (PyNN wants them positive onto excitatory, negative onto inhibitory).
     */
    private static String receptor(Projection p) {
        Map<String, double[]> channels = conductanceChannels(p.post());
        if (!channels.isEmpty() && channels.containsKey(p.synapse())) {
            double rest = p.post().model() instanceof AdEx adex ? adex.values().eL()
                    : ((Lif) p.post().model()).vRest();
            return conductanceReceptor(channels, rest, p.synapse());
        }
        return Arrays.stream(p.weights()).allMatch(w -> w >= 0) ? "excitatory" : "inhibitory";
    }

    private static String projection(Network net, Projection projection, Path file, List<String> refused) {
        String receptor = receptor(projection);
        double[] w = projection.weights();
        if (Arrays.stream(w).anyMatch(x -> x > 0) && Arrays.stream(w).anyMatch(x -> x < 0)) {
            refused.add("projection '" + projection.name() + "' mixes positive and negative weights: PyNN wants "
                    + "one sign per projection (split it in two)");
        }
        if (projection.deviceModel() != null) {
            refused.add("projection '" + projection.name() + "' is on devices: PyNN has none");
        }
        String synapse = "sim.StaticSynapse()";
        if (projection.plasticity() instanceof PairStdp stdp) {
            synapse = stdp(projection, stdp.parameters(), refused);
        } else if (projection.plasticity() != null) {
            refused.add("projection '" + projection.name() + "' learns with " + projection.plasticity()
                    + ": PyNN's standard synapses have pair STDP only");
        }
        String connector = projection.synapseCount() > INLINE_SYNAPSES
                ? "sim.FromFileConnector(os.path.join(here, " + quote(file.getFileName().toString()) + "))"
                : "sim.FromListConnector(" + connections(net, projection).stream()
                        .map(c -> "(" + c.replace(" ", ", ") + ")").collect(Collectors.joining(", ", "[", "]"))
                        + ", column_names=[\"weight\", \"delay\"])";
        return String.format(Locale.ROOT, "projections[%s] = sim.Projection(populations[%s], populations[%s], %s, "
                + "%s, receptor_type=%s)\n", quote(projection.name()), quote(projection.pre().name()),
                quote(projection.post().name()), connector, synapse, quote(receptor));
    }

    private static String stdp(Projection projection, PairStdp.Parameters p, List<String> refused) {
        if (p.pairing() != Pairing.ALL_TO_ALL) {
            refused.add("projection '" + projection.name() + "' pairs nearest spikes: PyNN's SpikePairRule pairs all");
        }
        double scale = weightScale(projection);
        double wMax = p.wMax() * scale;
        // PyNN's amplitudes are fractions of w_max (additive) as its weight dependences define them; our delays are
        // axonal (a spike reaches the synapse late), so the pairing sees the arrival, as pyNN.brian2 requires
        return String.format(Locale.ROOT, "sim.STDPMechanism(timing_dependence=sim.SpikePairRule(tau_plus=%s, "
                + "tau_minus=%s, A_plus=%s, A_minus=%s), weight_dependence=sim.%s(w_min=%s, w_max=%s), "
                + "dendritic_delay_fraction=0.0)",
                num(p.tauPlus() * 1e3), num(p.tauMinus() * 1e3),
                num(p.multiplicative() ? p.aPlus() : p.aPlus() / p.wMax()),
                num(p.multiplicative() ? p.aMinus() : p.aMinus() / p.wMax()),
                p.multiplicative() ? "MultiplicativeWeightDependence" : "AdditiveWeightDependence",
                num(p.wMin() * scale), num(wMax));
    }

    /** PyNN weight per unit of ours: mV per volt of jump, µS per siemens, or nA per volt of drive (g/R). */
    private static double weightScale(Projection projection) {
        if (projection.synapse() == null) {
            return 1e3;
        }
        if (conductanceChannels(projection.post()).containsKey(projection.synapse())) {
            return 1e6;
        }
        return 1e9 / ((Lif) projection.post().model()).resistance();
    }

    /** Each synapse as "pre post weight delay" in PyNN's units (delays at least one step, PyNN's shortest). */
    private static List<String> connections(Network net, Projection projection) {
        double scale = weightScale(projection);
        String delay = num(Math.max(projection.delay().si(), net.dt()) * 1e3);
        double[] w = projection.weights();
        List<String> lines = new ArrayList<>(w.length);
        for (int i = 0; i < projection.pre().size(); i++) {
            for (int s = projection.rowStart(i); s < projection.rowStart(i + 1); s++) {
                lines.add(i + " " + projection.target(s) + " " + num(w[s] * scale) + " " + delay);
            }
        }
        return lines;
    }

    private static String num(double x) {
        return Double.toString(x);
    }

    private static String list(double[] values) {
        return Arrays.stream(values).mapToObj(PyNNExport::num).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
