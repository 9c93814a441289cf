package org.neuromorph.device;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuromorph.units.Units.s;
import static org.neuromorph.units.Units.uS;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Each non-ideality measured on a population. Statistical checks use 20000 devices and bands of five standard
 * errors (a false alarm about once in 1.7 million runs; the seeds are fixed, so the tests are deterministic).
 */
class DeviceTest {
    private static final int N = 20_000;

    private static double mean(double[] x) {
        return Arrays.stream(x).average().orElse(Double.NaN);
    }

    private static double sd(double[] x) {
        double m = mean(x);
        return Math.sqrt(Arrays.stream(x).map(v -> (v - m) * (v - m)).sum() / (x.length - 1));
    }

    private static void assertWithin5Se(double expected, double[] samples, String what) {
        double se = sd(samples) / Math.sqrt(samples.length);
        assertEquals(expected, mean(samples), 5 * se, what);
    }

    /** The sample sd of n normal draws has standard error ≈ σ/√(2n). */
    private static void assertSdWithin5Se(double expected, double[] samples, String what) {
        assertEquals(expected, sd(samples), 5 * expected / Math.sqrt(2.0 * samples.length), what);
    }

    @Test
    void driftFollowsThePowerLaw() {
        DeviceArray d = new DeviceModel("drifting").range(uS(1), uS(50)).drift(0.05, 0, s(20)).create(1, 1);
        d.program(0, 30e-6, 0, 1000);
        double g0 = d.read(0, 20);
        for (double t : new double[] {200, 2000, 2e4, 2e5}) {
            double slope = Math.log(d.read(0, t) / g0) / Math.log(t / 20);
            assertEquals(-0.05, slope, 1e-12, "d ln G / d ln t at " + t + " s");
        }
        assertEquals(d.state(0), d.read(0, 10), 0, "no drift before t0");
    }

    @Test
    void pcmDriftExponentsAndProgrammingNoiseFollowTheStatisticalModel() {
        DeviceArray pcm = Devices.pcm().c2c(0).create(N, 2);
        double gT = 0.05;
        double[] nu = new double[N];
        for (int k = 0; k < N; k++) {
            pcm.program(k, gT * 25e-6, 0, 100);
            nu[k] = pcm.driftExponent(k);
        }
        assertWithin5Se(-0.0155 * Math.log(gT) + 0.0244, nu, "mean drift exponent at g_T = 0.05");
        assertSdWithin5Se(-0.0125 * Math.log(gT) - 0.0059, nu, "spread of the drift exponent");
        DeviceArray mid = Devices.pcm().c2c(0).create(N, 3);
        double[] error = new double[N];
        for (int k = 0; k < N; k++) {
            mid.program(k, 12.5e-6, 0, 100);
            error[k] = (mid.state(k) - 12.5e-6) * 1e6;
        }
        assertSdWithin5Se(-1.1731 * 0.25 + 1.9650 * 0.5 + 0.2635, error, "programming noise at g_T = 0.5 (µS)");
        assertWithin5Se(0, error, "programming is unbiased");
    }

    @Test
    void kLevelsGiveExactlyKStates() {
        DeviceArray d = new DeviceModel("8 levels").range(uS(0), uS(70)).linear(30).levels(8).c2c(0.05).create(50, 4);
        SplittableRandom walk = new SplittableRandom(9);
        java.util.Set<Double> seen = new java.util.TreeSet<>();
        for (int step = 0; step < 4000; step++) {
            int k = walk.nextInt(50);
            d.pulse(k, walk.nextBoolean() ? 3 : -3);
            seen.add(d.state(k));
        }
        assertEquals(8, seen.size(), "states: " + seen);
        for (double g : seen) {
            assertEquals(0, (g / 10e-6) - Math.round(g / 10e-6), 1e-9, "on the 10 µS grid: " + g);
        }
    }

