package org.neuromorph.units;

import java.io.Serializable;
import java.util.Locale;

/**
 * A physical quantity held in SI units. Each dimension is its own type ({@link Time}, {@link Voltage}, ...)
 * so that passing a voltage where a time is expected is a compile error, not a wrong simulation.
 * Hot loops read {@link #si()} once and work on plain doubles. Serializable, so quantities travel with a sweep to
 * Spark's executors.
 */
public interface Quantity extends Serializable {
    /** The value in the SI base unit of this dimension (seconds, volts, amperes, ...). */
    double si();

    /** The SI unit symbol, e.g. "s" or "V". */
    String unit();

    /** Formats a value with an engineering prefix: 0.02 s prints as "20 ms". */
    static String format(double si, String unit) {
        if (si == 0) {
            return "0 " + unit;
        }
        if (!Double.isFinite(si)) {
            return si + " " + unit;
        }
        double abs = Math.abs(si);
        String[] prefixes = {"f", "p", "n", "µ", "m", "", "k", "M", "G", "T"};
        int exponent = (int) Math.floor(Math.log10(abs) / 3);
        exponent = Math.max(-5, Math.min(4, exponent));
        double scaled = si / Math.pow(1000, exponent);
        String number = (Math.abs(scaled - Math.rint(scaled)) < 1e-9 * Math.max(1, Math.abs(scaled)))
                ? Long.toString(Math.round(scaled))
                : String.format(Locale.ROOT, "%.6g", scaled).replaceAll("0+$", "").replaceAll("\\.$", "");
        return number + " " + prefixes[exponent + 5] + unit;
    }
}
