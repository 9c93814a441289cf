package org.neuromorph.device;

import java.util.Locale;
import org.neuromorph.random.SplitMix64;
import org.neuromorph.state.StateExchange;

/**
 * A population of devices of one model in primitive arrays (about 75 bytes a device: 75 MB for a million): each
 * device's conductance, its own window and update constants (device-to-device variability, drawn once), its
 * fault, pulse count, drift exponent and programming time. Pulses, reads and program-and-verify act on one
 * device or in bulk; every random draw comes from the array's seeded stream, so the same seed gives the same
 * population and the same history. Energy and time spent are added up.
 */
public final class DeviceArray {
    private static final byte OK = 0;
    private static final byte STUCK_ON = 1;
    private static final byte STUCK_OFF = 2;
    private static final byte WORN_OUT = 3;
    private static final double PCM_G_MAX = 25e-6;

    private final DeviceModel model;
    private final double[] g;
    private final double[] lo;
    private final double[] hi;
    /** Each device's own constants of its {@link Response}, for potentiating and depressing pulses. */
    private final double[] up;
    private final double[] down;
    private final byte[] fault;
    private final long[] pulses;
    private final double[] nu;
    private final double[] programmedAt;
    private final double[] target;
    private final SplitMix64 rng;
    private double energy;
    /** The part of {@link #energy} that pulses took. */
    private double pulseEnergy;
    private double busyTime;
    private long totalPulses;
    private long totalReads;
    private long version;

