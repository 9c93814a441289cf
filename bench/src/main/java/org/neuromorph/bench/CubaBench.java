package org.neuromorph.bench;

import static org.neuromorph.units.Units.s;

import java.util.Arrays;
import java.util.Locale;
import org.neuromorph.jobs.Lanes;
import org.neuromorph.monitor.SpikeMonitor;
import org.neuromorph.network.Network;
import org.neuromorph.network.Projection;
import org.neuromorph.network.ReferenceNetworks;

/**
 * The CUBA benchmark on Neuromorph, printed as one JSON line with the same fields as the Brian2 anchor
 * (cuba.py): args N [duration_ms] [seed] [repeats] [threads]. Timings: build (network construction, including the
 * synapses, done at the first step), simulation loop (median of the repeats, each on a fresh network with the
 * next seed; the first repeat, which also pays for the JIT's compilation, is given on its own), and the process's end-to-end time from JVM start. The rate and silent fraction are those of the
 * first seed; their range over all repeats shows the spread across seeds. {@code simd} says whether LIF stepped in SIMD
 * lanes ({@link Lanes}: the JVM resolved jdk.incubator.vector and neuromorph.simd was not false).
 */
public final class CubaBench {
    private CubaBench() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
        double durationMs = args.length > 1 ? Double.parseDouble(args[1]) : 1000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 12345;
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        double[] loops = new double[repeats];
        double[] rates = new double[repeats];
        double[] silentFractions = new double[repeats];
        double build = 0;
        SpikeMonitor firstSpikes = null;
        int synapses = 0;
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            Network net = ReferenceNetworks.cuba(n, seed + r).threads(threads);
            SpikeMonitor spikes = net.monitorSpikes(net.populations().get("P"));
            net.run(s(0)); // builds the synapses
            long t1 = System.nanoTime();
            net.run(s(durationMs / 1000));
            long t2 = System.nanoTime();
            build = (t1 - t0) / 1e9;
            loops[r] = (t2 - t1) / 1e9;
            rates[r] = spikes.meanRate();
            silentFractions[r] = Arrays.stream(spikes.countsPerUnit()).filter(c -> c == 0).count() / (double) n;
            if (r == 0) {
                firstSpikes = spikes;
                synapses = net.projections().stream().mapToInt(Projection::synapseCount).sum();
            }
        }
        double firstLoop = loops[0];
        Arrays.sort(loops);
        double loop = loops[repeats / 2];
        double total = (System.currentTimeMillis() - ProcessHandle.current().info().startInstant()
                .map(java.time.Instant::toEpochMilli).orElse(System.currentTimeMillis())) / 1e3;
        System.out.println(String.format(Locale.ROOT,
                "{\"benchmark\": \"cuba\", \"simulator\": \"neuromorph\", \"simd\": %b, \"threads\": %d, \"N\": %d, \"duration_ms\": %.1f, "
                        + "\"n_synapses\": %d, \"total_spikes\": %d, \"mean_rate_hz\": %.4f, \"frac_silent\": %.4f, "
                        + "\"mean_rate_hz_range\": [%.4f, %.4f], \"frac_silent_range\": [%.4f, %.4f], "
                        + "\"t_build_s\": %.4f, \"t_sim_loop_s\": %.4f, \"t_sim_loop_first_s\": %.4f, \"t_total_s\": %.3f, \"repeats\": %d}",
                Lanes.enabled(), threads, n, durationMs, synapses, firstSpikes.count(), rates[0], silentFractions[0],
                Arrays.stream(rates).min().orElse(0), Arrays.stream(rates).max().orElse(0),
                Arrays.stream(silentFractions).min().orElse(0), Arrays.stream(silentFractions).max().orElse(0),
                build, loop, firstLoop, total, repeats));
    }
}
