package org.neuromorph.units;

/**
 * Factories for dimensioned quantities, meant to be imported statically:
 * {@code ms(20)}, {@code mV(-65)}, {@code nS(1)}, {@code pA(100)}, {@code Hz(20)}.
 * Each returns the type of its dimension, so a parameter that wants a {@link Time} rejects {@code mV(5)}
 * at compile time.
 */
public class Units {
    protected Units() { // protected so the DSL facade can extend it and re-export every factory
    }

    // time
    public static Time s(double v) { return new Time(v); }
    public static Time ms(double v) { return new Time(v * 1e-3); }
    public static Time us(double v) { return new Time(v * 1e-6); }
    public static Time ns(double v) { return new Time(v * 1e-9); }
    public static Time minutes(double v) { return new Time(v * 60); }
    public static Time hours(double v) { return new Time(v * 3600); }
    /** Days of 86,400 s, for drift and retention (a year is days(365)). */
    public static Time days(double v) { return new Time(v * 86400); }

    // voltage
    public static Voltage V(double v) { return new Voltage(v); }
    public static Voltage mV(double v) { return new Voltage(v * 1e-3); }
    public static Voltage uV(double v) { return new Voltage(v * 1e-6); }

    // current
    public static Current A(double v) { return new Current(v); }
    public static Current mA(double v) { return new Current(v * 1e-3); }
    public static Current uA(double v) { return new Current(v * 1e-6); }
    public static Current nA(double v) { return new Current(v * 1e-9); }
    public static Current pA(double v) { return new Current(v * 1e-12); }

    // conductance
    public static Conductance S(double v) { return new Conductance(v); }
    public static Conductance mS(double v) { return new Conductance(v * 1e-3); }
    public static Conductance uS(double v) { return new Conductance(v * 1e-6); }
    public static Conductance nS(double v) { return new Conductance(v * 1e-9); }
    public static Conductance pS(double v) { return new Conductance(v * 1e-12); }

    // resistance
    public static Resistance ohm(double v) { return new Resistance(v); }
    public static Resistance kohm(double v) { return new Resistance(v * 1e3); }
    public static Resistance Mohm(double v) { return new Resistance(v * 1e6); }
    public static Resistance Gohm(double v) { return new Resistance(v * 1e9); }

    // frequency
    public static Frequency Hz(double v) { return new Frequency(v); }
    public static Frequency kHz(double v) { return new Frequency(v * 1e3); }
    public static Frequency MHz(double v) { return new Frequency(v * 1e6); }

    // capacitance
    public static Capacitance F(double v) { return new Capacitance(v); }
    public static Capacitance nF(double v) { return new Capacitance(v * 1e-9); }
    public static Capacitance pF(double v) { return new Capacitance(v * 1e-12); }
    public static Capacitance fF(double v) { return new Capacitance(v * 1e-15); }

    // energy
    public static Energy J(double v) { return new Energy(v); }
    public static Energy nJ(double v) { return new Energy(v * 1e-9); }
    public static Energy pJ(double v) { return new Energy(v * 1e-12); }
    public static Energy fJ(double v) { return new Energy(v * 1e-15); }

    // charge
    public static Charge C(double v) { return new Charge(v); }
    public static Charge pC(double v) { return new Charge(v * 1e-12); }
    public static Charge fC(double v) { return new Charge(v * 1e-15); }

    // length and area (a technology node, a circuit's footprint)
    public static Length um(double v) { return new Length(v * 1e-6); }
    public static Length nm(double v) { return new Length(v * 1e-9); }
    public static Area mm2(double v) { return new Area(v * 1e-6); }
    public static Area um2(double v) { return new Area(v * 1e-12); }
}
