package org.neuromorph.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JavaSyntaxTest {
    @Test
    void everyKindOfUnitACellHoldsParses() {
        for (String unit : new String[] {"import java.util.*;", "int x = 7;", "var y = 5;", "public static int z = 3;",
                "void f() { g(); }", "class A { }", "record P(int a) { }", "for (int i = 0; i < 2; i++) { }",
                "undefinedName + 1;", "undefinedName.foo();", "y = 5;", "Foo f = new Foo();",
                "System.out.println(1);", "List<String> l = new ArrayList<>();", "x -> x + 1;"}) {
            assertTrue(JavaSyntax.parses(unit), unit);
        }
    }

    @Test
    void whatCanNeverCompileDoesNot() {
        for (String unit : new String[] {"int = 7q;", "1 +* 2;", "foo bar baz;", "int x = ;", "class { }"}) {
            assertFalse(JavaSyntax.parses(unit), unit);
        }
    }
}
