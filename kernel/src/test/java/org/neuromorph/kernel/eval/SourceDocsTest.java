package org.neuromorph.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SourceDocsTest {

    @Test
    void parameterTypesDropNamesPackagesAndTypeArguments() {
        assertEquals(List.of("String", "int", "Map", "double[]"),
                SourceDocs.parameterTypes("String name, int size, java.util.Map<String, List<Time>> m, double... xs"));
        assertEquals(List.of(), SourceDocs.parameterTypes(""));
    }

    @Test
    void findsTheJavadocOfTheDslFromItsPackagedSources() {
        SourceDocs docs = new SourceDocs();
        String lif = docs.javadoc("Lif org.neuromorph.dsl.Neuro.lif()");
        assertTrue(lif != null && lif.startsWith("A leaky integrate-and-fire model"), lif);
        String tau = docs.javadoc("Lif Lif.tauM(Time value)");
        assertTrue(tau != null && tau.contains("ms(20)"), tau);
        assertNull(docs.javadoc("int Math.max(int a, int b)"));
    }
}
