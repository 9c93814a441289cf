package org.neuromorph.kernel.magic;

import java.util.List;
import java.util.Locale;
import org.neuromorph.kernel.eval.Evaluator;

/** {@code %who}: the session's variables and their types. */
final class WhoMagic implements Magic {
    @Override
    public Evaluator.Outcome run(Call call) {
        List<Evaluator.Variable> variables = call.evaluator().variables();
        if (variables.isEmpty()) {
            return new Evaluator.Value(null, "no variables yet");
        }
        int width = variables.stream().mapToInt(v -> v.name().length()).max().orElse(0);
        StringBuilder text = new StringBuilder();
        for (Evaluator.Variable v : variables) {
            text.append(String.format(Locale.ROOT, "%-" + width + "s  %s%n", v.name(), v.type()));
        }
        return new Evaluator.Value(null, text.toString().stripTrailing());
    }
}
