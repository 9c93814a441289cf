/**
 * Learning rules on projections: pair and triplet STDP (Bi &amp; Poo's window; Pfister &amp; Gerstner), SRDP, BCM,
 * Hebb and Oja, weight bounds, rules written by the user ({@link org.neuromorph.plasticity.CustomRule}), and the
 * literature's pairing protocols that the tests and notebooks reproduce.
 */
package org.neuromorph.plasticity;
