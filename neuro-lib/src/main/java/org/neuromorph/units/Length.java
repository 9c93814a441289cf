package org.neuromorph.units;

/** A length, held in metres. Build it with the factories in {@link Units}, e.g. {@code nm(32)}. */
public record Length(double si) implements Quantity, Comparable<Length> {
    public Length {
        if (Double.isNaN(si)) {
            throw new IllegalArgumentException("Length must be a number, got NaN");
        }
    }

    @Override
    public String unit() {
        return "m";
    }

    @Override
    public int compareTo(Length other) {
        return Double.compare(si, other.si);
    }

    @Override
    public String toString() {
        return Quantity.format(si, "m");
    }
}
