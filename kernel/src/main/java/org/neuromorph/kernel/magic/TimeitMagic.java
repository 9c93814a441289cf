package org.neuromorph.kernel.magic;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neuromorph.kernel.eval.Evaluator;

/**
 * {@code %timeit [-n LOOPS] [-r RUNS] CODE} and {@code %%timeit}: the code becomes a lambda timed by
 * {@link Timeit} inside a cell, so it runs on the cell thread (interruptible, output captured) and sees the
 * session's variables.
 */
final class TimeitMagic implements Magic {
    private static final Pattern OPTION = Pattern.compile("-([nr])\\s*(\\S+)\\s+");

    @Override
    public Evaluator.Outcome run(Call call) {
        String text = call.name().equals("%%timeit") || !call.body().isEmpty() ? call.argument() + "\n" + call.body()
                : call.argument();
        long loops = 0;
        int runs = 0;
        String code = text.strip();
        Matcher option;
        while ((option = OPTION.matcher(code)).lookingAt()) {
            try {
                if (option.group(1).equals("n")) {
                    loops = Long.parseLong(option.group(2));
                } else {
                    runs = Integer.parseInt(option.group(2));
                }
            } catch (NumberFormatException e) {
                return Magic.usage("%timeit", "-n and -r take whole numbers, got " + option.group(2));
            }
            code = code.substring(option.end()).strip();
        }
        if (code.isEmpty()) {
            return Magic.usage("%timeit", "nothing to time: %timeit [-n LOOPS] [-r RUNS] CODE, or %%timeit with the "
                    + "code below it");
        }
        Evaluator.Failure rejected = null;
        for (String form : call.evaluator().asRunnable(code)) {
            Evaluator.Outcome outcome = call.evaluator().evaluate(Timeit.class.getName() + ".measure(" + loops + "L, "
                    + runs + ", " + form + ")");
            if (!(outcome instanceof Evaluator.Failure f && f.ename().equals("CompilationError"))) {
                return outcome;
            }
            // a form that does not fit the code says so ("not a statement"); the other form's error is the real one
            if (rejected == null || rejected.evalue().contains("not a statement")) {
                rejected = f;
            }
        }
        return rejected;
    }
}
