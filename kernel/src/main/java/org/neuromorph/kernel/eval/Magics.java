package org.neuromorph.kernel.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import org.neuromorph.kernel.display.RichText;
import org.neuromorph.random.Seeds;

/**
 * IPython-style magics, for both languages: a cell whose first line starts with {@code %%} is a cell magic over
 * the rest of the cell, a line starting with {@code %} a line magic (no Java or Kotlin statement starts with %).
 * Known: {@code %lsmagic}, {@code %time CODE}, {@code %timeit CODE}, {@code %seed N}, {@code %who},
 * {@code %load FILE}, {@code %classpath add PATH}, {@code %maven G:A:V}, {@code %%time}, {@code %%timeit},
 * {@code %%html}, {@code %%markdown}, {@code %%javascript}. Anything else is refused with the list of known magics.
 */
public final class Magics {
    static final List<String> LINE = List.of("%lsmagic", "%time", "%timeit", "%seed", "%who", "%load",
            "%classpath", "%maven");
    static final List<String> CELL = List.of("%%time", "%%timeit", "%%html", "%%markdown", "%%javascript");
    /** What %classpath and %maven added in this process (one kernel, one session). */
    private static final List<Path> added = new ArrayList<>();

    private Magics() {
    }

    /** Runs {@code code}, handling a magic if it starts with one, and evaluating plain code otherwise. */
    public static Evaluator.Outcome run(String code, Evaluator evaluator) {
        Function<String, Evaluator.Outcome> evaluate = evaluator::evaluate;
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
            case "%%javascript":
                return new Evaluator.Value(new RichText("application/javascript", rest), rest);
            case "%timeit":
                return timeit(argument + (rest.isEmpty() ? "" : "\n" + rest), evaluator);
            case "%%timeit":
                return timeit(argument + "\n" + rest, evaluator);
            case "%who":
                return who(evaluator);
            case "%load":
                return load(argument, evaluator);
            case "%classpath":
                return classpath(argument, evaluator);
            case "%maven":
                return maven(argument, evaluator);
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

    private static Evaluator.Failure usage(String magic, String message) {
        return new Evaluator.Failure("UsageError", message, List.of(magic + ": " + message));
    }

    /**
     * {@code %timeit [-n LOOPS] [-r RUNS] CODE}: the code becomes a lambda timed by {@link Timeit} inside a cell, so
     * it runs on the cell thread (interruptible, output captured) and sees the session's variables.
     */
    private static Evaluator.Outcome timeit(String text, Evaluator evaluator) {
        long loops = 0;
        int runs = 0;
        String code = text.strip();
        Matcher option;
        while ((option = TIMEIT_OPTION.matcher(code)).lookingAt()) {
            try {
                if (option.group(1).equals("n")) {
                    loops = Long.parseLong(option.group(2));
                } else {
                    runs = Integer.parseInt(option.group(2));
                }
            } catch (NumberFormatException e) {
                return usage("%timeit", "-n and -r take whole numbers, got " + option.group(2));
            }
            code = code.substring(option.end()).strip();
        }
        if (code.isEmpty()) {
            return usage("%timeit", "nothing to time: %timeit [-n LOOPS] [-r RUNS] CODE, or %%timeit with the code "
                    + "below it");
        }
        Evaluator.Failure rejected = null;
        for (String form : evaluator.asRunnable(code)) {
            Evaluator.Outcome outcome = evaluator.evaluate("org.neuromorph.kernel.eval.Timeit.measure(" + loops
                    + "L, " + runs + ", " + form + ")");
            if (!(outcome instanceof Evaluator.Failure f && f.ename().equals("CompilationError"))) {
                return outcome;
            }
            // a form that does not fit the code says so ("not a statement"); the other form's error is the real one
            if (rejected == null || rejected.evalue().contains("not a statement")) {
                rejected = f;
            }
        }
        return rejected;
    }

    private static final java.util.regex.Pattern TIMEIT_OPTION =
            java.util.regex.Pattern.compile("-([nr])\\s*(\\S+)\\s+");

    private static Evaluator.Outcome who(Evaluator evaluator) {
        List<Evaluator.Variable> variables = evaluator.variables();
        if (variables.isEmpty()) {
            return new Evaluator.Value(null, "no variables yet");
        }
        int width = variables.stream().mapToInt(v -> v.name().length()).max().orElse(0);
        StringBuilder text = new StringBuilder();
        for (Evaluator.Variable v : variables) {
            text.append(String.format(Locale.ROOT, "%-" + width + "s  %s%n", v.name(), v.type()));
        }
        return new Evaluator.Value(null, text.toString().stripTrailing());
    }

    /** {@code %load FILE}: runs a file of cell code (.jsh, .kts, ...) in this session, so its declarations stay. */
    private static Evaluator.Outcome load(String argument, Evaluator evaluator) {
        if (argument.isEmpty()) {
            return usage("%load", "name a file of code to run here: %load helpers.jsh");
        }
        Path file = Path.of(argument).toAbsolutePath();
        String source;
        try {
            source = Files.readString(file);
        } catch (IOException | java.io.UncheckedIOException e) {
            return usage("%load", "cannot read " + file + " (" + e.getMessage() + "); paths are relative to "
                    + Path.of("").toAbsolutePath());
        }
        System.out.println("loaded " + file + " (" + source.lines().count() + " lines)");
        return evaluator.evaluate(source);
    }

    /** {@code %classpath add PATH...} adds jars or class directories; {@code %classpath} lists what was added. */
    private static Evaluator.Outcome classpath(String argument, Evaluator evaluator) {
        String[] words = argument.isEmpty() ? new String[0] : argument.split("\\s+");
        if (words.length == 0) {
            synchronized (added) {
                return new Evaluator.Value(null, added.isEmpty() ? "nothing added (%classpath add PATH)"
                        : String.join("\n", added.stream().map(Path::toString).toList()));
            }
        }
        if (!words[0].equals("add") || words.length < 2) {
            return usage("%classpath", "use %classpath add PATH [PATH...] (jars or class directories), or "
                    + "%classpath to list them");
        }
        List<Path> entries = new ArrayList<>();
        for (int k = 1; k < words.length; k++) {
            Path entry = Path.of(words[k]).toAbsolutePath();
            if (!Files.exists(entry)) {
                return usage("%classpath", entry + " does not exist (paths are relative to "
                        + Path.of("").toAbsolutePath() + "); nothing was added");
            }
            entries.add(entry);
        }
        return addAll(entries, evaluator);
    }

    private static Evaluator.Outcome addAll(List<Path> entries, Evaluator evaluator) {
        List<Path> fresh;
        synchronized (added) {
            fresh = entries.stream().filter(e -> !added.contains(e)).toList();
            evaluator.addToClasspath(fresh);
            added.addAll(fresh);
        }
        return new Evaluator.Value(null, "added " + fresh.size() + " to the class path" + (fresh.isEmpty() ? ""
                : ":\n" + String.join("\n", fresh.stream().map(Path::toString).toList()))
                + (fresh.size() < entries.size() ? "\n(" + (entries.size() - fresh.size()) + " already there)" : ""));
    }

    /** {@code %maven group:artifact:version...}: resolves each with its dependencies and adds the jars. */
    private static Evaluator.Outcome maven(String argument, Evaluator evaluator) {
        if (argument.isEmpty()) {
            return usage("%maven", "name an artifact: %maven org.apache.commons:commons-text:1.12.0");
        }
        List<Path> jars = new ArrayList<>();
        for (String coordinates : argument.split("\\s+")) {
            try {
                jars.addAll(Dependencies.resolve(coordinates));
            } catch (IllegalArgumentException e) {
                return usage("%maven", "'" + coordinates + "' is not group:artifact:version (" + e.getMessage() + ")");
            } catch (org.eclipse.aether.resolution.DependencyResolutionException e) {
                return new Evaluator.Failure("MavenError", "could not resolve " + coordinates + " from "
                        + Dependencies.repositoryUrl() + ": " + rootMessage(e) + ". Check the coordinates and the "
                        + "network (offline, only what ~/.m2/repository holds resolves); a jar you have can be "
                        + "added with %classpath add PATH. Nothing was added.", List.of("MavenError: could not "
                        + "resolve " + coordinates));
            }
        }
        return addAll(jars, evaluator);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.getMessage() : e.getMessage() + " (" + root.getMessage() + ")";
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
