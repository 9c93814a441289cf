package org.neuromorph.device;

import static org.neuromorph.units.Units.fJ;
import static org.neuromorph.units.Units.ns;
import static org.neuromorph.units.Units.pJ;
import static org.neuromorph.units.Units.uS;
import static org.neuromorph.units.Units.us;

import org.neuromorph.units.Units;

/**
 * Technology presets. Where a value comes from a source it is named; values marked "nominal" are typical
 * magnitudes chosen for this library (ranges in ../design notes: PHYSICS.md "Devices"), to be replaced by the
 * numbers of the device a study models, e.g. {@code Devices.rram().range(uS(2), uS(150)).c2c(0.03)}.
 */
public final class Devices {
    private Devices() {
    }

    /**
     * Analog HfOx-type RRAM: window 5–100 µS (within the 1–10 µS / 50–200 µS ranges reported for HfOx), 64 pulses
     * across it with NeuroSim's nonlinear, asymmetric update (A_p = 30, A_d = 15 pulses; nominal), c2c 1 % and d2d 5 %
     * ("several percent"), 1 pJ and 50 ns per pulse (order of pJ), read at 0.2 V for 100 ns (nominal).
     */
    public static DeviceModel rram() {
        return new DeviceModel("RRAM (HfOx, analog)").range(uS(5), uS(100)).nonlinear(64, 30, 15).c2c(0.01).d2d(0.05)
                .pulseCost(pJ(1), ns(50)).read(Units.V(0.2), ns(100));
    }

    /** Binary (filamentary) RRAM: one SET or RESET pulse switches between 5 and 100 µS; d2d 10 % (nominal). */
    public static DeviceModel rramBinary() {
        return new DeviceModel("RRAM (binary)").range(uS(5), uS(100)).linear(1).levels(2).d2d(0.1)
                .pulseCost(pJ(1), ns(50)).read(Units.V(0.2), ns(100));
    }

    /**
     * PCM (doped GST, mushroom cell): G_max = 25 µS and the statistical model of programming noise, drift and 1/f
     * read noise (Nandakumar et al. 2019; Joshi et al. 2020, Nat Commun 11:2473; as in aihwkit's
     * PCMLikeNoiseModel, see {@link DeviceModel#pcmStatistics}); gradual SET (crystallisation: 20 nonlinear pulses
     * across the window, A_p = 8, nominal) and abrupt RESET (melt-quench); G_min 0.1 µS and 10 pJ / 50 ns per
     * pulse nominal.
     */
    public static DeviceModel pcm() {
        return new DeviceModel("PCM (GST)").range(uS(0.1), uS(25)).nonlinear(20, 8, 8).abruptDepression()
                .pcmStatistics().c2c(0.01).pulseCost(pJ(10), ns(50)).read(Units.V(0.2), ns(250));
    }

    /**
     * FeFET: multi-domain ferroelectric switching with identical pulses, 32 domains each flipping with
     * probability 0.1 per pulse (nucleation-limited switching; nominal), window 1–50 µS of the read transistor,
     * d2d 5 %, 0.1 pJ and 100 ns per pulse (nominal).
     */
    public static DeviceModel fefet() {
        return new DeviceModel("FeFET").range(uS(1), uS(50)).domains(32, 0.1).d2d(0.05)
                .pulseCost(pJ(0.1), ns(100)).read(Units.V(0.1), ns(100));
    }

    /**
     * STT-MRAM: binary, TMR 150 % (R_P = 5 kΩ, so 200 µS parallel and 80 µS antiparallel; within the 100–200 %
     * reported), thermally activated switching with Δ = 60, τ0 = 1 ns, 10 ns pulses at 0.95 I_c0, so a pulse
     * switches with probability 1 − exp(−10·e^(−3)) ≈ 0.39 (nominal), 0.5 pJ per pulse (nominal).
     */
    public static DeviceModel sttMram() {
        return new DeviceModel("STT-MRAM").range(uS(80), uS(200)).binaryStochastic(60, ns(1), ns(10), 0.95)
                .pulseCost(pJ(0.5), ns(10)).read(Units.V(0.1), ns(10));
    }

    /**
     * Flash / floating gate: charge added by hot-electron injection and removed by tunnelling, each pulse moving
     * the conductance 5 % of the way to its bound (soft bounds; the floating-gate synapses of Ramakrishnan et al.
     * 2011 behave so), window 0.1–10 µS, c2c 2 %, 10 pJ and 10 µs per pulse (nominal); retention is not modelled.
     */
    public static DeviceModel flash() {
        return new DeviceModel("Flash (floating gate)").range(uS(0.1), uS(10)).softBounds(0.05).c2c(0.02)
                .pulseCost(pJ(10), us(10)).read(Units.V(0.5), ns(100));
    }

    /**
     * SRAM, the digital baseline: an n-bit weight, exact, one LSB per pulse, no noise, no drift; levels mapped to
     * 0–(2^n − 1) µS so it can sit in a crossbar model; writing an 8-bit word about 1.3 pJ (a 64-bit read of an
     * 8 KB SRAM is about 10 pJ at 45 nm, Horowitz ISSCC 2014).
     */
    public static DeviceModel sram(int bits) {
        if (bits < 1 || bits > 16) {
            throw new IllegalArgumentException("SRAM weights take 1 to 16 bits, got " + bits);
        }
        int top = (1 << bits) - 1;
        return new DeviceModel("SRAM (" + bits + "-bit)").range(uS(0), uS(top)).linear(top).levels(top + 1)
                .pulseCost(fJ(10_000.0 * bits / 64), ns(1)).read(Units.V(0.1), ns(1));
    }
}
