package org.neuromorph.units;

/** An electric charge, held in coulombs. Build it with the factories in {@link Units}, e.g. {@code fC(1)}. */
public record Charge(double si) implements Quantity, Comparable<Charge> {
    public Charge {
        if (Double.isNaN(si)) {
            throw new IllegalArgumentException("Charge must be a number, got NaN");
        }
    }

    @Override
    public String unit() {
        return "C";
    }

    public Charge plus(Charge other) {
        return new Charge(si + other.si);
    }

    public Charge minus(Charge other) {
        return new Charge(si - other.si);
    }

    public Charge times(double factor) {
        return new Charge(si * factor);
    }

    @Override
    public int compareTo(Charge other) {
        return Double.compare(si, other.si);
    }

    @Override
    public String toString() {
        return Quantity.format(si, "C");
    }
}
