package org.neuromorph.kernel.magic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuromorph.kernel.eval.Evaluator;

/**
 * The registry of magics, for both languages: a cell whose first line starts with {@code %%} is a cell magic over
 * the rest of the cell, a line starting with {@code %} a line magic (no Java or Kotlin statement starts with %).
 * Anything unknown is refused with the list of known magics.
 */
public final class Magics {
    private final Map<String, Magic> byName = new LinkedHashMap<>();

    /** The magics every kernel has. */
    public static Magics standard() {
        ClassPathAdditions added = new ClassPathAdditions();
        Magics magics = new Magics();
        magics.register(magics::list, "%lsmagic");
        magics.register(new TimeMagic(), "%time", "%%time");
        magics.register(new TimeitMagic(), "%timeit", "%%timeit");
        magics.register(new SeedMagic(), "%seed");
        magics.register(new WhoMagic(), "%who");
        magics.register(new LoadMagic(), "%load");
        magics.register(new ClasspathMagic(added), "%classpath");
        magics.register(new MavenMagic(added), "%maven");
        magics.register(new SparkMagic(), "%spark");
        magics.register(new RichTextMagic("text/html"), "%%html");
        magics.register(new RichTextMagic("text/markdown"), "%%markdown");
        magics.register(new RichTextMagic("application/javascript"), "%%javascript");
        return magics;
    }

    /** Adds a magic under each of the names given (a later one with the same name replaces the earlier). */
    public void register(Magic magic, String... names) {
        for (String name : names) {
            if (!name.startsWith("%")) {
                throw new IllegalArgumentException("a magic's name starts with % or %%, got '" + name + "'");
            }
            byName.put(name, magic);
        }
    }

    /** Line magics' names, then cell magics', in the order they were registered. */
    List<String> names(boolean cell) {
        return byName.keySet().stream().filter(n -> n.startsWith("%%") == cell).toList();
    }

    /** Runs {@code code}, handling a magic if it starts with one, and evaluating plain code otherwise. */
    public Evaluator.Outcome run(String code, Evaluator evaluator) {
        String trimmed = code.stripLeading();
        if (!trimmed.startsWith("%")) {
            return evaluator.evaluate(code);
        }
        int lineEnd = trimmed.indexOf('\n');
        String firstLine = (lineEnd < 0 ? trimmed : trimmed.substring(0, lineEnd)).strip();
        String body = lineEnd < 0 ? "" : trimmed.substring(lineEnd + 1);
        String name = firstLine.split("\\s+", 2)[0];
        String argument = firstLine.substring(name.length()).strip();
        Magic magic = byName.get(name);
        if (magic == null) {
            return new Evaluator.Failure("UnknownMagic", "unknown magic " + name + "; known: "
                    + String.join(" ", names(false)) + " " + String.join(" ", names(true)),
                    List.of("unknown magic " + name));
        }
        return magic.run(new Magic.Call(name, argument, body, evaluator));
    }

    /**
     * is_complete for a magic, as IPython answers it, or null if the code is no magic: a line magic is whole; a cell
     * magic's body is any text, so only a blank last line ends it.
     */
    public static Evaluator.Completeness completeness(String code) {
        String trimmed = code.stripLeading();
        if (!trimmed.startsWith("%")) {
            return null;
        }
        int lastLine = trimmed.lastIndexOf('\n') + 1;
        boolean ended = !trimmed.startsWith("%%") || lastLine > 0 && trimmed.substring(lastLine).isBlank();
        return new Evaluator.Completeness(ended ? "complete" : "incomplete", "");
    }

    /** {@code %lsmagic}: the magics there are. */
    private Evaluator.Outcome list(Magic.Call call) {
        return new Evaluator.Value(null, "line magics: " + String.join(" ", names(false)) + "\ncell magics: "
                + String.join(" ", names(true)));
    }
}
