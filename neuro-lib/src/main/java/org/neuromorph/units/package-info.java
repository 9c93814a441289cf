/**
 * Typed physical quantities (Time, Voltage, Current, Conductance, Resistance, Capacitance, Charge, Energy,
 * Frequency, Length, Area) and their factories in {@link org.neuromorph.units.Units}: a voltage passed where a time
 * is expected does not compile. Values are held in SI units internally.
 */
package org.neuromorph.units;
