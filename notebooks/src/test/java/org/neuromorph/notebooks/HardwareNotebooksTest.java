package org.neuromorph.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuromorph.notebooks.NotebookRunner.find;
import static org.neuromorph.notebooks.NotebookRunner.number;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Notebooks 01, 04 and 05 run headless (every figure checked for its three MIME types by the runner) and show
 * what their prose claims: the threshold units' truth tables and the digits accuracy, the devices' physics, and
 * the crossbar errors moving the way the circuit says.
 */
class HardwareNotebooksTest {
    private com.fasterxml.jackson.databind.JsonNode executed;

    private String run(String notebook) throws Exception {
        executed = NotebookRunner.execute(notebook, notebook.replace(".ipynb", ".run"));
        return String.join("\n", NotebookRunner.outputs(executed));
    }

    /** Whether the output whose text starts with {@code text} carries a PNG (a figure). */
    private boolean isFigure(String text) {
        for (var cell : executed.path("cells")) {
            for (var out : cell.path("outputs")) {
                if (out.path("data").has("text/plain") && NotebookRunner.text(out).startsWith(text)) {
                    return out.path("data").has("image/png");
                }
            }
        }
        throw new AssertionError("no output starts with " + text);
    }

    /**
     * The numbers of the second column of the text table titled {@code title}, in row order, for rows starting with
     * an integer.
     */
    private static List<Double> column(String all, String title) {
        String from = all.substring(all.indexOf(title));
        String table = from.substring(0, from.indexOf("rows ×"));
        List<Double> values = new ArrayList<>();
        Matcher row = Pattern.compile("(?m)^\\s*\\d+\\s*\\|\\s*([0-9.eE-]+)\\s*\\|").matcher(table);
        while (row.find()) {
            values.add(Double.parseDouble(row.group(1)));
        }
        return values;
    }

    @Test
    void neuronsAndPerceptrons() throws Exception {
        String all = run("01-neurons-and-perceptrons.ipynb");
        assertTrue(all.contains("AND   00→0 01→0 10→0 11→1"), all);
        assertTrue(all.contains("OR    00→0 01→1 10→1 11→1"), all);
        assertTrue(all.contains("NAND  00→1 01→1 10→1 11→0"), all);
        assertTrue(all.contains("XOR   00→0 01→1 10→1 11→0"), "two layers compute XOR");
        Matcher acc = find("test accuracy: 64-10 ([0-9.]+), 64-32-10 ([0-9.]+), 64-64-10 ([0-9.]+)", all);
        // a standard library MLP of this size reaches about 92 % on this split (issue 9's target)
        assertTrue(Double.parseDouble(acc.group(2)) >= 0.92 && Double.parseDouble(acc.group(3)) >= 0.92, acc.group());
        assertTrue(Double.parseDouble(acc.group(1)) >= 0.85, "the single layer learns too: " + acc.group());
    }

    @Test
    void devicesSideBySide() throws Exception {
        String all = run("04-devices.ipynb");
        // PCM's RESET is abrupt: 64 depressing pulses leave nothing of the window; RRAM comes back gradually
        Matcher pcm = find("PCM \\(GST\\)\\s*\\|[^|]*\\|[^|]*\\|\\s*([0-9.]+)\\s*\\|\\s*([0-9.]+)", all);
        assertEquals(0.0, Double.parseDouble(pcm.group(2)), 1e-9, pcm.group());
        Matcher rram = find("RRAM \\(HfOx, analog\\)\\s*\\|[^|]*\\|[^|]*\\|\\s*([0-9.]+)", all);
        assertTrue(Double.parseDouble(rram.group(1)) > 0.125, "nonlinear: more than 8/64 of the way: " + rram.group());
        Matcher spread = find("RRAM \\(HfOx, analog\\) mean ([0-9.]+) µS, sd ([0-9.]+) µS", all);
        assertEquals(20, Double.parseDouble(spread.group(1)), 0.5, "programmed to 20 µS");
        Matcher drift = find("PCM mean conductance after a day: ([0-9.]+) of its value at 1 s", all);
        double ratio = Double.parseDouble(drift.group(1));
        // (86400 s / 1 s)^-ν with aihwkit's mean ν ≈ 0.05 is 0.57; the spread of ν and the noise move it a little
        assertTrue(ratio > 0.5 && ratio < 0.8, drift.group());
        assertTrue(number("PCM read noise at 20 µS: sd ([0-9.]+) µS over 1000 reads", all) > 0, "reads are noisy");
        assertTrue(isFigure("FeFET(G"), "a device model shows itself as its pulse response");
    }

