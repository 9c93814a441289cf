package org.neuromorph.kernel.magic;

import java.util.List;
import org.neuromorph.kernel.eval.Evaluator;
import org.neuromorph.random.Seeds;

/** {@code %seed N}: the seed of every network, crossbar and sweep made after it that sets none itself. */
final class SeedMagic implements Magic {
    @Override
    public List<String> names() {
        return List.of("%seed");
    }

    @Override
    public Evaluator.Outcome run(String name, String argument, String body, Evaluator evaluator) {
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
}
