package org.neuromorph.kernel.magic;

import java.util.List;
import org.neuromorph.kernel.eval.Evaluator;

/**
 * One IPython-style magic: a line magic ({@code %name ARGUMENT}, the rest of the cell below it) or a cell magic
 * ({@code %%name ARGUMENT} over the cell below). A class may answer to several names (a line and a cell form).
 */
public interface Magic {
    /** The names it answers to, with their % or %%, e.g. {@code %time} and {@code %%time}. */
    List<String> names();

    /**
     * Runs the magic.
     *
     * @param name     the name it was called by
     * @param argument what follows the name on its line, stripped
     * @param body     the cell's lines below the magic's line ("" if none)
     */
    Evaluator.Outcome run(String name, String argument, String body, Evaluator evaluator);

    /** A usage error naming the magic: what was wrong and how to call it. */
    static Evaluator.Failure usage(String magic, String message) {
        return new Evaluator.Failure("UsageError", message, List.of(magic + ": " + message));
    }
}
