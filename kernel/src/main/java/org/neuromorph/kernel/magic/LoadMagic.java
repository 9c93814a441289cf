package org.neuromorph.kernel.magic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.neuromorph.kernel.eval.Evaluator;

/** {@code %load FILE}: runs a file of cell code (.jsh, .kts, ...) in this session, so its declarations stay. */
final class LoadMagic implements Magic {
    @Override
    public Evaluator.Outcome run(Call call) {
        if (call.argument().isEmpty()) {
            return Magic.usage("%load", "name a file of code to run here: %load helpers.jsh");
        }
        Path file = Path.of(call.argument()).toAbsolutePath();
        String source;
        try {
            source = Files.readString(file);
        } catch (IOException | UncheckedIOException e) {
            return Magic.usage("%load", "cannot read " + file + " (" + e.getMessage() + "); paths are relative to "
                    + Path.of("").toAbsolutePath());
        }
        System.out.println("loaded " + file + " (" + source.lines().count() + " lines)");
        return call.evaluator().evaluate(source);
    }
}
