package org.neuromorph.device;

import static org.neuromorph.units.Arguments.atLeastOne;
import static org.neuromorph.units.Arguments.probability;

import org.neuromorph.random.SplitMix64;

/**
 * How a device's conductance answers one programming pulse: one record per kind of response, each holding its own
 * parameters and computing its own step. A device array gives every device its own copy of the response's
 * constants, varied device to device ({@link DeviceModel#d2d}); {@link #next} gets the device's copies.
 *
 * <p>Every device draws a variation for a potentiation and a depression constant whatever its response, so that
 * the same seed gives the same windows and faults when only the response changes; responses with one constant for
 * both directions use the potentiation one.
 */
public sealed interface Response {
    /** Pulses taken to cross the window when planning pulses: the nominal step is the window over this. */
    int pulseRange();

    /** The nominal constant of potentiating pulses, before device-to-device variation. */
    double potentiationConstant();

    /** The nominal constant of depressing pulses, before device-to-device variation: the same unless overridden. */
    default double depressionConstant() {
        return potentiationConstant();
    }

    /** The largest a varied constant may be (1 where the constants are probabilities). */
    default double constantCap() {
        return Double.POSITIVE_INFINITY;
    }

    /**
     * The conductance after one pulse from {@code g} (direction +1 potentiates, −1 depresses), before it is clipped
     * to the device's window [low, high]; {@code up} and {@code down} are the device's own constants, {@code c2c}
     * the model's cycle-to-cycle σ, and every random draw comes from {@code rng}.
     */
    double next(double g, double low, double high, double up, double down, int direction, double c2c, SplitMix64 rng);

    /** The short name a device model's description uses. */
    String label();

    /** Cycle-to-cycle noise of an additive step: σ = c2c·span (no draw when c2c is 0). */
    private static double additiveNoise(double c2c, double span, SplitMix64 rng) {
        return c2c == 0 ? 0 : c2c * span * rng.nextGaussian();
    }

    /** Equal steps of (G_max − G_min)/{@code pulses} (SRAM, ideal devices). */
    record Linear(int pulses) implements Response {
        public Linear {
            atLeastOne(pulses, "pulses across the window");
        }

        @Override
        public int pulseRange() {
            return pulses;
        }

        @Override
        public double potentiationConstant() {
            return 1;
        }

        @Override
        public double next(double g, double low, double high, double up, double down, int direction, double c2c,
                SplitMix64 rng) {
            double span = high - low;
            return g + direction * span / pulses + additiveNoise(c2c, span, rng);
        }

        @Override
        public String label() {
            return "LINEAR";
        }
    }

    /**
     * NeuroSim's nonlinear model (Chen, Peng &amp; Yu 2018): along the potentiation curve
     * G_P(p) = B(1 − e^(−p/A_p)) + G_min and the depression curve G_D(p) = G_max − B(1 − e^((p − P_max)/A_d)),
     * each pulse moves the pulse index p by one; different A for the two directions make it asymmetric. A is in
     * pulses: small A is strongly nonlinear, A ≫ P_max nearly linear.
     */
    record Nonlinear(int pulses, double aPotentiation, double aDepression) implements Response {
        public Nonlinear {
            atLeastOne(pulses, "pulses across the window");
            if (!(aPotentiation > 0 && aDepression > 0)) {
                throw new IllegalArgumentException("nonlinearity constants A must be > 0 pulses, got " + aPotentiation
                        + " and " + aDepression);
            }
        }

        @Override
        public int pulseRange() {
            return pulses;
        }

        @Override
        public double potentiationConstant() {
            return aPotentiation;
        }

        @Override
        public double depressionConstant() {
            return aDepression;
        }

        /** One step along the curve of the pulse's direction, from the pulse index that gives G now. */
        @Override
        public double next(double g, double low, double high, double up, double down, int direction, double c2c,
                SplitMix64 rng) {
            double span = high - low;
            double moved;
            if (direction > 0) {
                double b = span / (1 - Math.exp(-pulses / up));
                double p = -up * Math.log(Math.max(1e-300, 1 - (g - low) / b));
                moved = b * (1 - Math.exp(-(p + 1) / up)) + low;
            } else {
                double b = span / (1 - Math.exp(-pulses / down));
                double p = pulses + down * Math.log(Math.max(1e-300, 1 - (high - g) / b));
                moved = high - b * (1 - Math.exp((p - 1 - pulses) / down));
            }
            return moved + additiveNoise(c2c, span, rng);
        }

        @Override
        public String label() {
            return "NONLINEAR";
        }
    }

    /**
     * Soft bounds (aihwkit's SoftBounds): ΔG_up = s·(G_max − G), ΔG_down = −s·(G − G_min), each step times
     * (1 + c2c·ξ). Planning takes {@code nominalPulses} pulses to cross the window.
     */
    record SoftBounds(double fraction, int nominalPulses) implements Response {
        public SoftBounds {
            if (!(fraction > 0 && fraction <= 1)) {
                throw new IllegalArgumentException("soft-bound step must be in (0, 1], got " + fraction);
            }
            atLeastOne(nominalPulses, "nominal pulses across the window");
        }

        @Override
        public int pulseRange() {
            return nominalPulses;
        }

        @Override
        public double potentiationConstant() {
            return fraction;
        }

        @Override
        public double next(double g, double low, double high, double up, double down, int direction, double c2c,
                SplitMix64 rng) {
            return g + (direction > 0 ? (high - g) : -(g - low)) * up * (1 + c2c * rng.nextGaussian());
        }

        @Override
        public String label() {
            return "SOFT_BOUNDS";
        }
    }

    /**
     * Multi-domain nucleation-limited switching (FeFET): {@code domains} domains per device, each not yet in the
     * pulse's direction switching with probability q per pulse; G = G_min + (G_max − G_min)·(up domains)/m.
     */
    record Domains(int domains, double q) implements Response {
        public Domains {
            atLeastOne(domains, "domains");
            probability(q, "domain switching probability");
        }

        @Override
        public int pulseRange() {
            return domains;
        }

        @Override
        public double potentiationConstant() {
            return q;
        }

        @Override
        public double constantCap() {
            return 1;
        }

        @Override
        public double next(double g, double low, double high, double up, double down, int direction, double c2c,
                SplitMix64 rng) {
            double span = high - low;
            int upDomains = (int) Math.round((g - low) / span * domains);
            int candidates = direction > 0 ? domains - upDomains : upDomains;
            int flipped = 0;
            for (int d = 0; d < candidates; d++) {
                if (rng.nextDouble() < up) {
                    flipped++;
                }
            }
            return low + span * (upDomains + direction * flipped) / domains;
        }

        @Override
        public String label() {
            return "DOMAINS";
        }
    }

    /**
     * Binary with stochastic switching (STT-MRAM): a pulse flips the device to the other state with probability
     * {@code switchProbability}, in the thermal regime P_sw = 1 − exp(−(t_p/τ0)·exp(−Δ(1 − I/I_c0))).
     */
    record BinaryStochastic(double switchProbability) implements Response {
        public BinaryStochastic {
            probability(switchProbability, "switching probability");
        }

        @Override
        public int pulseRange() {
            return 1;
        }

        @Override
        public double potentiationConstant() {
            return switchProbability;
        }

        @Override
        public double constantCap() {
            return 1;
        }

        @Override
        public double next(double g, double low, double high, double up, double down, int direction, double c2c,
                SplitMix64 rng) {
            return rng.nextDouble() < up ? (direction > 0 ? high : low) : g;
        }

        @Override
        public String label() {
            return "BINARY_STOCHASTIC";
        }
    }
}
