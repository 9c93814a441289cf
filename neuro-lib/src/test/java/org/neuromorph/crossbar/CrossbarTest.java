package org.neuromorph.crossbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuromorph.units.Units.fJ;
import static org.neuromorph.units.Units.ohm;
import static org.neuromorph.units.Units.uS;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.neuromorph.crossbar.Crossbar.IrDrop;
import org.neuromorph.crossbar.Crossbar.Mapping;
import org.neuromorph.crossbar.Crossbar.Programming;
import org.neuromorph.device.DeviceModel;
import org.neuromorph.device.Devices;

class CrossbarTest {
    /** Continuous, noiseless, linear devices: the ideal cell. */
    private static DeviceModel ideal() {
        return new DeviceModel("ideal").range(uS(1), uS(101)).linear(1000);
    }

    private static double[][] randomMatrix(int rows, int cols, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] w = new double[rows][cols];
        for (double[] row : w) {
            for (int i = 0; i < cols; i++) {
                row[i] = rng.nextDouble(-1, 1);
            }
        }
        return w;
    }

    private static double[] randomVector(int n, long seed) {
        return new SplittableRandom(seed).doubles(n, -1, 1).toArray();
    }

    private static double[] product(double[][] w, double[] x) {
        double[] y = new double[w.length];
        for (int j = 0; j < w.length; j++) {
            for (int i = 0; i < x.length; i++) {
                y[j] += w[j][i] * x[i];
            }
        }
        return y;
    }

    @Test
    void idealCrossbarComputesTheMatrixProductBothWaysAndBothMappings() {
        double[][] w = randomMatrix(20, 30, 1);
        double[] x = randomVector(30, 2);
        double[] d = randomVector(20, 3);
        for (Mapping mapping : Mapping.values()) {
            Crossbar c = Crossbar.of(ideal(), 30, 20).mapping(mapping);
            c.program(w, Programming.IDEAL);
            double[] y = c.mvm(x);
            double[] expected = product(w, x);
            for (int j = 0; j < 20; j++) {
                assertEquals(expected[j], y[j], 1e-12, mapping + " output " + j);
            }
            double[] z = c.transpose(d);
            for (int i = 0; i < 30; i++) {
                double e = 0;
                for (int j = 0; j < 20; j++) {
                    e += w[j][i] * d[j];
                }
                assertEquals(e, z[i], 1e-12, mapping + " transpose " + i);
            }
        }
    }

    @Test
    void cachedIdealReadAgreesWithReadingEveryDevice() {
        double[][] w = randomMatrix(12, 9, 13);
        double[] x = randomVector(9, 14);
        for (Mapping mapping : Mapping.values()) {
            Crossbar fast = Crossbar.of(ideal(), 9, 12).mapping(mapping);
            // a read noise too small to change a digit sends the read through every device instead of the cache
            Crossbar slow = Crossbar.of(ideal().readNoise(1e-300), 9, 12).mapping(mapping);
            fast.program(w, Programming.IDEAL);
            slow.program(w, Programming.IDEAL);
            double[] a = fast.mvm(x);
            double[] b = slow.mvm(x);
            for (int j = 0; j < 12; j++) {
                assertEquals(b[j], a[j], 1e-12, mapping + " output " + j);
            }
            assertEquals(slow.report().arrayEnergy().si(), fast.report().arrayEnergy().si(),
                    1e-9 * slow.report().arrayEnergy().si());
            fast.devices().pulse(0, 5); // the cache follows the devices
            slow.devices().pulse(0, 5);
            assertEquals(slow.mvm(x)[0], fast.mvm(x)[0], 1e-12, "after a pulse");
        }
    }

    @Test
    void largeReadsSplitAcrossThreadsGiveTheSameResultWhoeverRunsThem() throws Exception {
        // 701 × 400 cells: above the size that splits the bit lines in two halves (one on the shared helper)
        double[][] w = randomMatrix(400, 701, 21);
        double[] x = randomVector(701, 22);
        Crossbar c = Crossbar.of(ideal(), 701, 400);
        c.program(w, Programming.IDEAL);
        double[] expected = product(w, x);
        double[] alone = c.mvm(x);
        for (int j = 0; j < 400; j++) {
            assertEquals(expected[j], alone[j], 1e-12, "output " + j);
        }
        // four threads reading at once: at most one has the helper, the others run both halves themselves, and
        // every result is the same to the bit
        Crossbar[] copies = new Crossbar[4];
        for (int k = 0; k < copies.length; k++) {
            copies[k] = Crossbar.of(ideal(), 701, 400);
            copies[k].program(w, Programming.IDEAL);
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<double[]>> results = new java.util.ArrayList<>();
            for (Crossbar copy : copies) {
                results.add(pool.submit(() -> {
                    double[] last = null;
                    for (int r = 0; r < 50; r++) {
                        last = copy.mvm(x);
                    }
                    return last;
                }));
            }
            for (java.util.concurrent.Future<double[]> result : results) {
                assertTrue(java.util.Arrays.equals(alone, result.get(60, java.util.concurrent.TimeUnit.SECONDS)));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void singlePrecisionReadsEqualTheProductToFloatRounding() {
        // 30 × 20 reads in one pass, 701 × 400 in two halves
        for (int[] size : new int[][] {{30, 20}, {701, 400}}) {
            int inputs = size[0];
            int outputs = size[1];
            double[][] w = randomMatrix(outputs, inputs, 31);
            double[] x = randomVector(inputs, 32);
            double[] expected = product(w, x);
            double[] bound = new double[outputs];
            for (int j = 0; j < outputs; j++) {
                // float32 rounding of each conductance, input, product and partial sum (unit u = 2^-24): the
                // worst case is (inputs + 2)·u of the terms' magnitude, but independent roundings add like a random
                // walk, within λ·√(inputs + 2)·u with probability 1 − 2·exp(−λ²/2) (Higham & Mary 2019); λ = 8
                for (int i = 0; i < inputs; i++) {
                    bound[j] += 8 * Math.sqrt(inputs + 2) * 0x1p-24 * Math.abs(w[j][i] * x[i]);
                }
            }
            for (Mapping mapping : Mapping.values()) {
                Crossbar c = Crossbar.of(ideal(), inputs, outputs).mapping(mapping)
                        .readPrecision(Crossbar.ReadPrecision.SINGLE);
                c.program(w, Programming.IDEAL);
                double[] y = c.mvm(x);
                boolean roundedAsFloat = false;
                for (int j = 0; j < outputs; j++) {
                    assertEquals(expected[j], y[j], bound[j], mapping + " " + inputs + "×" + outputs + " output " + j);
                    roundedAsFloat |= Math.abs(y[j] - expected[j]) > 1e-6 * bound[j];
                }
                assertTrue(roundedAsFloat, "the single-precision read went through float32 arithmetic");
                c.devices().pulse(0, 50); // the float cache follows the devices, and switching back rebuilds it
                double[] pulsed = c.mvm(x);
                c.readPrecision(Crossbar.ReadPrecision.DOUBLE);
                double[] exact = c.mvm(x);
                assertTrue(Math.abs(exact[0] - expected[0]) > 3 * bound[0], "the pulses moved output 0 farther than a "
                        + "stale cache could hide");
                for (int j = 0; j < outputs; j++) {
                    assertEquals(exact[j], pulsed[j], bound[j], mapping + " after a pulse, output " + j);
                }
            }
        }
    }

    private static double[] uniformColumnCurrents(int size, double wire) {
        double[] g = new double[size * size];
        java.util.Arrays.fill(g, 50e-6);
        double[] v = new double[size];
        java.util.Arrays.fill(v, 0.2);
        return new IrDropSolver(size, size).solve(g, v, wire, new double[size]);
    }

    @Test
    void irDropLowersFarCurrentsMoreWithSizeAndWireResistance() {
        double[] small = uniformColumnCurrents(16, 1);
        double ideal16 = 16 * 0.2 * 50e-6;
        for (int j = 1; j < 16; j++) {
            assertTrue(small[j] < small[j - 1], "columns farther from the drivers carry less current");
        }
        assertTrue(small[15] < ideal16, "below the ideal current");
        double drop16 = 1 - small[15] / ideal16;
        double drop64 = 1 - uniformColumnCurrents(64, 1)[63] / (64 * 0.2 * 50e-6);
        double drop16HighR = 1 - uniformColumnCurrents(16, 5)[15] / ideal16;
        assertTrue(drop64 > 4 * drop16, "grows with size: " + drop16 + " → " + drop64);
        assertTrue(drop16HighR > 4 * drop16, "grows with wire resistance: " + drop16 + " → " + drop16HighR);
    }

    @Test
    void fullSolveAgreesWithADenseDirectSolve() {
        int rows = 6;
        int cols = 5;
        double r = 20;
        SplittableRandom rng = new SplittableRandom(4);
        double[] g = rng.doubles(rows * cols, 1e-6, 1e-3).toArray();
        double[] v = rng.doubles(rows, -0.3, 0.3).toArray();
        double[] currents = new IrDropSolver(rows, cols).solve(g, v, r, new double[cols]);
        // the same network assembled independently as a dense nodal matrix and solved by EJML's LU
        int n = rows * cols;
        DMatrixRMaj a = new DMatrixRMaj(2 * n, 2 * n);
        DMatrixRMaj b = new DMatrixRMaj(2 * n, 1);
        double gw = 1 / r;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int word = i * cols + j;
                int bit = n + i * cols + j;
                conductance(a, word, bit, g[word]);
                if (j + 1 < cols) {
                    conductance(a, word, word + 1, gw);
                }
                if (i + 1 < rows) {
                    conductance(a, bit, bit + cols, gw);
                }
            }
            a.add(i * cols, i * cols, gw); // driver segment to the source v_i
            b.add(i * cols, 0, gw * v[i]);
        }
        for (int j = 0; j < cols; j++) {
            a.add(n + (rows - 1) * cols + j, n + (rows - 1) * cols + j, gw); // to virtual ground
        }
        DMatrixRMaj nodes = new DMatrixRMaj(2 * n, 1);
        assertTrue(CommonOps_DDRM.solve(a, b, nodes));
        for (int j = 0; j < cols; j++) {
            double expected = gw * nodes.get(n + (rows - 1) * cols + j, 0);
            assertEquals(expected, currents[j], 1e-9 * Math.abs(expected) + 1e-18, "column " + j);
        }
    }

    private static void conductance(DMatrixRMaj a, int p, int q, double value) {
        a.add(p, p, value);
        a.add(q, q, value);
        a.add(p, q, -value);
        a.add(q, p, -value);
    }

    @Test
    void firstOrderEstimateIsCloseWhileTheDropIsSmall() {
        int size = 32;
        double[] g = new SplittableRandom(5).doubles(size * size, 10e-6, 100e-6).toArray();
        double[] v = new SplittableRandom(6).doubles(size, 0, 0.2).toArray();
        double[] full = new IrDropSolver(size, size).solve(g, v, 1, new double[size]);
        double[] approx = IrDropSolver.firstOrder(g, v, 1, size, size, new double[size]);
        double[] ideal = new double[size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                ideal[j] += v[i] * g[i * size + j];
            }
        }
        double worstDrop = 0;
        double worstError = 0;
        for (int j = 0; j < size; j++) {
            worstDrop = Math.max(worstDrop, (ideal[j] - full[j]) / ideal[j]);
            worstError = Math.max(worstError, Math.abs(approx[j] - full[j]) / full[j]);
        }
        // 32 × 32 at 1 Ω and up to 100 µS: a drop of about 5 %; the first-order error is second order in it
        // (measured over 16²–256² and 0.5–2.5 Ω it stays below 2·drop² while the drop is under 20 %)
        assertTrue(worstDrop > 0.03, "a drop worth estimating: " + worstDrop);
        assertTrue(worstError < 2 * worstDrop * worstDrop, "first-order error " + worstError + " for a drop of "
                + worstDrop);
    }

    @Test
    void dacAndAdcBitsBoundTheError() {
        double[][] w = randomMatrix(8, 16, 7);
        double[] x = randomVector(16, 8);
        double[] exact = product(w, x);
        double previous = Double.POSITIVE_INFINITY;
        for (int bits : new int[] {4, 6, 8, 10}) {
            Crossbar c = Crossbar.of(ideal(), 16, 8).dac(bits, 1);
            c.program(w, Programming.IDEAL);
            double[] y = c.mvm(x);
            double lsb = 1.0 / ((1 << (bits - 1)) - 1);
            double worst = 0;
            for (int j = 0; j < 8; j++) {
                double bound = 0;
                for (int i = 0; i < 16; i++) {
                    bound += Math.abs(w[j][i]) * lsb / 2;
                }
                assertTrue(Math.abs(y[j] - exact[j]) <= bound + 1e-12, bits + "-bit DAC error within half an LSB per input");
                worst = Math.max(worst, Math.abs(y[j] - exact[j]));
            }
            assertTrue(worst < previous, "more DAC bits, less error");
            previous = worst;
        }
        for (int bits : new int[] {4, 8}) {
            Crossbar c = Crossbar.of(ideal(), 16, 8).adc(bits);
            c.program(w, Programming.IDEAL);
            double[] y = c.mvm(x);
            // full scale: 16 inputs at full drive over the whole window, i.e. 16 weight units
            double halfLsb = 16.0 / ((1 << (bits - 1)) - 1) / 2;
            for (int j = 0; j < 8; j++) {
                assertEquals(exact[j], y[j], halfLsb + 1e-12, bits + "-bit ADC");
            }
        }
    }

    @Test
    void programAndVerifyReachesItsToleranceAndOpenLoopDoesNot() {
        double[][] w = randomMatrix(16, 16, 9);
        Crossbar verified = Crossbar.of(Devices.rram().d2d(0), 16, 16).seed(3);
        Crossbar.ProgramReport report = verified.program(w, Programming.VERIFY);
        // each device within 1 % of the window; a weight is the difference of two devices
        double tolerance = 2 * 0.01 * 95e-6 / verified.scale();
        for (double e : report.weightErrors()) {
            assertTrue(Math.abs(e) <= tolerance + 1e-12, "verified within tolerance: " + e);
        }
        assertTrue(report.pulses() > 0);
        assertEquals(report.pulses() * 1e-12, report.energy(), 1e-9 * report.energy(), "1 pJ per pulse");
        Crossbar open = Crossbar.of(Devices.rram().d2d(0), 16, 16).seed(3);
        double openError = open.program(w, Programming.OPEN_LOOP).rmsError();
        assertTrue(openError > 2 * report.rmsError(), "open loop on a nonlinear device misses: " + openError
                + " vs " + report.rmsError());
    }

    @Test
    void tilesAddUpToTheWholeProduct() {
        double[][] w = randomMatrix(200, 300, 10);
        double[] x = randomVector(300, 11);
        TiledCrossbar tiled = new TiledCrossbar(300, 200, 128, 64,
                (in, out, index) -> Crossbar.of(ideal(), in, out).seed(index));
        assertEquals(3 * 4, tiled.tileCount());
        tiled.program(w, Programming.IDEAL);
        double[] y = tiled.mvm(x);
        double[] expected = product(w, x);
        for (int j = 0; j < 200; j++) {
            assertEquals(expected[j], y[j], 1e-11, "output " + j);
        }
        assertTrue(tiled.energyPerRead().si() > 0);
    }

    @Test
    void outerProductUpdatesMoveTheWeightsAsAsked() {
        double[][] w = new double[4][6];
        double[] x = {1, -0.5, 0.25, 0, 0.75, -1};
        double[] d = {0.5, -1, 0.2, 0.8};
        Crossbar counted = Crossbar.of(ideal(), 6, 4).mapping(Mapping.REFERENCE_COLUMN);
        counted.program(w, Programming.IDEAL, 1);
        counted.update(x, d, 0.1, Crossbar.Update.PULSE_COUNT);
        double step = 100e-6 / 1000 / counted.scale(); // one pulse, in weight units
        double[][] after = counted.weights();
        for (int j = 0; j < 4; j++) {
            for (int i = 0; i < 6; i++) {
                assertEquals(0.1 * d[j] * x[i], after[j][i], step, "pulse-count update of w[" + j + "][" + i + "]");
            }
        }
        // stochastic coincidences: unbiased on average over many updates
        Crossbar rpu = Crossbar.of(ideal(), 6, 4).mapping(Mapping.REFERENCE_COLUMN).seed(12);
        rpu.program(w, Programming.IDEAL, 1);
        int updates = 400;
        for (int u = 0; u < updates; u++) {
            rpu.update(x, d, 0.001, Crossbar.Update.STOCHASTIC);
        }
        double[][] learned = rpu.weights();
        for (int j = 0; j < 4; j++) {
            for (int i = 0; i < 6; i++) {
                double expected = updates * 0.001 * d[j] * x[i];
                // pulse counts are binomial: σ ≤ sqrt(expected pulses) steps
                double sigma = Math.sqrt(Math.abs(expected) / step + 1) * step;
                assertEquals(expected, learned[j][i], 5 * sigma, "stochastic update of w[" + j + "][" + i + "]");
            }
        }
    }

    @Test
    void transposeReadsThroughTheWiresAreTheForwardTransferTransposed() {
        // reciprocity of a linear resistive network: driving bit line j and sensing word line i gives the same
        // transfer as driving word line i and sensing bit line j, so with IR drop z = Tᵀ·d where y = T·x
        int in = 12;
        int out = 7;
        SplittableRandom rng = new SplittableRandom(21);
        double[][] w = new double[out][in];
        for (double[] row : w) {
            for (int i = 0; i < in; i++) {
                row[i] = rng.nextDouble(-1, 1);
            }
        }
        Crossbar xb = Crossbar.of(ideal(), in, out).wireResistance(ohm(5), IrDrop.FULL);
        xb.program(w, Programming.IDEAL);
        double[][] forward = new double[out][in];
        for (int i = 0; i < in; i++) {
            double[] x = new double[in];
            x[i] = 1;
            double[] y = xb.mvm(x);
            for (int j = 0; j < out; j++) {
                forward[j][i] = y[j];
            }
        }
        double largestDrop = 0;
        for (int j = 0; j < out; j++) {
            double[] d = new double[out];
            d[j] = 1;
            double[] z = xb.transpose(d);
            for (int i = 0; i < in; i++) {
                assertEquals(forward[j][i], z[i], 1e-9, "T[" + j + "][" + i + "]");
                largestDrop = Math.max(largestDrop, Math.abs(w[j][i] - z[i]));
            }
        }
        assertTrue(largestDrop > 1e-3, "the wires change the transpose read: " + largestDrop);
    }

    @Test
    void mixedPrecisionStopsPulsingDevicesAtTheirBounds() {
        // every update pushes every weight up: the devices reach the top of their (device-to-device varied)
        // windows, the high-precision copy stops there, and no further pulses are sent
        for (Crossbar.Mapping mapping : Crossbar.Mapping.values()) {
            Crossbar xb = Crossbar.of(Devices.rram(), 4, 3).mapping(mapping).seed(11);
            xb.program(new double[3][4], Crossbar.Programming.IDEAL, 1.0);
            double[] ones4 = {1, 1, 1, 1};
            double[] ones3 = {1, 1, 1};
            for (int n = 0; n < 200; n++) {
                xb.update(ones4, ones3, 0.05, Crossbar.Update.MIXED_PRECISION);
            }
            long saturated = xb.devices().totalPulses() + (mapping == Crossbar.Mapping.DIFFERENTIAL
                    ? xb.otherDevices().totalPulses() : 0);
            for (int n = 0; n < 200; n++) {
                xb.update(ones4, ones3, 0.05, Crossbar.Update.MIXED_PRECISION);
            }
            long later = xb.devices().totalPulses() + (mapping == Crossbar.Mapping.DIFFERENTIAL
                    ? xb.otherDevices().totalPulses() : 0);
            assertEquals(saturated, later, mapping + ": no pulses once the devices hold their largest weight");
            // and a push the other way moves them at once (the copy did not run away beyond the bound)
            xb.update(ones4, ones3, -0.2, Crossbar.Update.MIXED_PRECISION);
            assertTrue(xb.devices().totalPulses() + (mapping == Crossbar.Mapping.DIFFERENTIAL
                    ? xb.otherDevices().totalPulses() : 0) > later, mapping + ": the way back answers at once");
        }
    }

    @Test
    void mixedPrecisionUpdatesTrackTheIntendedWeightsOnNonlinearDevices() {
        // 3000 small zero-mean outer-product updates on the nonlinear, asymmetric RRAM preset: pulse counts drift
        // away from the intended weights (each step's size depends on the state, and up and down steps differ),
        // mixed precision stays within about a step of them
        int in = 16;
        int out = 8;
        double[][] start = new double[out][in];
        double[][] intended = new double[out][in];
        double[] rms = new double[2];
        Crossbar.Update[] ways = {Crossbar.Update.PULSE_COUNT, Crossbar.Update.MIXED_PRECISION};
        for (int w = 0; w < 2; w++) {
            Crossbar xb = Crossbar.of(Devices.rram(), in, out).mapping(Crossbar.Mapping.REFERENCE_COLUMN).seed(3);
            xb.program(start, Crossbar.Programming.IDEAL, 1.0);
            java.util.SplittableRandom rng = new java.util.SplittableRandom(17);
            for (double[] row : intended) {
                java.util.Arrays.fill(row, 0);
            }
            for (int n = 0; n < 3000; n++) {
                double[] x = rng.doubles(in, -1, 1).toArray();
                double[] d = rng.doubles(out, -1, 1).toArray();
                xb.update(x, d, 0.01, ways[w]);
                for (int j = 0; j < out; j++) {
                    for (int i = 0; i < in; i++) {
                        intended[j][i] += 0.01 * x[i] * d[j];
                    }
                }
            }
            double[][] held = xb.weights();
            double sum = 0;
            for (int j = 0; j < out; j++) {
                for (int i = 0; i < in; i++) {
                    sum += (held[j][i] - intended[j][i]) * (held[j][i] - intended[j][i]);
                }
            }
            rms[w] = Math.sqrt(sum / (in * out));
        }
        double step = 2.0 / Devices.rram().pulseRange(); // weight per nominal step: window 2 × max weight 1
        assertTrue(rms[1] < 1.5 * step, "mixed precision within about a step: rms " + rms[1] + ", step " + step);
        assertTrue(rms[0] > 3 * rms[1], "pulse counts drift: rms " + rms[0] + " against " + rms[1]);
    }

    @Test
    void reportsEnergyLatencyAreaAndTheDigitalBaseline() {
        Crossbar c = Crossbar.of(ideal(), 4, 2).adc(8).dac(6, 1);
        c.program(new double[][] {{1, 0, 0, 0}, {0, 0, 0, 0}}, Programming.IDEAL);
        c.mvm(new double[] {1, 1, 1, 1});
        Crossbar.Report r = c.report();
        // array: every device at 0.2 V for 100 ns; G+ = 101 µS for the 1 and 1 µS for the other 15 devices
        double expected = 0.04 * (101e-6 + 15 * 1e-6) * 100e-9;
        assertEquals(expected, r.arrayEnergy().si(), 1e-24);
        assertEquals(2 * Periphery.ADC_FOM * 256, r.adcEnergy().si(), 1e-24);
        assertEquals(4 * Periphery.DAC_FOM * 64, r.dacEnergy().si(), 1e-24);
        // a design's own converters: 20 fJ and 2 fJ per step, the array unchanged
        Crossbar own = Crossbar.of(ideal(), 4, 2).adc(8).dac(6, 1).adcEnergyPerStep(fJ(20)).dacEnergyPerStep(fJ(2));
        own.program(new double[][] {{1, 0, 0, 0}, {0, 0, 0, 0}}, Programming.IDEAL);
        own.mvm(new double[] {1, 1, 1, 1});
        assertEquals(2 * 20e-15 * 256, own.report().adcEnergy().si(), 1e-24);
        assertEquals(4 * 2e-15 * 64, own.report().dacEnergy().si(), 1e-24);
        assertEquals(r.arrayEnergy(), own.report().arrayEnergy());
        assertThrows(IllegalArgumentException.class, () -> own.adcEnergyPerStep(fJ(-1)));
        assertEquals(16 * 4, r.areaF2(), 0);
        assertEquals(8 * (0.2e-12 + 0.03e-12 + 1.25e-12), r.digitalEnergy().si(), 1e-24);
        assertTrue(r.latency().si() > 100e-9);
        var e = assertThrows(IllegalStateException.class, () -> Crossbar.of(ideal(), 2, 2).mvm(new double[2]));
        assertTrue(e.getMessage().contains("program the crossbar first"), e.getMessage());
    }

    @Test
    void irDropThroughTheCrossbarLowersOutputs() {
        double[][] w = new double[8][64];
        for (double[] row : w) {
            java.util.Arrays.fill(row, 1);
        }
        double[] x = new double[64];
        java.util.Arrays.fill(x, 1);
        Crossbar c = Crossbar.of(ideal(), 64, 8).wireResistance(ohm(2.5), IrDrop.FULL);
        c.program(w, Programming.IDEAL);
        double[] y = c.mvm(x);
        // 64 rows of 101 µS cells at 2.5 Ω: the outputs fall below the ideal 64, more the farther from the drivers
        for (int j = 0; j < 8; j++) {
            assertTrue(y[j] < 64 && y[j] > 0, "IR drop lowers output " + j + ": " + y[j]);
            if (j > 0) {
                assertTrue(y[j] < y[j - 1], "farther columns lose more");
            }
        }
    }
}
