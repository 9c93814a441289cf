package org.neuromorph.kernel.magic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.neuromorph.kernel.eval.Evaluator;

/** What {@code %classpath} and {@code %maven} added in this session, so nothing is added twice. */
final class ClassPathAdditions {
    private final List<Path> added = new ArrayList<>();

    synchronized List<Path> all() {
        return List.copyOf(added);
    }

    /** Adds the entries not added yet to the evaluator's class path and says what it did. */
    synchronized Evaluator.Outcome add(List<Path> entries, Evaluator evaluator) {
        List<Path> fresh = entries.stream().filter(e -> !added.contains(e)).distinct().toList();
        evaluator.addToClasspath(fresh);
        added.addAll(fresh);
        return new Evaluator.Value(null, "added " + fresh.size() + " to the class path" + (fresh.isEmpty() ? ""
                : ":\n" + String.join("\n", fresh.stream().map(Path::toString).toList()))
                + (fresh.size() < entries.size() ? "\n(" + (entries.size() - fresh.size()) + " already there)" : ""));
    }
}
