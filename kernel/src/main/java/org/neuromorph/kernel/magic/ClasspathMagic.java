package org.neuromorph.kernel.magic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.neuromorph.kernel.eval.Evaluator;

/** {@code %classpath add PATH...} adds jars or class directories; {@code %classpath} lists what was added. */
record ClasspathMagic(ClassPathAdditions added) implements Magic {
    @Override
    public Evaluator.Outcome run(Call call) {
        String[] words = call.argument().isEmpty() ? new String[0] : call.argument().split("\\s+");
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
        return added.add(entries, call.evaluator());
    }
}