    @Test
    void variabilityMatchesItsParameters() {
        DeviceArray d2d = new DeviceModel("d2d").range(uS(10), uS(100)).linear(100).d2d(0.05).create(N, 5);
        double[] relative = new double[N];
        for (int k = 0; k < N; k++) {
            relative[k] = d2d.gMax(k) / 100e-6;
        }
        assertWithin5Se(1, relative, "G_max is centred on its nominal value");
        assertSdWithin5Se(0.05, relative, "device-to-device spread of G_max");

        DeviceArray c2c = new DeviceModel("c2c").range(uS(0), uS(100)).linear(100).c2c(0.02).create(N, 6);
        double[] step = new double[N];
        for (int k = 0; k < N; k++) {
            c2c.pulse(k, 50); // to mid-window, far from the bounds
            double before = c2c.state(k);
            c2c.pulse(k, 1);
            step[k] = (c2c.state(k) - before) / 100e-6;
        }
        assertWithin5Se(0.01, step, "mean step: one hundredth of the window");
        assertSdWithin5Se(0.02, step, "cycle-to-cycle σ of a step");

        DeviceArray noisy = new DeviceModel("read").range(uS(0), uS(100)).linear(10).readNoise(0.03).create(1, 7);
        noisy.pulse(0, 5);
        double[] reads = new double[N];
        for (int r = 0; r < N; r++) {
            reads[r] = noisy.read(0, 0) / noisy.state(0);
        }
        assertWithin5Se(1, reads, "reads are unbiased");
        assertSdWithin5Se(0.03, reads, "read noise σ");
    }

    @Test
    void everyResponseStaysInItsBounds() {
        for (DeviceModel m : new DeviceModel[] {Devices.rram().c2c(0.2), Devices.rramBinary(), Devices.pcm(),
                Devices.fefet(), Devices.sttMram(), Devices.flash().c2c(0.5), Devices.sram(4)}) {
            DeviceArray d = m.create(200, 8);
            SplittableRandom walk = new SplittableRandom(10);
            for (int step = 0; step < 20_000; step++) {
                int k = walk.nextInt(200);
                d.pulse(k, walk.nextInt(-5, 6));
                assertTrue(d.state(k) >= d.gMin(k) && d.state(k) <= d.gMax(k), m + ": " + d.state(k));
            }
        }
    }

    @Test
    void nonlinearAsymmetricUpdatesFollowNeuroSimsCurves() {
        double a = 10;
        DeviceArray d = new DeviceModel("nl").range(uS(0), uS(100)).nonlinear(50, a, 25).create(1, 11);
        double b = 100e-6 / (1 - Math.exp(-50 / a));
        double[] up = new double[51];
        for (int p = 1; p <= 50; p++) {
            d.pulse(0, 1);
            up[p] = d.state(0);
            assertEquals(b * (1 - Math.exp(-p / a)), up[p], 1e-15, "G_P after " + p + " pulses");
        }
        assertEquals(100e-6, up[50], 1e-15, "P_max pulses cross the window");
        assertTrue(up[1] - up[0] > 5 * (up[50] - up[49]), "potentiation steps shrink along the curve");
        // depression with its own A: from the top, 25 pulses of A_d = 25 leave G higher than 25 pulses of
        // potentiation with A_p = 10 reach from the bottom: the two directions differ
        double[] down = new double[51];
        down[0] = d.state(0);
        for (int p = 1; p <= 50; p++) {
            d.pulse(0, -1);
            down[p] = d.state(0);
        }
        assertEquals(0, down[50], 1e-15, "P_max depressing pulses cross back");
        assertTrue(down[0] - down[1] > down[49] - down[50], "depression steps shrink too");
        assertTrue(Math.abs((down[0] - down[25]) - (up[25] - up[0])) > 10e-6, "asymmetric: "
                + (down[0] - down[25]) + " down vs " + (up[25] - up[0]) + " up in 25 pulses");
    }