    DeviceArray(DeviceModel source, int count, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("a device array needs at least one device, got " + count);
        }
        model = source.copy();
        rng = new SplitMix64(seed);
        g = new double[count];
        lo = new double[count];
        hi = new double[count];
        up = new double[count];
        down = new double[count];
        fault = new byte[count];
        pulses = new long[count];
        nu = new double[count];
        programmedAt = new double[count];
        target = new double[count];
        double span = model.gMax - model.gMin;
        for (int k = 0; k < count; k++) {
            // device-to-device: each window edge and update constant varies by d2d (relative), kept ordered
            lo[k] = Math.max(0, model.gMin * (1 + model.d2d * gaussian()));
            hi[k] = Math.max(lo[k] + 1e-3 * span, model.gMax * (1 + model.d2d * gaussian()));
            up[k] = Math.min(model.response.constantCap(), varied(model.response.potentiationConstant()));
            down[k] = varied(model.response.depressionConstant());
            double u = rng.nextDouble();
            fault[k] = u < model.stuckOnRate ? STUCK_ON : u < model.stuckOnRate + model.stuckOffRate ? STUCK_OFF : OK;
            g[k] = fault[k] == STUCK_ON ? hi[k] : lo[k];
            target[k] = g[k];
        }
    }

    private double varied(double value) {
        return model.d2d == 0 ? value : Math.max(1e-9, value * (1 + model.d2d * gaussian()));
    }

    private double gaussian() {
        return rng.nextGaussian();
    }

    /** Device k as an object of its own: a view onto this array, not a copy. */
    public Device device(int k) {
        if (k < 0 || k >= g.length) {
            throw new IndexOutOfBoundsException("device " + k + " of an array of " + g.length);
        }
        return new Device(this, k);
    }

    /** One device of an array: pulses, reads and programming go to the array's storage. */
    public record Device(DeviceArray array, int index) {
        public void pulse(int n) {
            array.pulse(index, n);
        }

        public double read(double now) {
            return array.read(index, now);
        }

        public int program(double targetSiemens, double now, int maxPulses) {
            return array.program(index, targetSiemens, now, maxPulses);
        }

        public double conductance() {
            return array.state(index);
        }

        public boolean stuck() {
            return array.stuck(index);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s device %d: %.4g µS%s", array.model.technology, index,
                    conductance() * 1e6, stuck() ? " (stuck)" : "");
        }
    }

    public DeviceModel model() {
        return model;
    }

    public int size() {
        return g.length;
    }

    /** Applies {@code n} pulses to device k: potentiating for n &gt; 0, depressing for n &lt; 0. */
    public void pulse(int k, int n) {
        int direction = Integer.signum(n);
        for (int p = Math.abs(n); p > 0; p--) {
            if (fault[k] != OK) {
                return; // stuck and worn-out devices do not move (and a pulse on them costs nothing extra here)
            }
            energy += model.pulseEnergy;
            pulseEnergy += model.pulseEnergy;
            busyTime += model.pulseTime;
            totalPulses++;
            g[k] = quantised(k, next(k, direction));
            version++;
            pulses[k]++;
            if (model.endurance > 0 && pulses[k] >= model.endurance) {
                fault[k] = WORN_OUT;
            }
        }
    }

    /** Pulses for every device at once: {@code n[k]} pulses for device k (signed as in {@link #pulse}). */
    public void pulseAll(int[] n) {
        requireLength(n.length);
        for (int k = 0; k < n.length; k++) {
            if (n[k] != 0) {
                pulse(k, n[k]);
            }
        }
    }

    private double next(int k, int direction) {
        double low = lo[k];
        double high = hi[k];
        if (direction < 0 && model.abruptDepression) {
            return low;
        }
        double moved = model.response.next(g[k], low, high, up[k], down[k], direction, model.c2c, rng);
        return Math.min(high, Math.max(low, moved));
    }

    private double quantised(int k, double value) {
        if (model.levels < 2) {
            return value;
        }
        double span = hi[k] - lo[k];
        double step = span / (model.levels - 1);
        long level = Math.round((value - lo[k]) / step);
        return level == model.levels - 1 ? hi[k] : lo[k] + level * step; // the top level is the bound itself
    }

    /**
     * Program-and-verify to {@code targetSiemens} at time {@code now} (seconds on the experiment's clock): pulses
     * towards the target, reading after each, until within the tolerance or {@code maxPulses}; with the PCM
     * statistical model, the result is the target plus its programming noise. Drift restarts from here. Returns
     * the pulses used.
     */
    public int program(int k, double targetSiemens, double now, int maxPulses) {
        if (fault[k] == STUCK_ON || fault[k] == STUCK_OFF) {
            return 0;
        }
        target[k] = targetSiemens;
        programmedAt[k] = now;
        int used = 0;
        if (model.pcmProgramming) {
            double gT = Math.max(1e-7, targetSiemens / PCM_G_MAX);
            double sigma = Math.max(-1.1731 * gT * gT + 1.9650 * gT + 0.2635, 0) * 1e-6;
            g[k] = Math.min(hi[k], Math.max(lo[k], targetSiemens + sigma * gaussian()));
            version++;
            energy += model.pulseEnergy;
            pulseEnergy += model.pulseEnergy;
            busyTime += model.pulseTime;
            totalPulses++;
            used = 1;
        } else {
            double tolerance = model.programTolerance * (hi[k] - lo[k]);
            // with abrupt depression a RESET overshoots to G_min and the loop climbs back with SET pulses
            while (used < maxPulses && fault[k] == OK && Math.abs(g[k] - targetSiemens) > tolerance) {
                pulse(k, g[k] < targetSiemens ? 1 : -1);
                used++;
            }
        }
        nu[k] = driftExponent(targetSiemens);
        return used;
    }

    /**
     * An ideal write: device k takes exactly {@code siemens} (clipped to its window) without pulses, noise or cost,
     * and its drift clock restarts at {@code now}. For ideal experiments and initial states; stuck devices ignore it.
     */
    public void write(int k, double siemens, double now) {
        if (fault[k] == STUCK_ON || fault[k] == STUCK_OFF) {
            return;
        }
        g[k] = Math.min(hi[k], Math.max(lo[k], siemens));
        version++;
        target[k] = g[k];
        programmedAt[k] = now;
        nu[k] = driftExponent(g[k]);
    }

    private double driftExponent(double targetSiemens) {
        if (model.pcmDrift) {
            double gT = Math.max(1e-7, targetSiemens / PCM_G_MAX);
            double mean = Math.min(Math.max(-0.0155 * Math.log(gT) + 0.0244, 0.049), 0.1);
            double sd = Math.min(Math.max(-0.0125 * Math.log(gT) - 0.0059, 0.008), 0.045);
            return mean + sd * gaussian();
        }
        return model.driftNuMean == 0 ? 0 : model.driftNuMean + model.driftNuSd * gaussian();
    }

    /** A counter that changes whenever any device's state does (for caches of the states). */
    public long version() {
        return version;
    }

    /** The conductance of device k without noise or drift (its programmed state). */
    public double state(int k) {
        return g[k];
    }

    /** Every device's state (a copy). */
    public double[] states() {
        return g.clone();
    }

    /** Every device's conductance at time {@code now}: drift since programming, no read noise, no read cost. */
    public double[] statesAt(double now) {
        double[] out = new double[g.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = drifted(k, now);
        }
        return out;
    }

    /** Reads device k at time {@code now}: drift since programming, then read noise; costs V²·G·t_read. */
    public double read(int k, double now) {
        double value = drifted(k, now);
        if (model.pcmReadNoise) {
            double gT = Math.max(1e-7, target[k] / PCM_G_MAX);
            double qs = Math.min(0.0088 / Math.pow(gT, 0.65), 0.2);
            double t = Math.max(now - programmedAt[k], model.readTime);
            value += value * qs * Math.sqrt(Math.log((t + model.readTime) / (2 * model.readTime))) * gaussian();
        } else if (model.readNoise > 0) {
            value *= 1 + model.readNoise * gaussian();
        }
        value = Math.max(0, value);
        energy += model.readVoltage * model.readVoltage * value * model.readTime;
        totalReads++;
        return value;
    }

    /** Reads every device at time {@code now} into {@code out}. */
    public void readAll(double[] out, double now) {
        requireLength(out.length);
        for (int k = 0; k < out.length; k++) {
            out[k] = read(k, now);
        }
    }

    private double drifted(int k, double now) {
        double elapsed = now - programmedAt[k];
        if (nu[k] == 0 || elapsed <= model.driftT0) {
            return g[k];
        }
        return g[k] * Math.pow(elapsed / model.driftT0, -nu[k]);
    }

    /** Whether device k is stuck (from the start, at G_max or G_min) or worn out. */
    public boolean stuck(int k) {
        return fault[k] != OK;
    }

    public long pulseCount(int k) {
        return pulses[k];
    }

    /** The device's own window (device-to-device variability included). */
    public double gMin(int k) {
        return lo[k];
    }

    public double gMax(int k) {
        return hi[k];
    }

    /** The drift exponent drawn for device k at its last programming (0: no drift). */
    public double driftExponent(int k) {
        return nu[k];
    }

    /** Energy spent on pulses and reads so far, in joules. */
    public double energy() {
        return energy;
    }

    /** Energy spent on pulses alone so far, in joules. */
    public double pulseEnergy() {
        return pulseEnergy;
    }

    /** Time spent pulsing (pulses one after another), in seconds. */
    public double pulseTime() {
        return busyTime;
    }

    public long totalPulses() {
        return totalPulses;
    }

    public long totalReads() {
        return totalReads;
    }

    /** Walks the devices' state (conductances, faults, pulse counts, drift, random stream) for save and load. */
    public void exchangeState(StateExchange state) {
        state.doubles("g", g);
        state.doubles("gMin", lo);
        state.doubles("gMax", hi);
        state.doubles("constant", up); // the names saved files have used since before Response was a type
        state.doubles("constant2", down);
        state.longs("pulses", pulses);
        state.doubles("nu", nu);
        state.doubles("programmedAt", programmedAt);
        state.doubles("target", target);
        long[] faults = new long[fault.length];
        for (int k = 0; k < fault.length; k++) {
            faults[k] = fault[k];
        }
        state.longs("fault", faults);
        for (int k = 0; k < fault.length; k++) {
            fault[k] = (byte) faults[k];
        }
        rng.state(state.value("rng", rng.state()));
    }

    private void requireLength(int length) {
        if (length != g.length) {
            throw new IllegalArgumentException("expected one value per device (" + g.length + "), got " + length);
        }
    }

    @Override
    public String toString() {
        return "DeviceArray(" + g.length + " × " + model + ")";
    }
}
