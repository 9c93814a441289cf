package org.neuromorph.units;

/** An electric potential, held in volts. Build it with the factories in {@link Units}, e.g. {@code mV(-65)}. */
public record Voltage(double si) implements Quantity, Comparable<Voltage> {
    public Voltage {
        if (Double.isNaN(si)) {
            throw new IllegalArgumentException("Voltage must be a number, got NaN");
        }
    }

    @Override
    public String unit() {
        return "V";
    }

    public Voltage plus(Voltage other) {
        return new Voltage(si + other.si);
    }

    public Voltage minus(Voltage other) {
        return new Voltage(si - other.si);
    }

    public Voltage times(double factor) {
        return new Voltage(si * factor);
    }

    @Override
    public int compareTo(Voltage other) {
        return Double.compare(si, other.si);
    }

    @Override
    public String toString() {
        return Quantity.format(si, "V");
    }
}
