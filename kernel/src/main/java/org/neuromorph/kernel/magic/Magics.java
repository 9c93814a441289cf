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
        magics.register(new ListMagics(magics));
        magics.register(new TimeMagic());
        magics.register(new TimeitMagic());
        magics.register(new SeedMagic());
        magics.register(new WhoMagic());
        magics.register(new LoadMagic());
        magics.register(new ClasspathMagic(added));
        magics.register(new MavenMagic(added));
        magics.register(new RichTextMagic("%%html", "text/html"));
        magics.register(new RichTextMagic("%%markdown", "text/markdown"));
        magics.register(new RichTextMagic("%%javascript", "application/javascript"));
        return magics;
    }

    /** Adds a magic under each of its names (a later one with the same name replaces the earlier). */
    public void register(Magic magic) {
        for (String name : magic.names()) {
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
        return magic.run(name, argument, body, evaluator);
    }

    /** {@code %lsmagic}: the magics there are. */
    private record ListMagics(Magics magics) implements Magic {
        @Override
        public List<String> names() {
            return List.of("%lsmagic");
        }

        @Override
        public Evaluator.Outcome run(String name, String argument, String body, Evaluator evaluator) {
            return new Evaluator.Value(null, "line magics: " + String.join(" ", magics.names(false))
                    + "\ncell magics: " + String.join(" ", magics.names(true)));
        }
    }
}
