package org.neuromorph.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * notebooks/10-tour-learning-on-devices.ipynb end to end in the real kernel, twice: STDP protocols, device curves, an
 * IR-drop crossbar and an MLP on RRAM arrays give the same outputs each run, with the numbers the library's own
 * tests pin down.
 */
class LearningOnDevicesNotebookTest {
    @Test
    void runsReproduciblyWithTheExpectedNumbers() throws Exception {
        List<String> first = NotebookRunner.outputs(NotebookRunner.execute("10-tour-learning-on-devices.ipynb",
                "10-tour-learning-on-devices.run1"));
        List<String> second = NotebookRunner.outputs(NotebookRunner.execute("10-tour-learning-on-devices.ipynb",
                "10-tour-learning-on-devices.run2"));
        assertEquals(first, second, "same seeds, same outputs");
        String all = String.join("\n", first);
        assertTrue(all.contains("STDP window (1 series, 8 points)") && all.contains("Conductance map: RRAM (HfOx, analog) (64 × 64"),
                "the figures are there:\n" + all);
        Matcher sw = Pattern.compile("software test accuracy ([0-9.]+)").matcher(all);
        Matcher hw = Pattern.compile("RRAM test accuracy +([0-9.]+)").matcher(all);
        assertTrue(sw.find() && hw.find(), all);
        double software = Double.parseDouble(sw.group(1));
        assertTrue(software >= 0.92, "software accuracy " + software);
        assertEquals(software, Double.parseDouble(hw.group(1)), 0.02, "RRAM within 2 points");
    }
}
