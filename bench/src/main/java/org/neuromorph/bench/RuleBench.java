package org.neuromorph.bench;

import static org.neuromorph.units.Units.ms;
import static org.neuromorph.units.Units.s;

import java.util.Arrays;
import java.util.Locale;
import org.neuromorph.network.Network;
import org.neuromorph.network.ReferenceNetworks;
import org.neuromorph.plasticity.CustomRule;
import org.neuromorph.plasticity.PairStdp;
import org.neuromorph.plasticity.Plasticity;

/**
 * The cost of a rule written in a cell: Song, Miller &amp; Abbott's network (1000 inputs, 100 s) learning with the
 * built-in pair STDP and with the same rule as a {@link CustomRule}, alternated so both see the same machine
 * state. Args [duration_s] [repeats]; one JSON line with the medians and their ratio.
 */
public final class RuleBench {
    private RuleBench() {
    }

    private static double loopSeconds(Plasticity rule, double duration, long seed) {
        Network net = ReferenceNetworks.songMillerAbbott(1000, seed, rule);
        net.run(s(0));
        long t0 = System.nanoTime();
        net.run(s(duration));
        return (System.nanoTime() - t0) / 1e9;
    }

    public static void main(String[] args) {
        double duration = args.length > 0 ? Double.parseDouble(args[0]) : 100;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        double gmax = ReferenceNetworks.SONG_GMAX;
        double aPlus = 0.01 * gmax;
        double aMinus = 1.05 * aPlus;
        Plasticity builtIn = new PairStdp().amplitudes(aPlus, aMinus).timeConstants(ms(20), ms(20)).additive()
                .bounds(0, gmax);
        Plasticity written = new CustomRule("pair STDP in a cell")
                .preTrace("x", ms(20), 1).postTrace("y", ms(20), 1)
                .onPre(syn -> syn.w -= aMinus * syn.post("y"))
                .onPost(syn -> syn.w += aPlus * syn.pre("x"))
                .bounds(0, gmax);
        double[] builtInLoops = new double[repeats];
        double[] writtenLoops = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            builtInLoops[r] = loopSeconds(builtIn, duration, 100 + r);
            writtenLoops[r] = loopSeconds(written, duration, 100 + r);
        }
        Arrays.sort(builtInLoops);
        Arrays.sort(writtenLoops);
        double a = builtInLoops[repeats / 2];
        double b = writtenLoops[repeats / 2];
        System.out.println(String.format(Locale.ROOT, "{\"benchmark\": \"custom_rule\", \"network\": "
                + "\"song_miller_abbott_1000\", \"duration_s\": %.1f, \"repeats\": %d, \"builtin_loop_s\": %.3f, "
                + "\"custom_loop_s\": %.3f, \"custom_over_builtin\": %.3f, \"builtin_all_s\": %s, "
                + "\"custom_all_s\": %s}", duration, repeats, a, b, b / a, Arrays.toString(builtInLoops),
                Arrays.toString(writtenLoops)));
    }
}
