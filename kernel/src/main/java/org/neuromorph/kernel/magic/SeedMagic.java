package org.neuromorph.kernel.magic;

import java.util.List;
import org.neuromorph.kernel.eval.Evaluator;
import org.neuromorph.random.Seeds;

/** {@code %seed N}: the seed of every network, crossbar and sweep made after it that sets none itself. */
final class SeedMagic implements Magic {
    @Override
    public Evaluator.Outcome run(Call call) {
        if (call.argument().isEmpty()) {
            return new Evaluator.Value(null, "seed " + Seeds.base() + " (set one with %seed N)");
        }
        long value;
        try {
            value = Long.parseLong(call.argument());
        } catch (NumberFormatException e) {
            return new Evaluator.Failure("UsageError", "%seed takes one whole number, e.g. %seed 42; got '"
                    + call.argument() + "'", List.of("%seed takes one whole number"));
        }
        Seeds.base(value);
        return new Evaluator.Value(null, "seed " + value + " for every network, crossbar and sweep made from now on"
                + " that sets no seed of its own");
    }
}
