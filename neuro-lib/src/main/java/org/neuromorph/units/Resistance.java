package org.neuromorph.units;

/** An electric resistance, held in ohms. Build it with the factories in {@link Units}, e.g. {@code Mohm(100)}. */
public record Resistance(double si) implements Quantity, Comparable<Resistance> {
    public Resistance {
        if (Double.isNaN(si)) {
            throw new IllegalArgumentException("Resistance must be a number, got NaN");
        }
    }

    @Override
    public String unit() {
        return "Ω";
    }

    public Resistance plus(Resistance other) {
        return new Resistance(si + other.si);
    }

    public Resistance minus(Resistance other) {
        return new Resistance(si - other.si);
    }

    public Resistance times(double factor) {
        return new Resistance(si * factor);
    }

    @Override
    public int compareTo(Resistance other) {
        return Double.compare(si, other.si);
    }

    @Override
    public String toString() {
        return Quantity.format(si, "Ω");
    }
}
