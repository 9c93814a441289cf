package org.neuromorph.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cells in the kernel's JVM without the Security Manager or Thread.stop: their classes are rewritten as they load,
 * so exits are refused and busy loops end on interrupt, on every JDK the test runs on, with earlier state kept.
 */
class CellGuardTest {
    private static JShellEvaluator java;

    @BeforeAll
    static void start() {
        java = new JShellEvaluator();
        assertInstanceOf(Evaluator.NoValue.class, java.evaluate("int kept = 7;"));
    }

    @AfterAll
    static void stop() {
        java.close();
    }

    private static void assertKept() {
        Evaluator.Outcome kept = java.evaluate("kept");
        assertInstanceOf(Evaluator.Value.class, kept);
        assertEquals("7", ((Evaluator.Value) kept).text());
    }

    @Test
    void everyWayOfExitingIsRefusedWithTheReasonAndTheStateIsKept() {
        String[] exits = {"System.exit(1);", "Runtime.getRuntime().exit(2);", "Runtime.getRuntime().halt(3);",
            "java.util.function.IntConsumer bye = System::exit; bye.accept(4);",
            "Runtime r = Runtime.getRuntime(); java.util.function.IntConsumer bye = r::halt; bye.accept(5);",
            "class Quitter { void quit() { for (int i = 0; i < 3; i++) { if (i == 2) System.exit(6); } } }"
                    + " new Quitter().quit();"};
        for (String exit : exits) {
            Evaluator.Outcome outcome = java.evaluate(exit);
            Evaluator.Failure failure = assertInstanceOf(Evaluator.Failure.class, outcome, exit);
            assertEquals("java.lang.SecurityException", failure.ename(), exit);
            assertTrue(failure.evalue().contains("not allowed in a cell") && failure.evalue().contains("restart the "
                    + "kernel"), failure.evalue());
        }
        assertKept();
    }

    @Test
    void busyLoopsEndWithinTwoSecondsOfAnInterrupt() throws InterruptedException {
        String[] loops = {"while (true) { }", "for (long i = 0; ; i++) { try { Thread.sleep(1); } catch (Throwable t) { } }",
            "new Thread(() -> { while (true) { } }).start(); while (true) { }",
            "java.util.stream.IntStream.iterate(0, i -> i + 1).forEach(i -> { });",
            "do { kept = kept + 0; } while (kept > 0);"};
        for (String loop : loops) {
            AtomicReference<Evaluator.Outcome> outcome = new AtomicReference<>();
            Thread cell = new Thread(() -> outcome.set(java.evaluate(loop)));
            cell.start();
            Thread.sleep(300);
            long asked = System.nanoTime();
            java.interrupt();
            cell.join(5000);
            assertFalse(cell.isAlive(), loop);
            double seconds = (System.nanoTime() - asked) / 1e9;
            assertTrue(seconds < 2, loop + " took " + seconds + " s to stop");
            Evaluator.Failure failure = assertInstanceOf(Evaluator.Failure.class, outcome.get(), loop);
            assertEquals("Interrupted", failure.ename(), loop + ": " + failure);
        }
        assertKept();
        assertFalse(CellGuard.stopRaised(), "the stop is lowered once the cells have ended");
        assertInstanceOf(Evaluator.Value.class, java.evaluate("long n = 0; for (int i = 0; i < 1000; i++) n += i; n"),
                "loops run again after the stop");
    }
}
