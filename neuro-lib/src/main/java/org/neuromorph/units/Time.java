package org.neuromorph.units;

/** A duration or time point, held in seconds. Build it with the factories in {@link Units}, e.g. {@code ms(20)}. */
public record Time(double si) implements Quantity, Comparable<Time> {
    public Time {
        if (Double.isNaN(si)) {
            throw new IllegalArgumentException("Time must be a number, got NaN");
        }
    }

    @Override
    public String unit() {
        return "s";
    }

    public Time plus(Time other) {
        return new Time(si + other.si);
    }

    public Time minus(Time other) {
        return new Time(si - other.si);
    }

    public Time times(double factor) {
        return new Time(si * factor);
    }

    @Override
    public int compareTo(Time other) {
        return Double.compare(si, other.si);
    }

    @Override
    public String toString() {
        return Quantity.format(si, "s");
    }
}
