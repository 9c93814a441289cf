package org.neuromorph.plasticity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuromorph.units.Units.Hz;
import static org.neuromorph.units.Units.ms;

import org.junit.jupiter.api.Test;
import org.neuromorph.units.Frequency;
import org.neuromorph.units.Time;

/** The STDP window of Bi & Poo and the frequency dependence of Sjöström et al., from the pairing protocols. */
class StdpProtocolTest {
    private static final Time DT = ms(0.1);

    @Test
    void pairRuleReproducesTheBiPooWindow() {
        PairStdp rule = PairStdp.biPoo(0.8, 0.4);
        double[] deltas = {-60, -40, -20, -10, -5, -1, 1, 5, 10, 20, 40, 60};
        Time[] times = new Time[deltas.length];
        for (int k = 0; k < deltas.length; k++) {
            times[k] = ms(deltas[k]);
        }
        // one isolated pairing: exactly the exponential window (Δt on the 0.1 ms grid, so to rounding)
        double[] single = StdpProtocols.window(rule, 0.5, 1, Hz(1), DT, times);
        for (int k = 0; k < deltas.length; k++) {
            double expected = deltas[k] > 0 ? 0.8 * Math.exp(-deltas[k] / 16.8) : -0.4 * Math.exp(deltas[k] / 33.7);
            assertEquals(expected, single[k], 1e-12, "Δt = " + deltas[k] + " ms");
        }
        // the shape of the measured window: LTP for Δt > 0, LTD for Δt < 0, both shrinking with |Δt|, and the
        // decay constants recovered from the protocol's output (log-slope between 10 and 40 ms)
        double tauPlus = 30 / Math.log(single[8] / single[10]);
        double tauMinus = 30 / Math.log(single[3] / single[1]);
        assertEquals(16.8, tauPlus, 1e-9);
        assertEquals(33.7, tauMinus, 1e-9);
        // 60 pairings at 1 Hz are 60 isolated pairs: the pair rule is frequency independent there
        double sixty = StdpProtocols.pairing(rule, 0, 60, ms(10), Hz(1), DT);
        assertEquals(60 * single[8], sixty, 1e-12 * sixty);
    }

    @Test
    void softBoundsKeepMultiplicativeStdpInside() {
        PairStdp rule = new PairStdp().amplitudes(0.2, 0.2).multiplicative().bounds(0, 1);
        double up = StdpProtocols.pairing(rule, 0.5, 200, ms(5), Hz(5), DT);
        double down = StdpProtocols.pairing(rule, 0.5, 200, ms(-5), Hz(5), DT);
        assertTrue(0.5 + up <= 1 && 0.5 + up > 0.99, "potentiation saturates below w_max: " + (0.5 + up));
        assertTrue(0.5 + down >= 0 && 0.5 + down < 0.01, "depression saturates above w_min: " + (0.5 + down));
        // the first step of a soft-bound rule scales with the distance to the bound
        double first = StdpProtocols.pairing(rule, 0.75, 1, ms(5), Hz(5), DT);
        assertEquals(0.2 * 0.25 * Math.exp(-5 / 20.0), first, 1e-12);
    }

    @Test
    void tripletRuleReproducesSjostromFrequencyDependence() {
        TripletStdp rule = TripletStdp.visualCortexAllToAllMinimal();
        Frequency[] frequencies = {Hz(0.1), Hz(10), Hz(20), Hz(40), Hz(50)};
        double[] plus = StdpProtocols.frequencyDependence(rule, 1, 60, ms(10), DT, frequencies);
        double[] minus = StdpProtocols.frequencyDependence(rule, 1, 60, ms(-10), DT, frequencies);
        // at 0.1 Hz the pairs are isolated: the minimal model (A2+ = 0) gives no LTP for +10 ms, and for −10 ms
        // exactly 60 × A2− e^(−10/33.7) of LTD (the other traces have decayed to e^(−10 s/τ) ≈ 0)
        assertEquals(0, plus[0], 1e-12);
        assertEquals(-60 * 7.1e-3 * Math.exp(-10 / 33.7), minus[0], 1e-9);
        // −10 ms pairings depress at low frequency (0.1–20 Hz); at 40–50 Hz both orders potentiate, +10 ms at least
        // as much (Sjöström et al. 2001, Fig. 7; Pfister & Gerstner 2006, Fig. 5). +10 ms LTP grows with frequency.
        for (int k = 0; k < 3; k++) {
            assertTrue(minus[k] < 0, "−10 ms depresses at " + frequencies[k] + ": " + minus[k]);
        }
        for (int k = 3; k < frequencies.length; k++) {
            assertTrue(plus[k] > 0 && minus[k] > 0, "LTP for both orders at " + frequencies[k] + ": " + plus[k]
                    + ", " + minus[k]);
        }
        for (int k = 0; k < frequencies.length; k++) {
            assertTrue(plus[k] >= minus[k], "+10 ms at least −10 ms at " + frequencies[k]);
            if (k > 0) {
                assertTrue(plus[k] > plus[k - 1], "+10 ms LTP grows with frequency");
            }
        }
        // the pair rule cannot: at 50 Hz its ±10 ms pairings see the same spike pattern and give the same change
        PairStdp pair = new PairStdp().amplitudes(6.5e-3, 7.1e-3).timeConstants(ms(16.8), ms(33.7)).bounds(0, 10);
        double pairPlus = StdpProtocols.pairing(pair, 1, 60, ms(10), Hz(50), DT);
        double pairMinus = StdpProtocols.pairing(pair, 1, 60, ms(-10), Hz(50), DT);
        // (the same up to the first and last of the 60 pairings), and with A−τ− > A+τ+ it depresses: no LTP
        assertEquals(pairPlus, pairMinus, 0.05 * Math.abs(pairPlus), "pair rule: no order preference at 50 Hz");
        assertTrue(pairPlus < 0 && pairMinus < 0, "pair rule depresses at 50 Hz: " + pairPlus + ", " + pairMinus);
    }

