package org.neuromorph.units;

/** A frequency or rate, held in hertz. Build it with the factories in {@link Units}, e.g. {@code Hz(20)}. */
public record Frequency(double si) implements Quantity, Comparable<Frequency> {
    public Frequency {
        if (Double.isNaN(si)) {
            throw new IllegalArgumentException("Frequency must be a number, got NaN");
        }
    }

    @Override
    public String unit() {
        return "Hz";
    }

    public Frequency plus(Frequency other) {
        return new Frequency(si + other.si);
    }

    public Frequency minus(Frequency other) {
        return new Frequency(si - other.si);
    }

    public Frequency times(double factor) {
        return new Frequency(si * factor);
    }

    @Override
    public int compareTo(Frequency other) {
        return Double.compare(si, other.si);
    }

    @Override
    public String toString() {
        return Quantity.format(si, "Hz");
    }
}
