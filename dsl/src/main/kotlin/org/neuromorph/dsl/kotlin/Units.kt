/**
 * Units as extension properties, so a Kotlin cell reads like a methods section: `20.ms`, `(-65).mV`, `1.nS`,
 * `20.Hz`, `100.Mohm`. Each gives the same typed quantity as the Java facade (`ms(20)` is a `Time`), so a
 * voltage where a time is expected does not compile.
 */
@file:JvmName("KotlinUnits")

package org.neuromorph.dsl.kotlin

import org.neuromorph.units.Capacitance
import org.neuromorph.units.Charge
import org.neuromorph.units.Conductance
import org.neuromorph.units.Current
import org.neuromorph.units.Energy
import org.neuromorph.units.Frequency
import org.neuromorph.units.Resistance
import org.neuromorph.units.Time
import org.neuromorph.units.Units
import org.neuromorph.units.Voltage

val Number.s: Time get() = Units.s(toDouble())
val Number.ms: Time get() = Units.ms(toDouble())
val Number.us: Time get() = Units.us(toDouble())
val Number.ns: Time get() = Units.ns(toDouble())
val Number.minutes: Time get() = Units.minutes(toDouble())
val Number.hours: Time get() = Units.hours(toDouble())
val Number.days: Time get() = Units.days(toDouble())

val Number.V: Voltage get() = Units.V(toDouble())
val Number.mV: Voltage get() = Units.mV(toDouble())
val Number.uV: Voltage get() = Units.uV(toDouble())

val Number.A: Current get() = Units.A(toDouble())
val Number.mA: Current get() = Units.mA(toDouble())
val Number.uA: Current get() = Units.uA(toDouble())
val Number.nA: Current get() = Units.nA(toDouble())
val Number.pA: Current get() = Units.pA(toDouble())

val Number.S: Conductance get() = Units.S(toDouble())
val Number.mS: Conductance get() = Units.mS(toDouble())
val Number.uS: Conductance get() = Units.uS(toDouble())
val Number.nS: Conductance get() = Units.nS(toDouble())
val Number.pS: Conductance get() = Units.pS(toDouble())

val Number.ohm: Resistance get() = Units.ohm(toDouble())
val Number.kohm: Resistance get() = Units.kohm(toDouble())
val Number.Mohm: Resistance get() = Units.Mohm(toDouble())
val Number.Gohm: Resistance get() = Units.Gohm(toDouble())

val Number.Hz: Frequency get() = Units.Hz(toDouble())
val Number.kHz: Frequency get() = Units.kHz(toDouble())
val Number.MHz: Frequency get() = Units.MHz(toDouble())

val Number.F: Capacitance get() = Units.F(toDouble())
val Number.nF: Capacitance get() = Units.nF(toDouble())
val Number.pF: Capacitance get() = Units.pF(toDouble())
val Number.fF: Capacitance get() = Units.fF(toDouble())

val Number.J: Energy get() = Units.J(toDouble())
val Number.nJ: Energy get() = Units.nJ(toDouble())
val Number.pJ: Energy get() = Units.pJ(toDouble())
val Number.fJ: Energy get() = Units.fJ(toDouble())

val Number.C: Charge get() = Units.C(toDouble())
val Number.pC: Charge get() = Units.pC(toDouble())
val Number.fC: Charge get() = Units.fC(toDouble())
