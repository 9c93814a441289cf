package org.neuromorph.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * notebooks/09-your-own-rule.ipynb, twice: a rule written in a cell gives the built-in's weights, three rules
 * compared on Song's network show their known weight distributions, a neuron model written in a cell spikes as
 * the built-in; both runs give the same outputs apart from timings, and the notebook records its provenance.
 */
class YourOwnRuleNotebookTest {
    /** The outputs with the lines that report wall time (progress bars, %time) taken out. */
    private static List<String> withoutTimings(JsonNode nb) {
        return NotebookRunner.outputs(nb).stream()
                .map(o -> o.lines().filter(l -> !l.contains(" elapsed") && !l.startsWith("Wall time"))
                        .reduce("", (a, b) -> a + b + "\n"))
                .toList();
    }

    @Test
    void aRuleWrittenInACellMatchesTheBuiltInAndTheComparisonRepeats() throws Exception {
        JsonNode first = NotebookRunner.execute("09-your-own-rule.ipynb", "09-your-own-rule.run1");
        JsonNode second = NotebookRunner.execute("09-your-own-rule.ipynb", "09-your-own-rule.run2");
        assertEquals(withoutTimings(first), withoutTimings(second), "same seeds, same outputs");
        String all = String.join("\n", withoutTimings(first));
        assertTrue(all.contains("1000 synapses; largest difference 0.00 S; identical: true"), all);
        assertTrue(all.contains("same times: true"), all);
        Matcher additive = Pattern.compile("PairStdp +mean ([0-9.]+) g_max, (\\d+)% below 0.1 g_max, (\\d+)% above")
                .matcher(all);
        Matcher soft = Pattern.compile("soft-bound STDP +mean ([0-9.]+) g_max, (\\d+)% below 0.1 g_max, (\\d+)% above")
                .matcher(all);
        assertTrue(additive.find() && soft.find(), all);
        // additive: bimodal (Song et al.: a fifth or more at each bound); soft-bound: unimodal, none at the bounds
        assertTrue(Integer.parseInt(additive.group(2)) >= 15 && Integer.parseInt(additive.group(3)) >= 15, all);
        assertTrue(Integer.parseInt(soft.group(2)) <= 1 && Integer.parseInt(soft.group(3)) <= 1, all);
        JsonNode provenance = first.path("metadata").path("language_info").path("neuromorph");
        assertTrue(provenance.path("library_version").asText().startsWith("0."), provenance.toString());
        assertTrue(provenance.path("jvm").asText().contains("VM"), provenance.toString());
        assertTrue(all.contains("seed 2026 for every network"), "the notebook's %seed is in its outputs");
    }
}
