package org.neuromorph.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuromorph.dsl.Neuro.uS;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class NeuroDevicesTest {

    @Test
    void pulseResponseTableHasARowPerPulseInsideTheWindow() {
        Table t = Neuro.pulseResponse(Neuro.rram(), 3, 64, 64, 2, 1);
        assertEquals(3 * 2 * 128, t.rowCount());
        double max = t.doubleColumn("G_uS").max();
        double min = t.doubleColumn("G_uS").min();
        assertTrue(min >= 0 && max <= 100 * 1.25, "within the window (with 5 % d2d): " + min + "–" + max);
        // after 64 potentiating pulses a device is near its top, after 64 depressing ones near its bottom
        assertTrue(t.doubleColumn("G_uS").get(63) > 80 && t.doubleColumn("G_uS").get(127) < 15,
                t.doubleColumn("G_uS").get(63) + ", " + t.doubleColumn("G_uS").get(127));
    }

    @Test
    void pcmDriftLowersTheMeanConductanceOverTime() {
        Table t = Neuro.driftOverTime(Neuro.pcm(), 500, uS(10), 20, 200, 2000, 20000);
        assertEquals(4, t.rowCount());
        for (int r = 1; r < 4; r++) {
            assertTrue(t.doubleColumn("mean_G_uS").get(r) < t.doubleColumn("mean_G_uS").get(r - 1), "drift down");
        }
        Table spread = Neuro.programmingSpread(Neuro.pcm(), 500, uS(10), 2);
        assertEquals(10, spread.doubleColumn("G_uS").mean(), 0.2, "programmed around the target");
    }
}
