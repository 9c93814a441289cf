package org.neuromorph.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Running cells in tests: a cell that fails fails the test with its traceback. */
final class Outcomes {
    private Outcomes() {
    }

    /** The text of the value {@code code} evaluates to. */
    static String value(Evaluator evaluator, String code) {
        return assertInstanceOf(Evaluator.Value.class, run(evaluator, code), code).text();
    }

    /** Runs {@code code}, which must not fail. */
    static Evaluator.Outcome run(Evaluator evaluator, String code) {
        Evaluator.Outcome outcome = evaluator.evaluate(code);
        if (outcome instanceof Evaluator.Failure f) {
            throw new AssertionError(code + " failed: " + f.traceback());
        }
        return outcome;
    }
}
