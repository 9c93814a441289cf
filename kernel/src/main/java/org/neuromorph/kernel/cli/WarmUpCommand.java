package org.neuromorph.kernel.cli;

import java.util.concurrent.Callable;
import org.neuromorph.kernel.eval.Evaluator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code neuromorph warm-up}: starts a language's evaluator (which compiles a throw-away cell) and exits. Install
 * runs it under -XX:ArchiveClassesAtExit, so the classes a kernel loads before its first cell (for Kotlin, most
 * of the compiler) come from a class-data-sharing archive instead of being parsed and verified at every start.
 */
@Command(name = "warm-up", hidden = true, description = "Start an evaluator once and exit (for the class archive).")
final class WarmUpCommand implements Callable<Integer> {
    @Option(names = "--language", defaultValue = "java")
    String language;

    @Override
    public Integer call() {
        KernelLanguage chosen = KernelLanguage.of(language);
        if (chosen == null) {
            System.err.println("neuromorph warm-up: unknown language '" + language + "'");
            return 2;
        }
        try (Evaluator evaluator = chosen.evaluator.get()) {
            Evaluator.Outcome outcome = evaluator.evaluate("1 + 1");
            return outcome instanceof Evaluator.Value ? 0 : 1;
        }
    }
}
