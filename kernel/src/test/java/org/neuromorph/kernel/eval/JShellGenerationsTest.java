package org.neuromorph.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuromorph.kernel.eval.Outcomes.declarePlainAndUnload;
import static org.neuromorph.kernel.eval.Outcomes.run;
import static org.neuromorph.kernel.eval.Outcomes.value;

import java.util.List;
import java.util.Map;
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

    /**
     * A generation whose variables only their initializers used moves their values to its store and is unloaded;
     * the one whose variable a lambda writes stays, and the lambda and later cells still share that variable.
     */
    @Test
    void generationsOfPlainDeclarationsAreUnloaded() throws InterruptedException {
        try (JShellEvaluator java = new JShellEvaluator(5)) {
            run(java, "int kept = 1;");
            run(java, "Runnable bump = () -> kept++;");
            declarePlainAndUnload(java, i -> "List<Integer> plain" + i + " = List.of(" + i + ");", java::generation,
                    java::liveGenerations);
            run(java, "plain0 = List.of(7);");
            assertEquals("7", value(java, "plain0.get(0) + 0"));
            run(java, "bump.run();");
            assertEquals("2", value(java, "kept"));
            run(java, "kept = 5; bump.run();");
            assertEquals("6", value(java, "kept"));
        }
    }

    /**
     * Each generation is a runtime package of its own, so the package and protected members of an earlier
     * generation's classes are made public: later cells use them, and a later subclass overrides them.
     */
    @Test
    void laterGenerationsUseEarlierClassesAsFromTheirPackage() {
        try (JShellEvaluator java = new JShellEvaluator(3)) {
            run(java, "class Base { int hidden = 3; protected int p() { return 1; } int m() { return 10; } "
                    + "int call() { return m(); } }");
            for (int i = 0; i < 4; i++) {
                run(java, "int a" + i + " = " + i + ";");
            }
            run(java, "class Derived extends Base { int m() { return 20; } }");
            for (int i = 0; i < 4; i++) {
                run(java, "int b" + i + " = " + i + ";");
            }
            assertTrue(java.generation() >= 3, "generation " + java.generation());
            assertEquals("24", value(java, "new Base().hidden + new Base().p() + new Derived().call()"));
            assertEquals("10", value(java, "new Base().call()"));
        }
    }

    /**
     * A sweep sent to other JVMs takes the variables its code reads from where they live: a moved variable from its
     * generation's store, whose class is kept for the executors.
     */
    @Test
    void codeShippedElsewhereReadsMovedVariablesFromTheirStore() {
        try (JShellEvaluator java = new JShellEvaluator(3)) {
            run(java, "double rate = 2.5;");
            for (int i = 0; i < 6; i++) {
                run(java, "int c" + i + " = " + i + ";");
            }
            Object body = assertInstanceOf(Evaluator.Value.class, run(java,
                    "(java.util.function.Supplier<Double> & java.io.Serializable) () -> rate * 2")).value();
            Map<String, Map<String, Object>> read = KernelCellCode.session().variablesReadBy(body);
            assertEquals(1, read.size(), read.toString());
            String owner = read.keySet().iterator().next();
            assertTrue(owner.startsWith("REPL.Store"), owner);
            assertEquals(Map.of("rate", 2.5), read.get(owner));
            assertTrue(CellClassArchive.SESSION.has(owner), owner + " is not kept for the executors");
        }
    }
}
