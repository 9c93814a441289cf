package org.neuromorph.plasticity;

/** Hard bounds [min, max] of the weights a rule changes, checked once and applied at every update. */
record WeightBounds(double min, double max) {
    static final WeightBounds NONNEGATIVE = new WeightBounds(0, Double.POSITIVE_INFINITY);

    WeightBounds {
        if (!(min <= max)) {
            throw new IllegalArgumentException("weight bounds need min ≤ max, got [" + min + ", " + max + "]");
        }
    }

    double clip(double w) {
        return Math.min(max, Math.max(min, w));
    }

    @Override
    public String toString() {
        return "w in [" + min + ", " + max + "]";
    }
}
