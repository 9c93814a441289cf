package org.neuromorph.device;

import java.util.Arrays;

/**
 * The measurements a device paper shows, as columns ready for a table: conductance against pulse number over
 * potentiate/depress cycles, the spread after program-and-verify, drift over time, and read-noise samples.
 */
public final class Characterization {
    private Characterization() {
    }

    /** One row per pulse and device: the running pulse number, the device, the cycle, +1/−1, and G after it. */
    public record PulseResponse(int[] pulse, int[] device, int[] cycle, int[] direction, double[] conductance) {
    }

    /**
     * {@code devices} fresh devices (starting at G_min) each get {@code cycles} × ({@code up} potentiating pulses
     * then {@code down} depressing pulses); G is read without noise after every pulse.
     */
    public static PulseResponse pulseResponse(DeviceModel model, int devices, int up, int down, int cycles,
            long seed) {
        if (up < 0 || down < 0 || cycles < 1) {
            throw new IllegalArgumentException("pulse response needs up, down ≥ 0 and cycles ≥ 1, got " + up + ", "
                    + down + ", " + cycles);
        }
        DeviceArray array = model.create(devices, seed);
        int perDevice = cycles * (up + down);
        int rows = devices * perDevice;
        int[] pulse = new int[rows];
        int[] device = new int[rows];
        int[] cycle = new int[rows];
        int[] direction = new int[rows];
        double[] g = new double[rows];
        int row = 0;
        for (int k = 0; k < devices; k++) {
            int count = 0;
            for (int c = 0; c < cycles; c++) {
                for (int p = 0; p < up + down; p++) {
                    int sign = p < up ? 1 : -1;
                    array.pulse(k, sign);
                    pulse[row] = ++count;
                    device[row] = k;
                    cycle[row] = c;
                    direction[row] = sign;
                    g[row] = array.state(k);
                    row++;
                }
            }
        }
        return new PulseResponse(pulse, device, cycle, direction, g);
    }

    /** The conductances of {@code devices} devices after program-and-verify to {@code target} (siemens). */
    public static double[] programmed(DeviceModel model, int devices, double target, long seed) {
        DeviceArray array = model.create(devices, seed);
        double[] g = new double[devices];
        for (int k = 0; k < devices; k++) {
            array.program(k, target, 0, 10_000);
            g[k] = array.state(k);
        }
        return g;
    }

    /** Mean and standard deviation of reads of devices programmed to {@code target} at t = 0, at each time (s). */
    public record Drift(double[] time, double[] mean, double[] sd) {
    }

    public static Drift drift(DeviceModel model, int devices, double target, double[] times, long seed) {
        DeviceArray array = model.create(devices, seed);
        for (int k = 0; k < devices; k++) {
            array.program(k, target, 0, 10_000);
        }
        double[] mean = new double[times.length];
        double[] sd = new double[times.length];
        double[] reads = new double[devices];
        for (int t = 0; t < times.length; t++) {
            array.readAll(reads, times[t]);
            double m = Arrays.stream(reads).average().orElse(0);
            mean[t] = m;
            sd[t] = Math.sqrt(Arrays.stream(reads).map(x -> (x - m) * (x - m)).sum()
                    / Math.max(1, devices - 1));
        }
        return new Drift(times.clone(), mean, sd);
    }

    /** {@code reads} reads of one device programmed to {@code target}, taken at time {@code at} (s). */
    public static double[] readNoise(DeviceModel model, double target, int reads, double at, long seed) {
        DeviceArray array = model.create(1, seed);
        array.program(0, target, 0, 10_000);
        double[] samples = new double[reads];
        for (int r = 0; r < reads; r++) {
            samples[r] = array.read(0, at);
        }
        return samples;
    }
}
