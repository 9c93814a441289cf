package org.neuromorph.device;

import static org.neuromorph.units.Arguments.atLeast;
import static org.neuromorph.units.Arguments.nonNegative;
import static org.neuromorph.units.Arguments.probability;

import java.util.Locale;
import java.util.Objects;
import org.neuromorph.units.Conductance;
import org.neuromorph.units.Energy;
import org.neuromorph.units.Time;
import org.neuromorph.units.Voltage;

/**
 * A synaptic memory technology: its conductance range, how it answers programming pulses, and its
 * non-idealities, each off until set. {@link #create} makes an array of such devices. Presets with their sources
 * are in {@link Devices}. Setters return this, so a preset can be adjusted: {@code Devices.rram().c2c(0.02)}.
 */
public final class DeviceModel implements Cloneable {
    String technology;
    double gMin = 1e-6;
    double gMax = 100e-6;
    Response response = new Response.Linear(64);
    int levels;                    // 0: continuous; k: G rounded to k equally spaced levels
    double c2c;                    // σ of each pulse's ΔG, as a fraction of (G_max − G_min) (relative step for SOFT_BOUNDS)
    double d2d;                    // σ of each device's A (or q, s) and of its G_min/G_max, relative
    double readNoise;              // σ of a read, relative to G
    boolean pcmReadNoise;          // 1/f read noise of the PCM statistical model instead
    boolean pcmProgramming;        // program(target) with the PCM statistical model's programming noise
    double programTolerance = 0.01; // program-and-verify: stop within this fraction of the range
    double driftNuMean;            // drift exponent ν (0: no drift)
    double driftNuSd;
    boolean pcmDrift;              // ν from the PCM statistical model's dependence on the target
    double driftT0 = 20;           // s
    double stuckOnRate;
    double stuckOffRate;
    long endurance;                // pulses before the device wears out and stops moving (0: unlimited)
    boolean abruptDepression;      // one depressing pulse resets to G_min (PCM RESET)
    double pulseEnergy;            // J per programming pulse
    double pulseTime;              // s per programming pulse
    double readVoltage = 0.2;      // V
    double readTime = 100e-9;      // s

    public DeviceModel(String technology) {
        this.technology = technology;
    }

    /** The conductance window. */
    public DeviceModel range(Conductance min, Conductance max) {
        if (!(min.si() >= 0 && max.si() > min.si())) {
            throw new IllegalArgumentException("a device needs 0 ≤ G_min < G_max, got " + min + " and " + max);
        }
        gMin = min.si();
        gMax = max.si();
        return this;
    }

    /** Equal steps: {@code pulses} pulses cross the window. */
    public DeviceModel linear(int pulses) {
        return response(new Response.Linear(pulses));
    }

    /**
     * NeuroSim's nonlinear update: {@code pulses} pulses cross the window; A_p and A_d (in pulses) set the
     * nonlinearity of potentiation and depression (small A: strongly nonlinear; A ≫ pulses: nearly linear).
     */
    public DeviceModel nonlinear(int pulses, double aPotentiation, double aDepression) {
        return response(new Response.Nonlinear(pulses, aPotentiation, aDepression));
    }

    /**
     * Soft bounds: each pulse moves G by {@code fraction} of its distance to the bound it approaches; pulse planning
     * takes 64 pulses to cross the window.
     */
    public DeviceModel softBounds(double fraction) {
        return response(new Response.SoftBounds(fraction, 64));
    }

    /** Multi-domain switching: {@code domains} domains, each flipping with probability q per pulse. */
    public DeviceModel domains(int domains, double q) {
        return response(new Response.Domains(domains, q));
    }

    /**
     * Binary with thermally activated stochastic switching: P_sw = 1 − exp(−(t_p/τ0)·exp(−Δ(1 − I/I_c0))) per pulse
     * of width t_p and current I.
     */
    public DeviceModel binaryStochastic(double delta, Time tau0, Time pulseWidth, double currentOverCritical) {
        return response(new Response.BinaryStochastic(1 - Math.exp(-(pulseWidth.si() / tau0.si())
                * Math.exp(-delta * (1 - currentOverCritical)))));
    }

    /** How the devices answer a pulse: any {@link Response}, e.g. {@code new Response.SoftBounds(0.05, 40)}. */
    public DeviceModel response(Response value) {
        response = Objects.requireNonNull(value, "response");
        return this;
    }

    /** G is rounded to {@code k} equally spaced levels after every pulse (k ≥ 2). */
    public DeviceModel levels(int k) {
        levels = (int) atLeast(k, 2, "a device's number of levels");
        return this;
    }

    /** Cycle-to-cycle variability: σ of each pulse's change, as a fraction of the window (relative for soft bounds). */
    public DeviceModel c2c(double sigma) {
        c2c = nonNegative(sigma, "c2c");
        return this;
    }

    /** Device-to-device variability: relative σ of each device's window and update constants. */
    public DeviceModel d2d(double sigma) {
        d2d = nonNegative(sigma, "d2d");
        return this;
    }

    /** Read noise: σ of each read relative to G. */
    public DeviceModel readNoise(double sigma) {
        readNoise = nonNegative(sigma, "read noise");
        return this;
    }

