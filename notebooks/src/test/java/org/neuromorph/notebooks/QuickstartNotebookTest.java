package org.neuromorph.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Executes notebooks/00-quickstart.ipynb headless with Debian's nbconvert on the installed kernelspec (installed
 * by the jar itself into a temporary JUPYTER_PATH), twice, and checks that no cell failed, that the numbers are
 * plausible, and that both runs give identical outputs (the network is seeded). The Kotlin quickstart builds the
 * same network with the Kotlin builders and must give the same numbers.
 */
class QuickstartNotebookTest {
    @Test
    void quickstartRunsAndIsReproducible() throws Exception {
        List<String> first = NotebookRunner.outputs(NotebookRunner.execute("00-quickstart.ipynb", "00-quickstart.run1"));
        List<String> second = NotebookRunner.outputs(NotebookRunner.execute("00-quickstart.ipynb", "00-quickstart.run2"));
        assertEquals(first, second, "same seed, same numbers");

        String all = String.join("\n", first);
        Matcher m = Pattern.compile("SpikeMonitor\\(exc: (\\d+) spikes in 1(?:\\.0+)? s, mean rate ([0-9.]+) Hz\\)").matcher(all);
        assertTrue(m.find(), "spike monitor summary in the outputs:\n" + all);
        double rate = Double.parseDouble(m.group(2));
        // ~24 mV mean drive against a 20 mV gap to threshold: fluctuation-driven firing of some tens of Hz
        assertTrue(rate > 5 && rate < 80, "mean rate " + rate + " Hz");
        Matcher v = Pattern.compile("min ([-0-9.]+) mV, mean ([-0-9.]+) mV").matcher(all);
        assertTrue(v.find(), "voltage summary in the outputs");
        assertEquals(-70.0, Double.parseDouble(v.group(1)), 1e-9, "reset potential is the floor of the trace");
        double mean = Double.parseDouble(v.group(2));
        assertTrue(mean > -70 && mean < -50, "mean membrane potential " + mean + " mV");
    }

    /**
     * The committed notebook keeps the outputs of a run on JDK 17; the test command runs this class on JDK 25 too, so
     * the same seed gives the same numbers on either JDK (the LIF lanes and the scalar path agree to the bit).
     */
    @Test
    void quickstartGivesTheCommittedNumbersOnThisJdk() throws Exception {
        JsonNode committed = new ObjectMapper().readTree(NotebookRunner.notebook("00-quickstart.ipynb").toFile());
        List<String> executed = NotebookRunner.outputs(NotebookRunner.execute("00-quickstart.ipynb",
                "00-quickstart.jdk" + Runtime.version().feature()));
        assertEquals(NotebookRunner.outputs(committed), executed, "JDK " + Runtime.version());
    }

    @Test
    void kotlinQuickstartGivesTheJavaNumbers() throws Exception {
        List<String> kotlin = NotebookRunner.outputs(NotebookRunner.execute("00-quickstart-kotlin.ipynb", "00-quickstart-kotlin.run"));
        List<String> java = NotebookRunner.outputs(NotebookRunner.execute("00-quickstart.ipynb", "00-quickstart.for-kotlin"));
        // Java shows the network object and quotes its final string; the science must be identical
        List<String> javaScience = java.subList(1, java.size()).stream().map(t -> t.replaceAll("^\"|\"$", "")).toList();
        assertEquals(javaScience, kotlin, "the same model and seed in Kotlin and Java give the same spikes");
    }
}
