package org.neuromorph.kernel.magic;

import java.util.Locale;
import org.neuromorph.kernel.eval.Evaluator;

/** {@code %time CODE} and {@code %%time}: runs the code once and prints its wall time. */
final class TimeMagic implements Magic {
    @Override
    public Evaluator.Outcome run(Call call) {
        String code = call.name().equals("%%time") ? call.body()
                : call.argument() + (call.body().isEmpty() ? "" : "\n" + call.body());
        long start = System.nanoTime();
        Evaluator.Outcome outcome = call.evaluator().evaluate(code);
        double ms = (System.nanoTime() - start) / 1e6;
        System.out.println(String.format(Locale.ROOT, "Wall time: %s", ms >= 1000
                ? String.format(Locale.ROOT, "%.3f s", ms / 1000) : String.format(Locale.ROOT, "%.1f ms", ms)));
        return outcome;
    }
}
