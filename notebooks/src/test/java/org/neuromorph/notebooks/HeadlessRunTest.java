package org.neuromorph.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code neuromorph run}, without Jupyter: the quickstart gives the outputs nbconvert gives on the installed
 * kernelspec; a script runs; a failing cell stops the run with exit code 1 and its number.
 */
class HeadlessRunTest {
    private static final Path JAR = Path.of(System.getProperty("neuromorph.jar", "../kernel/target/neuromorph.jar"));

    @TempDir
    Path dir;

    private record Run(int exit, String output) {
    }

    private static Run neuromorphRun(Path file, String... options) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(NotebookRunner.java(), "-jar",
                JAR.toAbsolutePath().toString(), "run"));
        command.addAll(List.of(options));
        command.add(file.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "neuromorph run finished");
        return new Run(p.exitValue(), out);
    }

    @Test
    void theQuickstartGivesNbconvertsOutputs() throws Exception {
        Path copy = Files.copy(Path.of("00-quickstart.ipynb"), dir.resolve("00-quickstart.ipynb"));
        Run run = neuromorphRun(copy);
        assertEquals(0, run.exit(), run.output());
        JsonNode executed = new ObjectMapper().readTree(dir.resolve("00-quickstart.run.ipynb").toFile());
        List<String> headless = NotebookRunner.outputs(executed);
        List<String> nbconvert = NotebookRunner.outputs(NotebookRunner.execute("00-quickstart.ipynb",
                "00-quickstart.for-headless"));
        assertEquals(nbconvert, headless, "the same kernel, the same outputs, with or without Jupyter");
        assertTrue(executed.path("metadata").path("language_info").path("neuromorph").has("library_version"));
        String report = Files.readString(dir.resolve("00-quickstart.run.html"));
        assertTrue(report.contains("SpikeMonitor(exc: "), "the report shows the cells' results");
        assertTrue(report.contains("<h1>"), "the notebook's Markdown is rendered");
    }

    @Test
    void aScriptRunsAndAFailingCellStopsTheRunNamingIt() throws Exception {
        Path script = dir.resolve("rates.jsh");
        Files.writeString(script, "var net = network().seed(3);\n"
                + "var m = net.monitorSpikes(net.poisson(\"p\", 100, Hz(10)));\n"
                + "net.run(s(1));\n"
                + "System.out.println(\"spikes: \" + m.count());\n");
        Run ok = neuromorphRun(script);
        assertEquals(0, ok.exit(), ok.output());
        JsonNode executed = new ObjectMapper().readTree(dir.resolve("rates.run.ipynb").toFile());
        assertTrue(String.join("", NotebookRunner.outputs(executed)).startsWith("spikes: "), executed.toString());

        // a long training (500 epochs: 150 take ~1.5 s here, too near the bar's quiet second for a faster machine):
        // no progress bar in a headless run unless asked for
        Path training = dir.resolve("training.jsh");
        Files.writeString(training, "var split = digitsSplit();\n"
                + "mlp(3, Activation.RELU, 64, 64, 10).train(split[0], split[1], 500, 8, 0.05, 0.9, 3);\n");
        assertEquals(0, neuromorphRun(training).exit());
        String quiet = Files.readString(dir.resolve("training.run.ipynb"));
        assertTrue(!quiet.contains("epochs/s") && !quiet.contains("s/epoch"), "no bar: " + quiet);
        assertEquals(0, neuromorphRun(training, "--progress").exit());
        String shown = Files.readString(dir.resolve("training.run.ipynb"));
        assertTrue(shown.contains("epoch 500 of 500"), "--progress keeps the bar: " + shown);

        ObjectMapper json = new ObjectMapper();
        var nb = json.createObjectNode();
        var cells = nb.putArray("cells");
        for (String code : List.of("int a = 1;", "int b = a / 0;", "int c = 3;")) {
            var cell = cells.addObject().put("cell_type", "code").put("source", code);
            cell.putObject("metadata");
            cell.putArray("outputs");
        }
        nb.putObject("metadata").putObject("kernelspec").put("name", "neuromorph-java").put("language", "java");
        nb.put("nbformat", 4).put("nbformat_minor", 5);
        Path failing = dir.resolve("failing.ipynb");
        json.writeValue(failing.toFile(), nb);
        Run failed = neuromorphRun(failing);
        assertEquals(1, failed.exit(), failed.output());
        assertTrue(failed.output().contains("cell 2 (\"int b = a / 0;\") failed: java.lang.ArithmeticException"),
                failed.output());
        JsonNode written = json.readTree(dir.resolve("failing.run.ipynb").toFile());
        assertEquals("error", written.path("cells").get(1).path("outputs").get(0).path("output_type").asText());
        JsonNode after = written.path("cells").get(2);
        assertTrue(after.path("execution_count").isNull() || after.path("execution_count").isMissingNode(),
                "cells after the failure did not run");
    }
}
