package org.neuromorph.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuromorph.dsl.Neuro.Hz;
import static org.neuromorph.dsl.Neuro.ms;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class NeuroPlasticityTest {

    @Test
    void stdpWindowIsATableWithTheWindowsSigns() {
        Table window = Neuro.stdpWindow(Neuro.stdpBiPoo(0.8, 0.4), 0.5, 1, Hz(1), ms(-20), ms(-5), ms(5), ms(20));
        assertEquals(4, window.rowCount());
        assertEquals(-20, window.doubleColumn("Δt (ms)").get(0), 1e-12);
        assertTrue(window.doubleColumn("Δw").get(0) < 0 && window.doubleColumn("Δw").get(3) > 0);
        assertEquals(0.8 * Math.exp(-5 / 16.8), window.doubleColumn("Δw").get(2), 1e-12);
    }

    @Test
    void tripletSetsByNameAndAClearErrorOtherwise() {
        Table f = Neuro.stdpFrequencyDependence(Neuro.tripletStdp("visual cortex all-to-all minimal"), 1, 60, ms(-10),
                Hz(0.1), Hz(50));
        assertTrue(f.doubleColumn("Δw").get(0) < 0 && f.doubleColumn("Δw").get(1) > 0);
        var e = assertThrows(IllegalArgumentException.class, () -> Neuro.tripletStdp("hippocampus"));
        assertTrue(e.getMessage().contains("visual cortex nearest") && e.getMessage().contains("hippocampal nearest"),
                e.getMessage());
        Table triplets = Neuro.stdpTriplets(Neuro.tripletStdp("Hippocampal All-to-All"), 1, 60, Hz(1), ms(5), ms(5));
        assertEquals("post-pre-post", triplets.stringColumn("order").get(1));
        assertTrue(triplets.doubleColumn("Δw").get(1) > 0.25 && Math.abs(triplets.doubleColumn("Δw").get(0)) < 0.1,
                triplets.print());
    }
}
