package org.neuromorph.kernel.eval;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.neuromorph.kernel.display.RichText;
import org.neuromorph.network.Seeds;

/**
 * IPython-style magics, for both languages: a cell whose first line starts with {@code %%} is a cell magic over
 * the rest of the cell, a line starting with {@code %} a line magic (no Java or Kotlin statement starts with %).
 * Known: {@code %lsmagic}, {@code %time CODE}, {@code %seed N}, {@code %%time}, {@code %%html}, {@code %%markdown}. Anything else
 * is refused with the list of known magics.
 */
public final class Magics {
    static final List<String> LINE = List.of("%lsmagic", "%time", "%seed");
    static final List<String> CELL = List.of("%%time", "%%html", "%%markdown");

    private Magics() {
    }

    /** Runs {@code code}, handling a magic if it starts with one, and evaluating plain code otherwise. */
    public static Evaluator.Outcome run(String code, Function<String, Evaluator.Outcome> evaluate) {
        String trimmed = code.stripLeading();
        if (!trimmed.startsWith("%")) {
            return evaluate.apply(code);
        }
        int lineEnd = trimmed.indexOf('\n');
        String firstLine = (lineEnd < 0 ? trimmed : trimmed.substring(0, lineEnd)).strip();
        String rest = lineEnd < 0 ? "" : trimmed.substring(lineEnd + 1);
        String name = firstLine.split("\\s+", 2)[0];
        String argument = firstLine.length() > name.length() ? firstLine.substring(name.length()).strip() : "";
        switch (name) {
            case "%%time":
                return timed(rest, evaluate);
            case "%%html":
                return new Evaluator.Value(new RichText("text/html", rest), rest);
            case "%%markdown":
                return new Evaluator.Value(new RichText("text/markdown", rest), rest);
            case "%time":
                return timed(argument + (rest.isEmpty() ? "" : "\n" + rest), evaluate);
            case "%seed":
                return seed(argument);
            case "%lsmagic":
                return new Evaluator.Value(null, "line magics: " + String.join(" ", LINE) + "\ncell magics: "
                        + String.join(" ", CELL));
            default:
                return new Evaluator.Failure("UnknownMagic", "unknown magic " + name + "; known: "
                        + String.join(" ", LINE) + " " + String.join(" ", CELL), List.of("unknown magic " + name));
        }
    }

    /** {@code %seed N}: the seed of every network, crossbar and sweep made after it that sets none itself. */
    private static Evaluator.Outcome seed(String argument) {
        if (argument.isEmpty()) {
            return new Evaluator.Value(null, "seed " + Seeds.base() + " (set one with %seed N)");
        }
        long value;
        try {
            value = Long.parseLong(argument);
        } catch (NumberFormatException e) {
            return new Evaluator.Failure("UsageError", "%seed takes one whole number, e.g. %seed 42; got '"
                    + argument + "'", List.of("%seed takes one whole number"));
        }
        Seeds.base(value);
        return new Evaluator.Value(null, "seed " + value + " for every network, crossbar and sweep made from now on"
                + " that sets no seed of its own");
    }

    private static Evaluator.Outcome timed(String code, Function<String, Evaluator.Outcome> evaluate) {
        long start = System.nanoTime();
        Evaluator.Outcome outcome = evaluate.apply(code);
        double ms = (System.nanoTime() - start) / 1e6;
        System.out.println(String.format(Locale.ROOT, "Wall time: %s", ms >= 1000
                ? String.format(Locale.ROOT, "%.3f s", ms / 1000) : String.format(Locale.ROOT, "%.1f ms", ms)));
        return outcome;
    }
}
