package org.neuromorph.units;

/** A capacitance, held in farads. Build it with the factories in {@link Units}, e.g. {@code pF(281)}. */
public record Capacitance(double si) implements Quantity, Comparable<Capacitance> {
    public Capacitance {
        if (Double.isNaN(si)) {
            throw new IllegalArgumentException("Capacitance must be a number, got NaN");
        }
    }

    @Override
    public String unit() {
        return "F";
    }

    public Capacitance plus(Capacitance other) {
        return new Capacitance(si + other.si);
    }

    public Capacitance minus(Capacitance other) {
        return new Capacitance(si - other.si);
    }

    public Capacitance times(double factor) {
        return new Capacitance(si * factor);
    }

    @Override
    public int compareTo(Capacitance other) {
        return Double.compare(si, other.si);
    }

    @Override
    public String toString() {
        return Quantity.format(si, "F");
    }
}