    /** Conductance drift G(t) = G(t0)·(t/t0)^(−ν) after programming, ν ~ N(mean, sd) per device. */
    public DeviceModel drift(double nuMean, double nuSd, Time t0) {
        driftNuMean = nonNegative(nuMean, "drift exponent");
        driftNuSd = nonNegative(nuSd, "drift exponent spread");
        driftT0 = t0.si();
        return this;
    }

    /** Fractions of devices stuck at G_max (on) and at G_min (off) from the start. */
    public DeviceModel stuck(double onRate, double offRate) {
        stuckOnRate = probability(onRate, "stuck-on rate");
        stuckOffRate = probability(offRate, "stuck-off rate");
        if (onRate + offRate > 1) {
            throw new IllegalArgumentException("stuck-on and stuck-off rates add up to more than 1");
        }
        return this;
    }

    /** After this many pulses a device wears out and keeps its conductance (0: unlimited). */
    public DeviceModel endurance(long pulses) {
        endurance = atLeast(pulses, 0, "endurance in pulses");
        return this;
    }

    /** A depressing pulse resets the device to G_min at once (PCM's melt-quench RESET). */
    public DeviceModel abruptDepression() {
        abruptDepression = true;
        return this;
    }

    /** Energy and duration of one programming pulse. */
    public DeviceModel pulseCost(Energy energy, Time duration) {
        pulseEnergy = energy.si();
        pulseTime = duration.si();
        return this;
    }

    /** The read: voltage and duration (a read costs V²·G·t). */
    public DeviceModel read(Voltage voltage, Time duration) {
        readVoltage = voltage.si();
        readTime = duration.si();
        return this;
    }

    /** Program-and-verify stops within this fraction of the window of its target. */
    public DeviceModel programTolerance(double fraction) {
        programTolerance = probability(fraction, "programming tolerance");
        return this;
    }

    /**
     * The PCM statistical model of Nandakumar et al. 2019 and Joshi et al. 2020 as aihwkit implements it
     * (PCMLikeNoiseModel): programming noise σ_prog(g_T) = max(−1.1731 g_T² + 1.9650 g_T + 0.2635, 0) µS, drift
     * exponent ν ~ N(μ_ν, σ_ν) with μ_ν = clip(−0.0155 ln g_T + 0.0244, 0.049, 0.1) and
     * σ_ν = clip(−0.0125 ln g_T − 0.0059, 0.008, 0.045), t0 = 20 s, and 1/f read noise
     * σ = G(t)·Q_s·sqrt(ln((t + t_read)/(2 t_read))), Q_s = min(0.0088/g_T^0.65, 0.2), t_read = 250 ns, with g_T
     * the target over G_max = 25 µS.
     */
    public DeviceModel pcmStatistics() {
        pcmProgramming = true;
        pcmDrift = true;
        pcmReadNoise = true;
        driftT0 = 20;
        readTime = 250e-9;
        return this;
    }

    /** A population of {@code count} devices of this model, seeded. */
    public DeviceArray create(int count, long seed) {
        return new DeviceArray(this, count, seed);
    }

    /** A snapshot, so devices keep the parameters they were made with. */
    DeviceModel copy() {
        try {
            return (DeviceModel) clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    public String technology() {
        return technology;
    }

    public double gMin() {
        return gMin;
    }

    public double gMax() {
        return gMax;
    }

    /** Pulses across the window (linear, nonlinear; nominal for soft bounds), domains, 1 for binary devices. */
    public int pulseRange() {
        return response.pulseRange();
    }

    /** The nominal step, (G_max − G_min)/{@link #pulseRange}: what one pulse is taken to move when planning pulses. */
    public double nominalStep() {
        return (gMax - gMin) / pulseRange();
    }

    /** Cycle-to-cycle σ (fraction of the window per pulse). */
    public double c2c() {
        return c2c;
    }

    /** Device-to-device σ (relative). */
    public double d2d() {
        return d2d;
    }

    /** Read-noise σ relative to G. */
    public double readNoise() {
        return readNoise;
    }

    /** Levels G is rounded to (0: continuous). */
    public int levels() {
        return levels;
    }

    /** Whether a read returns the state itself: no read noise and no drift. */
    public boolean noiselessReads() {
        return readNoise == 0 && !pcmReadNoise && driftNuMean == 0 && !pcmDrift;
    }

    /** Duration of one read, in seconds. */
    public double readTimeSeconds() {
        return readTime;
    }

    /** The voltage a read applies, in volts. */
    public double readVoltageVolts() {
        return readVoltage;
    }

    public Response response() {
        return response;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s(G %.3g–%.3g µS, %s%s%s%s%s%s%s%s)", technology, gMin * 1e6, gMax * 1e6,
                response.label(), levels > 0 ? ", " + levels + " levels" : "", c2c > 0 ? ", c2c " + c2c : "",
                d2d > 0 ? ", d2d " + d2d : "", readNoise > 0 || pcmReadNoise ? ", read noise" : "",
                driftNuMean > 0 || pcmDrift ? ", drift" : "",
                stuckOnRate + stuckOffRate > 0 ? ", stuck " + stuckOnRate + "/" + stuckOffRate : "",
                endurance > 0 ? ", endurance " + endurance : "");
    }
}