    @Test
    void stuckDevicesNeverMoveAndWornOutOnesStop() {
        DeviceArray d = new DeviceModel("faulty").range(uS(1), uS(11)).linear(10).stuck(0.1, 0.05).create(N, 12);
        double[] on = new double[N];
        double[] off = new double[N];
        for (int k = 0; k < N; k++) {
            on[k] = d.stuck(k) && d.state(k) == d.gMax(k) ? 1 : 0;
            off[k] = d.stuck(k) && d.state(k) == d.gMin(k) ? 1 : 0;
            double before = d.state(k);
            boolean stuck = d.stuck(k);
            d.pulse(k, 4);
            d.pulse(k, -2);
            if (stuck) {
                assertEquals(before, d.state(k), 0, "stuck device " + k + " moved");
            }
        }
        assertWithin5Se(0.1, on, "stuck-on fraction");
        assertWithin5Se(0.05, off, "stuck-off fraction");

        DeviceArray worn = new DeviceModel("wearing").range(uS(0), uS(10)).linear(10).endurance(25).create(1, 13);
        for (int cycle = 0; cycle < 3; cycle++) {
            worn.pulse(0, 10);
            worn.pulse(0, -10);
        }
        assertEquals(25, worn.pulseCount(0), "no pulse counts after wear-out");
        assertTrue(worn.stuck(0));
        assertEquals(5e-6, worn.state(0), 1e-15, "frozen where the 25th pulse left it");
    }

    @Test
    void pcmResetIsAbruptAndSetGradual() {
        DeviceArray pcm = Devices.pcm().c2c(0).create(1, 14);
        pcm.pulse(0, 5);
        double afterSet = pcm.state(0);
        assertTrue(afterSet > pcm.gMin(0) && afterSet < 0.8 * pcm.gMax(0), "five SET pulses: partway " + afterSet);
        pcm.pulse(0, -1);
        assertEquals(pcm.gMin(0), pcm.state(0), 0, "one RESET pulse: back to G_min");
    }

    @Test
    void stochasticAndDomainSwitchingHappenAtTheirRates() {
        DeviceArray stt = Devices.sttMram().create(N, 15);
        double[] switched = new double[N];
        for (int k = 0; k < N; k++) {
            stt.pulse(k, 1);
            switched[k] = stt.state(k) == stt.gMax(k) ? 1 : 0;
            assertTrue(stt.state(k) == stt.gMax(k) || stt.state(k) == stt.gMin(k), "binary");
        }
        assertWithin5Se(1 - Math.exp(-10 * Math.exp(-60 * 0.05)), switched, "STT switching probability");

        DeviceArray fefet = Devices.fefet().d2d(0).create(N, 16);
        double[] fraction = new double[N];
        for (int k = 0; k < N; k++) {
            fefet.pulse(k, 1);
            fraction[k] = (fefet.state(k) - fefet.gMin(k)) / (fefet.gMax(k) - fefet.gMin(k));
        }
        assertWithin5Se(0.1, fraction, "a pulse flips a fraction q of the domains");
    }

    @Test
    void theSameSeedGivesTheSamePopulationAndHistory() {
        DeviceArray a = Devices.rram().create(1000, 42);
        DeviceArray b = Devices.rram().create(1000, 42);
        DeviceArray c = Devices.rram().create(1000, 43);
        for (int k = 0; k < 1000; k++) {
            a.pulse(k, 7);
            b.pulse(k, 7);
            c.pulse(k, 7);
        }
        assertArrayEquals(a.states(), b.states());
        DeviceArray.Device view = a.device(3);
        view.pulse(-2);
        assertEquals(view.conductance(), a.state(3), 0, "a device is a view onto its array");
        assertTrue(view.toString().startsWith("RRAM (HfOx, analog) device 3:"), view.toString());
        assertFalse(Arrays.equals(a.states(), c.states()), "another seed, another population");
    }

    @Test
    void programAndVerifyReachesItsTargetAndCountsEnergy() {
        DeviceArray rram = Devices.rram().create(100, 17);
        for (int k = 0; k < 100; k++) {
            int used = rram.program(k, 60e-6, 0, 500);
            assertTrue(used < 500, "converged in " + used + " pulses");
            assertEquals(60e-6, rram.state(k), 0.01 * (rram.gMax(k) - rram.gMin(k)), "within tolerance");
        }
        assertEquals(rram.totalPulses() * 1e-12, rram.energy(), 1e-18, "1 pJ per pulse");
        double before = rram.energy();
        double g = rram.read(0, 0);
        assertEquals(0.2 * 0.2 * g * 100e-9, rram.energy() - before, 1e-24, "a read costs V²·G·t");
        var e = assertThrows(IllegalArgumentException.class, () -> new DeviceModel("x").range(uS(5), uS(1)));
        assertTrue(e.getMessage().contains("G_min < G_max"), e.getMessage());
    }
}
