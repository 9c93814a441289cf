package org.neuromorph.kernel.magic;

import java.util.List;
import java.util.Locale;
import org.neuromorph.kernel.eval.Evaluator;

/** {@code %time CODE} and {@code %%time}: runs the code once and prints its wall time. */
final class TimeMagic implements Magic {
    @Override
    public List<String> names() {
        return List.of("%time", "%%time");
    }

    @Override
    public Evaluator.Outcome run(String name, String argument, String body, Evaluator evaluator) {
        String code = name.equals("%%time") ? body : argument + (body.isEmpty() ? "" : "\n" + body);
        long start = System.nanoTime();
        Evaluator.Outcome outcome = evaluator.evaluate(code);
        double ms = (System.nanoTime() - start) / 1e6;
        System.out.println(String.format(Locale.ROOT, "Wall time: %s", ms >= 1000
                ? String.format(Locale.ROOT, "%.3f s", ms / 1000) : String.format(Locale.ROOT, "%.1f ms", ms)));
        return outcome;
    }
}
