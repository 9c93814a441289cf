package org.neuromorph.kernel.magic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.neuromorph.kernel.eval.Evaluator;

/** {@code %classpath add PATH...} adds jars or class directories; {@code %classpath} lists what was added. */
record ClasspathMagic(ClassPathAdditions added) implements Magic {
    @Override
    public List<String> names() {
        return List.of("%classpath");
    }

    @Override
    public Evaluator.Outcome run(String name, String argument, String body, Evaluator evaluator) {
        String[] words = argument.isEmpty() ? new String[0] : argument.split("\\s+");
        if (words.length == 0) {
            List<Path> all = added.all();
            return new Evaluator.Value(null, all.isEmpty() ? "nothing added (%classpath add PATH)"
                    : String.join("\n", all.stream().map(Path::toString).toList()));
        }
        if (!words[0].equals("add") || words.length < 2) {
            return Magic.usage("%classpath", "use %classpath add PATH [PATH...] (jars or class directories), or "
                    + "%classpath to list them");
        }
        List<Path> entries = new ArrayList<>();
        for (int k = 1; k < words.length; k++) {
            Path entry = Path.of(words[k]).toAbsolutePath();
            if (!Files.exists(entry)) {
                return Magic.usage("%classpath", entry + " does not exist (paths are relative to "
                        + Path.of("").toAbsolutePath() + "); nothing was added");
            }
            entries.add(entry);
        }
        return added.add(entries, evaluator);
    }
}
