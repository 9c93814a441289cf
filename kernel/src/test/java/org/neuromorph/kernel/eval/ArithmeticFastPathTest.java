package org.neuromorph.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import jdk.jshell.JShell;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.Test;

/** The no-compile path for arithmetic cells gives exactly what JShell gives, and declines everything else. */
class ArithmeticFastPathTest {
    private static final Map<String, Object> VARS = Map.of("i", 7, "big", Integer.MAX_VALUE, "l", 5_000_000_000L,
            "d", 0.1, "nan", Double.NaN, "neg", -3, "flag", true);

    private static Object fast(String code) {
        return ArithmeticFastPath.evaluate(code, VARS::get);
    }

    @Test
    void javaArithmeticRules() {
        assertEquals(2, fast("1+1"));
        assertEquals(8, fast("i + 1"));
        assertEquals(Integer.MIN_VALUE, fast("big + 1"), "int overflow wraps");
        assertEquals(1, fast("big * big"));
        assertEquals(Integer.MIN_VALUE, fast("(-big - 1) / -1"), "MIN_VALUE / -1 overflows as in Java");
        assertEquals(3, fast("i / 2"), "integer division");
        assertEquals(-1, fast("neg % 2"), "remainder takes the dividend's sign");
        assertEquals(3.5, fast("i / 2.0"));
        assertEquals(5_000_000_007L, fast("l + i"), "promotion to long");
        assertEquals(0.30000000000000004, fast("d + 0.2"));
        assertEquals(false, fast("nan == nan"));
        assertEquals(true, fast("flag && i > 6 || false"));
        assertEquals(true, fast("!(i < 0)"));
        assertEquals(-7, fast("-(i)"));
        assertEquals(1e-3, fast("1e-3"));
        assertEquals(7.5, fast("07.5"));
        assertEquals(2L, fast("2L"));
        assertEquals(14, fast("  i * 2  "));
    }

    @Test
    void everythingElseGoesToJShell() {
        for (String code : List.of("i / 0", "l % 0L", "i++", "i = 3", "i += 1", "(int) d", "x + 1", "Math.PI",
                "f(1)", "\"a\" + i", "'c'", "1f", "0x10", "010", "1_000", "2147483648", "i;", "i ? 1 : 2",
                "i & 1", "i << 1", "flag + 1", "1 < 2 < 3", "nan < 1", "int", "// c\n1", "a[0]", "new int[1]")) {
            assertNull(fast(code), code);
        }
    }

    @Test
    void kotlinRefusesWhatKotlinRefuses() {
        java.util.function.Function<String, Object> kotlin = code -> ArithmeticFastPath.evaluate(code, VARS::get,
                ArithmeticFastPath.Dialect.KOTLIN);
        assertEquals(8, kotlin.apply("i + 1"));
        assertEquals(5_000_000_007L, kotlin.apply("l + i"));
        assertEquals(true, kotlin.apply("i == 7"));
        assertEquals(0.5, kotlin.apply(".5"));
        for (String code : List.of("i == 7L", "d == 1", "5d", "1.", "07", "1.e3", "i..3", "x!!", "i === 7")) {
            assertNull(kotlin.apply(code), code);
        }
    }

    /** Random expressions over the variables, run by the fast path and by JShell: where handled, the same text. */
    @Test
    void randomExpressionsAgreeWithJShell() {
        SplittableRandom rng = new SplittableRandom(42);
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            for (String declaration : List.of("int i = 7;", "int big = Integer.MAX_VALUE;", "long l = 5000000000L;",
                    "double d = 0.1;", "double nan = Double.NaN;", "int neg = -3;", "boolean flag = true;")) {
                shell.eval(declaration);
            }
            int handled = 0;
            for (int k = 0; k < 400; k++) {
                String code = expression(rng, 3);
                Object value = fast(code);
                if (value == null) {
                    continue;
                }
                handled++;
                List<SnippetEvent> events = shell.eval(code);
                SnippetEvent last = events.get(events.size() - 1);
                assertNull(last.exception(), code);
                assertEquals(last.value(), String.valueOf(value), code);
            }
            assertTrue(handled > 150, "the fast path handled " + handled + " of 400");
        }
    }

    private static String expression(SplittableRandom rng, int depth) {
        String[] leaves = {"i", "big", "l", "d", "nan", "neg", "flag", "1", "0", "2.5", "3L", "1e3", "true"};
        if (depth == 0 || rng.nextInt(3) == 0) {
            return leaves[rng.nextInt(leaves.length)];
        }
        String[] ops = {"+", "-", "*", "/", "%", "<", ">=", "==", "!=", "&&", "||"};
        return switch (rng.nextInt(4)) {
            case 0 -> "-" + expression(rng, depth - 1);
            case 1 -> "(" + expression(rng, depth - 1) + ")";
            default -> expression(rng, depth - 1) + " " + ops[rng.nextInt(ops.length)] + " "
                    + expression(rng, depth - 1);
        };
    }
}