    @Test
    void tripletRuleMatchesItsEquationsOnATriplet() {
        // pre at 0, post at 10 ms, post at 20 ms; full all-to-all set. By hand: second post sees r1 = e^(−20/16.8)
        // and o2 = e^(−10/125) from the first post.
        TripletStdp rule = TripletStdp.visualCortexAllToAll();
        Learning learning = rule.instantiate(1, 1, 1, 1e-4);
        int[] one = {0};
        double[] w = {1};
        learning.onPre(0, 0, 0, 1, one, w);
        learning.onPost(100, 0, one, 0, 1, one, w);
        learning.onPost(200, 0, one, 0, 1, one, w);
        double first = Math.exp(-10 / 16.8) * 5e-10;
        double second = Math.exp(-20 / 16.8) * (5e-10 + 6.2e-3 * Math.exp(-10 / 125.0));
        assertEquals(1 + first + second, w[0], 1e-12);
    }

    @Test
    void hippocampalSetsReproduceTheTripletAsymmetryOfHippocampalCultures() {
        // Wang et al. 2005 (the data of Pfister & Gerstner 2006, Table 4): 60 triplets at 1 Hz with 5 ms gaps;
        // post-pre-post potentiates strongly while pre-post-pre, the same spikes in the other order, changes the
        // weight little. A pair rule cannot tell them apart (both hold one +5 ms and one −5 ms pair). The sets
        // were fitted to these data; the bounds below are the qualitative result, wide enough for fit spread.
        TripletStdp[] sets = {TripletStdp.hippocampalAllToAll(), TripletStdp.hippocampalAllToAllMinimal(),
            TripletStdp.hippocampalNearest()};
        for (TripletStdp rule : sets) {
            double prePostPre = StdpProtocols.triplet(rule, 1, 60, true, ms(5), ms(5), Hz(1), DT);
            double postPrePost = StdpProtocols.triplet(rule, 1, 60, false, ms(5), ms(5), Hz(1), DT);
            assertTrue(postPrePost > 0.25, rule + ": post-pre-post potentiates, got " + postPrePost);
            assertTrue(Math.abs(prePostPre) < 0.1, rule + ": pre-post-pre changes little, got " + prePostPre);
            // and the pairing window of Bi & Poo's hippocampal cultures: LTP for +10 ms, LTD for −10 ms
            assertTrue(StdpProtocols.pairing(rule, 1, 60, ms(10), Hz(1), DT) > 0.1, rule + ": +10 ms LTP");
            assertTrue(StdpProtocols.pairing(rule, 1, 60, ms(-10), Hz(1), DT) < -0.05, rule + ": −10 ms LTD");
        }
        // the visual cortex minimal set, fitted to other data, depresses for both orders
        TripletStdp cortex = TripletStdp.visualCortexAllToAllMinimal();
        assertTrue(StdpProtocols.triplet(cortex, 1, 60, false, ms(5), ms(5), Hz(1), DT) < 0);
    }

    @Test
    void aTripletFollowsTheRuleByHand() {
        // post at 0, pre at 5 ms, post at 10 ms, hippocampal all-to-all: the pre spike reads o1 = e^(−5/33.7) (r2 = 0
        // before it), the second post reads r1 = e^(−5/16.8) and o2 = e^(−10/27) from the first post
        double change = StdpProtocols.triplet(TripletStdp.hippocampalAllToAll(), 1, 1, false, ms(5), ms(5), Hz(1), DT);
        double byHand = -Math.exp(-5 / 33.7) * 1.6e-3 + Math.exp(-5 / 16.8) * (6.1e-3 + 6.7e-3 * Math.exp(-10 / 27.0));
        assertEquals(byHand, change, 1e-12);
        // a pattern with negative times is shifted, not cut: post at −10 ms is the same run as post at 0, pre at 10
        double negative = StdpProtocols.pattern(TripletStdp.hippocampalAllToAll(), 1, 3, Hz(2), DT,
                new Time[] {ms(0)}, new Time[] {ms(-10)});
        double explicit = StdpProtocols.pattern(TripletStdp.hippocampalAllToAll(), 1, 3, Hz(2), DT,
                new Time[] {ms(10)}, new Time[] {ms(0)});
        assertEquals(explicit, negative, 0);
        assertTrue(negative < 0, "post before pre depresses: " + negative);
    }
}