    @Test
    void crossbarErrorsFollowTheCircuit() throws Exception {
        String all = run("05-crossbar-mvm.ipynb");
        Matcher ideal = find("ideal devices and periphery, 128 × 128: relative error ([0-9.eE+-]+)", all);
        assertTrue(Double.parseDouble(ideal.group(1)) < 1e-12, "ideal read = matrix product to rounding");
        List<Double> ir = column(all, "IR drop: relative error against array size");
        assertEquals(5, ir.size(), all);
        for (int k = 1; k < ir.size(); k++) {
            assertTrue(ir.get(k) > ir.get(k - 1), "IR-drop error grows with the array: " + ir);
        }
        List<Double> bits = column(all, "converter resolution: relative error");
        for (int k = 2; k < bits.size(); k++) { // 3 and 4 bits both lose nearly everything
            assertTrue(bits.get(k) < bits.get(k - 1) / 2.5, "two more bits, about a quarter of the error: " + bits);
        }
        assertTrue(number("digital 8-bit baseline [0-9.e+]+ pJ \\(([0-9.]+)× the crossbar\\)", all) > 1,
                "the crossbar spends less than the digital baseline");
        assertTrue(isFigure("Crossbar(64 × 64, RRAM"), "the crossbar ends the notebook as its conductance map");
    }

    @Test
    void mlpOnCrossbarsInKotlin() throws Exception {
        String all = run("06-mlp-on-crossbars.ipynb");
        Matcher sw = find("software ([0-9.]+), hardware-aware \\(in software\\) ([0-9.]+)", all);
        double software = Double.parseDouble(sw.group(1));
        assertTrue(software >= 0.9, sw.group());
        Matcher rram = find("(?m)^\\s*RRAM\\s*\\|\\s*([0-9.]+)", all);
        Matcher aware = find("RRAM, hardware-aware training\\s*\\|\\s*([0-9.]+)", all);
        Matcher pcm = find("(?m)^\\s*PCM\\s*\\|\\s*([0-9.]+)", all);
        // issue 9's targets: realistic presets within 2 points of software
        assertEquals(software, Double.parseDouble(rram.group(1)), 0.02, rram.group());
        assertTrue(Double.parseDouble(aware.group(1)) >= software - 0.02, aware.group());
        assertEquals(software, Double.parseDouble(pcm.group(1)), 0.02, pcm.group());
        String driftTable = all.substring(all.indexOf("PCM drift"));
        Matcher day = find("(?m)^\\s*86400\\s*\\|\\s*([0-9.]+)", driftTable);
        assertEquals(Double.parseDouble(pcm.group(1)), Double.parseDouble(day.group(1)), 0.03, "a day of drift");
        // ten years: drift costs more than read noise moves an evaluation, and global compensation wins some back
        Matcher decade = find("(?m)^\\s*315360000\\s*\\|\\s*([0-9.]+)\\s*\\|\\s*([0-9.]+)", driftTable);
        assertTrue(Double.parseDouble(decade.group(2)) > Double.parseDouble(decade.group(1)),
                "compensation helps after ten years: " + decade.group());
        Matcher inSitu = find("in-situ test accuracy per epoch: (.*)", all);
        double best = java.util.Arrays.stream(inSitu.group(1).split(", ")).mapToDouble(Double::parseDouble).max()
                .orElse(0);
        assertTrue(best >= 0.8, "training on the arrays learns (pulse counts stay short of software): " + best);
        Matcher mixed = find("mixed-precision test accuracy per epoch: (.*)", all);
        double mixedLast = Double.parseDouble(mixed.group(1).substring(mixed.group(1).lastIndexOf(", ") + 2));
        // issue 9's in-situ target: within 3 points of software (the digits bench: 0.7, −0.9, 2.9 on seeds 1–3)
        assertTrue(mixedLast >= software - 0.03, "mixed precision within 3 points of software " + software + ": "
                + mixed.group());
        assertTrue(isFigure("Conductance map: RRAM"), "a tile's conductance map");
    }
}
