package org.neuromorph.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuromorph.kernel.eval.Outcomes.run;
import static org.neuromorph.kernel.eval.Outcomes.value;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A session that outlives several JShell generations keeps every variable (the same storage: lambdas of earlier
 * generations and later cells see one variable), its types (existing objects stay instances), its methods (which
 * follow a later redefinition, as in JShell) and its imports.
 */
class JShellGenerationsTest {
    @Test
    void aSessionOutlivesItsJShellsWithItsStateWhole() {
        try (JShellEvaluator java = new JShellEvaluator(8)) {
            run(java, "import java.util.concurrent.atomic.AtomicInteger;");
            run(java, "int counter = 1;");
            run(java, "List<String> names = new ArrayList<>(List.of(\"a\"));");
            run(java, "record Point(int x, int y) { int sum() { return x + y; } }");
            run(java, "Point p = new Point(2, 3);");
            run(java, "int twice(int v) { return 2 * v + counter; }");
            run(java, "Runnable bump = () -> counter++;");
            run(java, "AtomicInteger ai = new AtomicInteger(5);");
            run(java, "int boom() { throw new IllegalStateException(\"boom in a method\"); }");
            for (int i = 0; i < 30; i++) {
                run(java, "int filler" + i + " = " + i + ";");
            }
            assertTrue(java.generation() >= 3, "generation " + java.generation());

            // carried variables no cell of this generation named yet still complete, and as variables
            Evaluator.Completions completions = java.complete("int s = filler2", 15);
            assertTrue(completions.matches().containsAll(List.of("filler2", "filler20", "filler29")),
                    completions.matches().toString());
            assertEquals(8, completions.cursorStart());
            assertEquals("instance", completions.types().get(completions.matches().indexOf("filler21")));
            assertEquals("1", value(java, "counter"));
            run(java, "bump.run();"); // a lambda of the first generation writes the variable later cells read
            assertEquals("2", value(java, "counter"));
            run(java, "counter = 10;");
            run(java, "bump.run();");
            assertEquals("11", value(java, "counter"));
            assertEquals("17", value(java, "twice(3)"));
            assertEquals("5", value(java, "p.sum()"));
            assertEquals("true", value(java, "p instanceof Point"));
            assertEquals("[a, b]", value(java, "names.add(\"b\"); names"));
            assertEquals("3", value(java, "filler3 + 0"));
            assertEquals("6", value(java, "ai.incrementAndGet()"));

            Evaluator.Failure failure = assertInstanceOf(Evaluator.Failure.class, java.evaluate("boom()"));
            assertEquals("java.lang.IllegalStateException", failure.ename());
            assertTrue(failure.traceback().stream().anyMatch(l -> l.contains("boom(")), failure.traceback().toString());

            run(java, "int counter = 100;"); // a redeclaration: methods follow it, as in JShell
            assertEquals("102", value(java, "twice(1)"));
            List<String> names = java.variables().stream().map(Evaluator.Variable::name).toList();
            assertEquals(1, names.stream().filter("counter"::equals).count(), names.toString());
            assertTrue(names.containsAll(List.of("names", "p", "bump", "ai", "filler0", "filler29")), names.toString());
        }
    }
}
