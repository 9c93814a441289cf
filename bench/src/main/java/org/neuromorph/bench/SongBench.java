package org.neuromorph.bench;

import static org.neuromorph.units.Units.s;

import java.util.Arrays;
import java.util.Locale;
import org.neuromorph.monitor.SpikeMonitor;
import org.neuromorph.network.Network;
import org.neuromorph.network.ReferenceNetworks;

/**
 * Song, Miller &amp; Abbott 2000 (1000 Poisson inputs, all-to-all additive STDP onto one LIF) on Neuromorph, one
 * JSON line with the fields of the Brian2 anchor (stdp_song.py): args [inputs] [duration_s] [seed] [repeats].
 * Loop: median over the repeats, each a fresh network with the next seed; the first repeat on its own too.
 */
public final class SongBench {
    private SongBench() {
    }

    public static void main(String[] args) {
        int inputs = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        double duration = args.length > 1 ? Double.parseDouble(args[1]) : 100;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 12345;
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        double[] loops = new double[repeats];
        double gmax = ReferenceNetworks.SONG_GMAX;
        String first = null;
        for (int r = 0; r < repeats; r++) {
            Network net = ReferenceNetworks.songMillerAbbott(inputs, seed + r);
            SpikeMonitor out = net.monitorSpikes(net.populations().get("neuron"));
            net.run(s(0));
            long t0 = System.nanoTime();
            net.run(s(duration));
            loops[r] = (System.nanoTime() - t0) / 1e9;
            if (r == 0) {
                double[] w = net.projections().get(0).weights();
                double mean = Arrays.stream(w).average().orElse(0) / gmax;
                double below = Arrays.stream(w).filter(x -> x < 0.1 * gmax).count() / (double) w.length;
                double above = Arrays.stream(w).filter(x -> x > 0.9 * gmax).count() / (double) w.length;
                double[] t = out.times();
                double last = Arrays.stream(t).filter(x -> x >= 0.9 * duration).count() / (0.1 * duration);
                first = String.format(Locale.ROOT, "\"w_mean_over_gmax\": %.4f, \"frac_w_below_0.1gmax\": %.4f, "
                        + "\"frac_w_above_0.9gmax\": %.4f, \"output_rate_hz\": %.3f, \"output_rate_last10pct_hz\": %.3f",
                        mean, below, above, t.length / duration, last);
            }
        }
        double firstLoop = loops[0];
        Arrays.sort(loops);
        double total = (System.currentTimeMillis() - ProcessHandle.current().info().startInstant()
                .map(java.time.Instant::toEpochMilli).orElse(System.currentTimeMillis())) / 1e3;
        System.out.println(String.format(Locale.ROOT, "{\"benchmark\": \"stdp_song\", \"simulator\": \"neuromorph\", "
                + "\"N\": %d, \"duration_s\": %.1f, %s, \"t_sim_loop_s\": %.3f, \"t_sim_loop_first_s\": %.3f, "
                + "\"t_total_s\": %.3f, \"repeats\": %d}", inputs, duration, first, loops[repeats / 2], firstLoop,
                total, repeats));
    }
}
