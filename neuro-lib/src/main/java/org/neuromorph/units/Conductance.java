package org.neuromorph.units;

/** An electric conductance, held in siemens. Build it with the factories in {@link Units}, e.g. {@code nS(1)}. */
public record Conductance(double si) implements Quantity, Comparable<Conductance> {
    public Conductance {
        if (Double.isNaN(si)) {
            throw new IllegalArgumentException("Conductance must be a number, got NaN");
        }
    }

    @Override
    public String unit() {
        return "S";
    }

    public Conductance plus(Conductance other) {
        return new Conductance(si + other.si);
    }

    public Conductance minus(Conductance other) {
        return new Conductance(si - other.si);
    }

    public Conductance times(double factor) {
        return new Conductance(si * factor);
    }

    @Override
    public int compareTo(Conductance other) {
        return Double.compare(si, other.si);
    }

    @Override
    public String toString() {
        return Quantity.format(si, "S");
    }
}
