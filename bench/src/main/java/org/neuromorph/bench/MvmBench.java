package org.neuromorph.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.neuromorph.crossbar.Crossbar;
import org.neuromorph.crossbar.IrDropSolver;
import org.neuromorph.device.DeviceModel;
import org.neuromorph.units.Units;

/**
 * Ideal crossbar reads (y = W·x on noiseless linear devices, no IR drop, ideal periphery) of n × n matrices in
 * float64 ("mvm") and float32 ("mvm_float32", {@link Crossbar.ReadPrecision#SINGLE}), in GFLOP/s as 2n²/t (median
 * of 5 timings of repeated reads, after a second of reads of the same crossbar), and the full
 * IR-drop solve of n × n arrays; one JSON line. Args: sizes (default 128 256 512 1024 2048 4096).
 */
public final class MvmBench {
    private MvmBench() {
    }

    public static void main(String[] args) {
        int[] sizes = args.length > 0 ? Arrays.stream(args).mapToInt(Integer::parseInt).toArray()
                : new int[] {128, 256, 512, 1024, 2048, 4096};
        DeviceModel ideal = new DeviceModel("ideal").range(Units.uS(1), Units.uS(101)).linear(1000);
        Crossbar.ReadPrecision[] precisions = Crossbar.ReadPrecision.values();
        StringBuilder[] rows = new StringBuilder[precisions.length];
        double sink = 0;
        for (int n : sizes) {
            SplittableRandom rng = new SplittableRandom(n);
            double[][] w = new double[n][n];
            for (double[] row : w) {
                for (int i = 0; i < n; i++) {
                    row[i] = rng.nextDouble(-1, 1);
                }
            }
            double[] x = rng.doubles(n, -1, 1).toArray();
            for (int p = 0; p < precisions.length; p++) {
                // one crossbar in the heap at a time: all twelve (7 GB of devices) kept G1 marking the old
                // generation after every young collection, on the cores the read runs on
                Crossbar c = Crossbar.of(ideal, n, n).readPrecision(precisions[p]);
                c.program(w, Crossbar.Programming.IDEAL);
                // steady state, as a long inference loop runs: a second of reads first, so that the JIT has
                // compiled the read (a read that runs while its caller is still in profiled code is several times
                // slower, and a size that takes another path recompiles)
                long until = System.nanoTime() + 1_000_000_000L;
                while (System.nanoTime() < until) {
                    sink += c.mvm(x)[0];
                }
                int reps = (int) Math.max(1, 2e8 / ((double) n * n));
                double[] times = new double[5];
                for (int t = 0; t < times.length; t++) {
                    long start = System.nanoTime();
                    for (int r = 0; r < reps; r++) {
                        sink += c.mvm(x)[0];
                    }
                    times[t] = (System.nanoTime() - start) / 1e9 / reps;
                }
                Arrays.sort(times);
                double median = times[2];
                rows[p] = rows[p] == null ? new StringBuilder() : rows[p].append(", ");
                rows[p].append(String.format(Locale.ROOT,
                        "{\"n\": %d, \"s_median\": %.6g, \"gflops\": %.3f, \"checksum\": %.3g}", n, median,
                        2.0 * n * n / median / 1e9, sink));
            }
        }
        StringBuilder ir = new StringBuilder();
        for (int n : new int[] {64, 128, 256, 512}) {
            SplittableRandom rng = new SplittableRandom(n);
            double[] g = rng.doubles((long) n * n, 10e-6, 100e-6).toArray();
            double[] v = rng.doubles(n, 0, 0.2).toArray();
            IrDropSolver solver = new IrDropSolver(n, n);
            double[] out = new double[n];
            double[] times = new double[5];
            solver.solve(g, v, 1, out);
            for (int t = 0; t < times.length; t++) {
                long start = System.nanoTime();
                solver.solve(g, v, 1, out);
                times[t] = (System.nanoTime() - start) / 1e9;
            }
            Arrays.sort(times);
            ir.append(ir.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT,
                    "{\"n\": %d, \"wire_ohm\": 1, \"s_median\": %.6g, \"iterations\": %d}", n, times[2],
                    solver.lastIterations()));
        }
        // how far the first-order IR-drop estimate is from the full solve, by size and wire resistance
        StringBuilder firstOrder = new StringBuilder();
        for (int n : new int[] {16, 32, 64, 128, 256}) {
            for (double wire : new double[] {0.5, 1, 2.5}) {
                SplittableRandom rng = new SplittableRandom(5);
                double[] g = rng.doubles((long) n * n, 10e-6, 100e-6).toArray();
                double[] v = rng.doubles(n, 0, 0.2).toArray();
                double[] full = new IrDropSolver(n, n).solve(g, v, wire, new double[n]);
                double[] approx = IrDropSolver.firstOrder(g, v, wire, n, n, new double[n]);
                double drop = 0;
                double error = 0;
                for (int j = 0; j < n; j++) {
                    double withoutWires = 0;
                    for (int i = 0; i < n; i++) {
                        withoutWires += v[i] * g[i * n + j];
                    }
                    drop = Math.max(drop, (withoutWires - full[j]) / withoutWires);
                    error = Math.max(error, Math.abs(approx[j] - full[j]) / full[j]);
                }
                firstOrder.append(firstOrder.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT,
                        "{\"n\": %d, \"wire_ohm\": %.1f, \"worst_drop\": %.5f, \"first_order_error\": %.5f}",
                        n, wire, drop, error));
            }
        }
        System.out.println("{\"benchmark\": \"crossbar\", \"simulator\": \"neuromorph\", \"mvm\": [" + rows[0]
                + "], \"mvm_float32\": [" + rows[1] + "], \"ir_drop_full\": [" + ir + "], \"first_order\": ["
                + firstOrder + "]}");
    }
}
