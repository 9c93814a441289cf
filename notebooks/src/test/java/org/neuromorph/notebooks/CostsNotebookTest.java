package org.neuromorph.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * notebooks/13-costs.ipynb on the installed Java kernel: the digits MLP on RRAM and PCM tiles at two DAC and two
 * ADC resolutions, accuracy against energy per inference (the DAC sets the energy, the ADC the accuracy), the
 * breakdown of one design, and STDP on RRAM with what its learning cost.
 */
class CostsNotebookTest {
    private static final Pattern RUN = Pattern.compile(
            "(RRAM|PCM), DAC (\\d) b, ADC (\\d) b: ([0-9.]+) % at ([0-9.]+) pJ per inference \\(([0-9.]+)× less");

    @Test
    void accuracyStandsBesideEnergyAndLearningShowsItsCost() throws Exception {
        String all = NotebookRunner.allText("13-costs.ipynb");
        Map<String, double[]> runs = new HashMap<>();
        Matcher m = RUN.matcher(all);
        while (m.find()) {
            runs.put(m.group(1) + m.group(2) + m.group(3), new double[] {Double.parseDouble(m.group(4)),
                    Double.parseDouble(m.group(5)), Double.parseDouble(m.group(6))});
        }
        assertEquals(8, runs.size(), all);
        for (String device : new String[] {"RRAM", "PCM"}) {
            for (String adc : new String[] {"6", "8"}) {
                double[] cheap = runs.get(device + "4" + adc);
                double[] dear = runs.get(device + "8" + adc);
                assertTrue(dear[1] > 4 * cheap[1], device + ": an 8-bit DAC costs more than four times a 4-bit one");
            }
            for (String dac : new String[] {"4", "8"}) {
                double[] coarse = runs.get(device + dac + "6");
                double[] fine = runs.get(device + dac + "8");
                assertTrue(fine[0] > coarse[0] + 5, device + ": the 8-bit ADC keeps more accuracy: " + all);
                assertTrue(fine[0] >= 85, device + " with an 8-bit ADC: " + fine[0] + " %");
            }
            assertTrue(runs.get(device + "48")[2] > 1, "4-bit DACs beat the digital baseline");
            assertTrue(runs.get(device + "88")[2] < 1, "8-bit DACs spend more than digital");
        }
        assertTrue(all.contains("TOPS/W") && all.contains("digital at 45 nm (Horowitz, ISSCC 2014)"), all);
        Matcher learning = Pattern.compile("learning: (\\d+) pulses, ([0-9.]+) nJ").matcher(all);
        assertTrue(learning.find() && Long.parseLong(learning.group(1)) > 1000, all);
        assertTrue(all.contains("not counted (no figure set): neurons: neuron spikes"), all);
    }
}
