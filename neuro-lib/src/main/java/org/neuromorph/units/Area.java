package org.neuromorph.units;

/** An area, held in square metres. Build it with the factories in {@link Units}, e.g. {@code um2(100)}. */
public record Area(double si) implements Quantity, Comparable<Area> {
    public Area {
        if (Double.isNaN(si)) {
            throw new IllegalArgumentException("Area must be a number, got NaN");
        }
    }

    @Override
    public String unit() {
        return "m²";
    }

    @Override
    public int compareTo(Area other) {
        return Double.compare(si, other.si);
    }

    /** In µm² below a square millimetre, else in mm² (a prefix on m² would square: 1 mm² is 10⁻⁶ m²). */
    @Override
    public String toString() {
        double mm2 = si * 1e6;
        return Math.abs(mm2) >= 1 ? String.format(java.util.Locale.ROOT, "%.4g mm²", mm2)
                : String.format(java.util.Locale.ROOT, "%.4g µm²", si * 1e12);
    }
}
