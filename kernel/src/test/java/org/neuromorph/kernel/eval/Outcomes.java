package org.neuromorph.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.IntFunction;
import java.util.function.IntSupplier;

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

    /**
     * Declares {@code plain0} to {@code plain39}, each a list of its number, by {@code declaration}, over at least 8
     * generations ({@code generation}); then asserts that collections unload all but at most 3 ({@code live}: the
     * first, which the test's earlier cells keep, the current one, at most one more) and that the variables read back.
     */
    static void declarePlainAndUnload(Evaluator evaluator, IntFunction<String> declaration, IntSupplier generation,
            IntSupplier live) throws InterruptedException {
        for (int i = 0; i < 40; i++) {
            run(evaluator, declaration.apply(i));
        }
        int generations = generation.getAsInt();
        assertTrue(generations >= 8, "generation " + generations);
        int count = live.getAsInt();
        for (int gc = 0; gc < 20 && count > 3; gc++) { // bounded: a few collections unload what is unreachable
            System.gc();
            Thread.sleep(50);
            count = live.getAsInt();
        }
        assertTrue(count <= 3, count + " of " + generations + " generations still loaded");
        assertEquals("[39]", value(evaluator, "plain39"));
        assertEquals("[0]", value(evaluator, "plain0"));
    }
}
