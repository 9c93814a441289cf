package org.neuromorph.device;

/** How a device's conductance answers one programming pulse. */
public enum Response {
    /** Equal steps of (G_max − G_min)/P_max (SRAM, ideal devices). */
    LINEAR,
    /**
     * NeuroSim's nonlinear model (Chen, Peng &amp; Yu 2018): along the potentiation curve
     * G_P(p) = B(1 − e^(−p/A_p)) + G_min and the depression curve G_D(p) = G_max − B(1 − e^((p − P_max)/A_d)),
     * each pulse moves the pulse index p by one; different A for the two directions make it asymmetric.
     */
    NONLINEAR,
    /** Soft bounds (aihwkit's SoftBounds): ΔG_up = s·(G_max − G), ΔG_down = −s·(G − G_min), s = step fraction. */
    SOFT_BOUNDS,
    /**
     * Multi-domain nucleation-limited switching (FeFET): m domains per device, each switching with probability
     * q per pulse; G = G_min + (G_max − G_min)·(up domains)/m.
     */
    DOMAINS,
    /**
     * Binary with stochastic switching (STT-MRAM): a pulse flips the device to the other state with probability
     * P_sw = 1 − exp(−(t_p/τ0)·exp(−Δ(1 − I/I_c0))) (thermal regime).
     */
    BINARY_STOCHASTIC
}
