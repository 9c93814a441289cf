package org.neuromorph.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Executes notebooks/00-quickstart.ipynb headless with Debian's nbconvert on the installed kernelspec (installed
 * by the jar itself into a temporary JUPYTER_PATH), twice, and checks that no cell failed, that the numbers are
 * plausible, and that both runs give identical outputs (the network is seeded). The Kotlin quickstart builds the
 * same network with the Kotlin builders and must give the same numbers.
 */
class QuickstartNotebookTest {
    private static final Path JAR = Path.of(System.getProperty("neuromorph.jar", "../kernel/target/neuromorph.jar"));
    private static final Path NOTEBOOKS = Path.of(System.getProperty("neuromorph.notebooks", "."));
    private static final Path OUT = Path.of(System.getProperty("neuromorph.out", "target/executed"));
    private static Path jupyterPath;

    @BeforeAll
    static void installKernelspec() throws Exception {
        Path prefix = Files.createTempDirectory("neuromorph-nb-kernels");
        run(List.of("java", "-jar", JAR.toAbsolutePath().toString(), "install", "--prefix", prefix.toString()),
                null, 60);
        jupyterPath = prefix.resolve("share/jupyter");
    }

    private static String run(List<String> command, Path jupyter, int timeoutSeconds) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (jupyter != null) {
            pb.environment().put("JUPYTER_PATH", jupyter.toString());
        }
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        String text = new String(out);
        assertEquals(0, p.exitValue(), "command failed: " + command + "\n" + text);
        return text;
    }

    private static JsonNode execute(String notebook, String outputName) throws Exception {
        Files.createDirectories(OUT);
        run(List.of("/usr/bin/python3", "-m", "nbconvert", "--to", "notebook", "--execute",
                "--ExecutePreprocessor.timeout=300", "--output-dir", OUT.toAbsolutePath().toString(),
                "--output", outputName, NOTEBOOKS.resolve(notebook).toAbsolutePath().toString()), jupyterPath, 600);
        return new ObjectMapper().readTree(OUT.resolve(outputName + ".ipynb").toFile());
    }

    private static List<String> outputs(JsonNode nb) {
        List<String> texts = new ArrayList<>();
        for (JsonNode cell : nb.path("cells")) {
            for (JsonNode out : cell.path("outputs")) {
                assertTrue(!out.path("output_type").asText().equals("error"),
                        "a cell failed: " + out.path("ename").asText() + ": " + out.path("evalue").asText());
                StringBuilder sb = new StringBuilder();
                JsonNode text = out.has("text") ? out.path("text") : out.path("data").path("text/plain");
                if (text.isArray()) {
                    text.forEach(t -> sb.append(t.asText()));
                } else {
                    sb.append(text.asText());
                }
                texts.add(sb.toString());
            }
        }
        return texts;
    }

    @Test
    void quickstartRunsAndIsReproducible() throws Exception {
        List<String> first = outputs(execute("00-quickstart.ipynb", "00-quickstart.run1"));
        List<String> second = outputs(execute("00-quickstart.ipynb", "00-quickstart.run2"));
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

    @Test
    void kotlinQuickstartGivesTheJavaNumbers() throws Exception {
        List<String> kotlin = outputs(execute("00-quickstart-kotlin.ipynb", "00-quickstart-kotlin.run"));
        List<String> java = outputs(execute("00-quickstart.ipynb", "00-quickstart.for-kotlin"));
        // Java shows the network object and quotes its final string; the science must be identical
        List<String> javaScience = java.subList(1, java.size()).stream().map(t -> t.replaceAll("^\"|\"$", "")).toList();
        assertEquals(javaScience, kotlin, "the same model and seed in Kotlin and Java give the same spikes");
    }
}
