package org.neuromorph.kernel.magic;

import java.util.List;
import org.neuromorph.kernel.eval.Evaluator;

/**
 * One IPython-style magic: a line magic ({@code %name ARGUMENT}, the rest of the cell below it) or a cell magic
 * ({@code %%name ARGUMENT} over the cell below). The registry gives it its names ({@link Magics#register}); one
 * class may answer to several (a line and a cell form).
 */
@FunctionalInterface
public interface Magic {
    /**
     * A call of a magic.
     *
     * @param name     the name it was called by, e.g. {@code %%time}
     * @param argument what follows the name on its line, stripped
     * @param body     the cell's lines below the magic's line ("" if none)
     */
    record Call(String name, String argument, String body, Evaluator evaluator) {
    }

    Evaluator.Outcome run(Call call);

    /** A usage error naming the magic: what was wrong and how to call it. */
    static Evaluator.Failure usage(String magic, String message) {
        return new Evaluator.Failure("UsageError", message, List.of(magic + ": " + message));
    }
}
