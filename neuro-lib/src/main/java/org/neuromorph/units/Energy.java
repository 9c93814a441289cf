package org.neuromorph.units;

/** An energy, held in joules. Build it with the factories in {@link Units}, e.g. {@code pJ(1)}. */
public record Energy(double si) implements Quantity, Comparable<Energy> {
    public Energy {
        if (Double.isNaN(si)) {
            throw new IllegalArgumentException("Energy must be a number, got NaN");
        }
    }

    @Override
    public String unit() {
        return "J";
    }

    public Energy plus(Energy other) {
        return new Energy(si + other.si);
    }

    public Energy minus(Energy other) {
        return new Energy(si - other.si);
    }

    public Energy times(double factor) {
        return new Energy(si * factor);
    }

    @Override
    public int compareTo(Energy other) {
        return Double.compare(si, other.si);
    }

    @Override
    public String toString() {
        return Quantity.format(si, "J");
    }
}
