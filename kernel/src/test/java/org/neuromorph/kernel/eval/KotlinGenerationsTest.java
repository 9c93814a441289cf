package org.neuromorph.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuromorph.kernel.eval.Outcomes.declarePlainAndUnload;
import static org.neuromorph.kernel.eval.Outcomes.run;
import static org.neuromorph.kernel.eval.Outcomes.value;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Kotlin session that outlives several compilers keeps every property (one storage: lambdas of earlier generations
 * and later cells see one variable), its classes (existing objects stay instances), its functions (which follow a
 * later redefinition) and its imports.
 */
class KotlinGenerationsTest {
    /**
     * A generation whose properties are plain vals leaves nothing of itself behind once carried over, and is
     * unloaded (its classes' metaspace freed); one whose var later cells still write stays.
     */
    @Test
    void generationsOfPlainValsAreUnloaded() throws InterruptedException {
        try (KotlinEvaluator kotlin = new KotlinEvaluator(5)) {
            run(kotlin, "var kept = 1");
            declarePlainAndUnload(kotlin, i -> "val plain" + i + " = listOf(" + i + ")", kotlin::generation,
                    kotlin::liveGenerations);
            run(kotlin, "kept += 1");
            assertEquals("2", value(kotlin, "kept"));
        }
    }

    @Test
    void aSessionOutlivesItsCompilersWithItsStateWhole() {
        try (KotlinEvaluator kotlin = new KotlinEvaluator(8)) {
            run(kotlin, "import java.util.concurrent.atomic.AtomicInteger");
            run(kotlin, "var counter = 1");
            run(kotlin, "val names = mutableListOf(\"a\")");
            run(kotlin, "data class Point(val x: Int, val y: Int) { fun sum() = x + y }");
            run(kotlin, "val p = Point(2, 3)");
            run(kotlin, "fun twice(v: Int, extra: Int = 0) = 2 * v + counter + extra");
            run(kotlin, "val bump = { counter++ }");
            run(kotlin, "val ai = AtomicInteger(5)");
            run(kotlin, "fun boom(): Int = throw IllegalStateException(\"boom in a function\")");
            run(kotlin, "val Int.doubled get() = this * 2");
            run(kotlin, "val (first, second) = Pair(7, 8)");
            run(kotlin, "var lazyRuns = 0");
            run(kotlin, "val once by lazy { lazyRuns++; 42 }");
            for (int i = 0; i < 30; i++) {
                run(kotlin, "val filler" + i + " = " + i);
            }
            assertTrue(kotlin.generation() >= 3, "generation " + kotlin.generation());

            Evaluator.Completions completions = kotlin.complete("val s = filler2", 15);
            assertTrue(completions.matches().containsAll(List.of("filler2", "filler20", "filler29")),
                    completions.matches().toString());
            assertEquals("1", value(kotlin, "counter"));
            run(kotlin, "bump()"); // a lambda of the first generation writes the property later cells read
            assertEquals("2", value(kotlin, "counter"));
            run(kotlin, "counter = 10");
            run(kotlin, "bump()");
            assertEquals("11", value(kotlin, "counter"));
            assertEquals("17", value(kotlin, "twice(3)"));
            assertEquals("18", value(kotlin, "twice(3, extra = 1)"));
            assertEquals("5", value(kotlin, "p.sum()"));
            assertEquals("true", value(kotlin, "p is Point && Point(1, 1).sum() == 2"));
            assertEquals("[a, b]", value(kotlin, "names.add(\"b\"); names"));
            assertEquals("3", value(kotlin, "filler3 + 0"));
            assertEquals("6", value(kotlin, "ai.incrementAndGet()"));
            assertEquals("8", value(kotlin, "4.doubled"));
            assertEquals("15", value(kotlin, "first + second"));
            assertEquals("42", value(kotlin, "once"));
            assertEquals("42", value(kotlin, "once"));
            assertEquals("1", value(kotlin, "lazyRuns")); // the delegate of its cell, not a second one

            Evaluator.Failure failure = assertInstanceOf(Evaluator.Failure.class, kotlin.evaluate("boom()"));
            assertEquals("java.lang.IllegalStateException", failure.ename());

            run(kotlin, "val counter = 100"); // a redeclaration: functions made again follow it
            for (int i = 0; i < 10; i++) {
                run(kotlin, "val more" + i + " = " + i);
            }
            assertEquals("102", value(kotlin, "twice(1)"));
            List<String> names = kotlin.variables().stream().map(Evaluator.Variable::name).toList();
            assertEquals(1, names.stream().filter("counter"::equals).count(), names.toString());
            assertTrue(names.containsAll(List.of("names", "p", "bump", "ai", "filler0", "filler29")), names.toString());
        }
    }

    @Test
    void classesAddedToTheClassPathAreSeenWithEarlierStateKept(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path source = dir.resolve("src/added/Greeter.java");
        java.nio.file.Files.createDirectories(source.getParent());
        java.nio.file.Files.writeString(source,
                "package added; public class Greeter { public static String hello() { return \"hello\"; } }");
        java.nio.file.Path classes = dir.resolve("classes");
        assertEquals(0, javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null,
                "-d", classes.toString(), source.toString()));
        try (KotlinEvaluator kotlin = new KotlinEvaluator(4)) {
            run(kotlin, "val before = 41");
            kotlin.addToClasspath(List.of(classes));
            assertEquals("hello 42", value(kotlin, "added.Greeter.hello() + \" \" + (before + 1)"));
            for (int i = 0; i < 6; i++) {
                run(kotlin, "val step" + i + " = " + i);
            }
            assertTrue(kotlin.generation() >= 2, "generation " + kotlin.generation());
            assertEquals("hello 46", value(kotlin, "added.Greeter.hello() + \" \" + (before + step5)"));
        }
    }

    @Test
    void aLongExpressionCompilesAndTheSessionGoesOn() {
        try (KotlinEvaluator kotlin = new KotlinEvaluator()) {
            run(kotlin, "val before = 1");
            // the compiler recurses once per operand: 1,500 overflowed its thread's stack and broke later cells
            assertEquals("1501", value(kotlin, "before.toLong()" + " + 1".repeat(1500)));
            assertEquals("2", value(kotlin, "before + \"x\".length"));
        }
    }
}
