package org.neuromorph.units;

/** An electric current, held in amperes. Build it with the factories in {@link Units}, e.g. {@code pA(100)}. */
public record Current(double si) implements Quantity, Comparable<Current> {
    public Current {
        if (Double.isNaN(si)) {
            throw new IllegalArgumentException("Current must be a number, got NaN");
        }
    }

    @Override
    public String unit() {
        return "A";
    }

    public Current plus(Current other) {
        return new Current(si + other.si);
    }

    public Current minus(Current other) {
        return new Current(si - other.si);
    }

    public Current times(double factor) {
        return new Current(si * factor);
    }

    @Override
    public int compareTo(Current other) {
        return Double.compare(si, other.si);
    }

    @Override
    public String toString() {
        return Quantity.format(si, "A");
    }
}
