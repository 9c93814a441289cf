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

/**
 * Executes notebooks headless with Debian's nbconvert on the kernelspecs the jar installs into a temporary
 * JUPYTER_PATH, and reads back their outputs' text (failing on any cell that raised).
 */
final class NotebookRunner {
    /**
     * A progress bar (RunProgress) shows only for jobs that outlast a second, so whether a run has one depends on how
     * fast the machine ran, not on the seed: outputs compared between runs leave them out.
     */
    private static final Pattern PROGRESS_BAR = Pattern.compile("\\[[#.]{30}\\] +\\d+%");

    private static final Path JAR = Path.of(System.getProperty("neuromorph.jar", "../kernel/target/neuromorph.jar"));
    private static final Path NOTEBOOKS = Path.of(System.getProperty("neuromorph.notebooks", "."));
    private static final Path OUT = Path.of(System.getProperty("neuromorph.out", "target/executed"));
    private static Path jupyterPath;

    private NotebookRunner() {
    }

    private static synchronized void installKernelspec() throws Exception {
        if (jupyterPath != null) {
            return;
        }
        Path prefix = Files.createTempDirectory("neuromorph-nb-kernels");
        run(List.of(java(), "-jar", JAR.toAbsolutePath().toString(), "install", "--prefix", prefix.toString()), null, 120);
        jupyterPath = prefix.resolve("share/jupyter");
    }

    /**
     * The java of the JVM running the tests: it installs the kernels and runs {@code neuromorph run}, so surefire's
     * {@code -Djvm=...} tests them on another JDK.
     */
    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** The temporary JUPYTER_PATH holding the installed kernelspecs. */
    static synchronized Path jupyterPath() throws Exception {
        installKernelspec();
        return jupyterPath;
    }

    /** The first match of {@code regex} in a notebook's text, which must have one. */
    static Matcher find(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "'" + regex + "' in the outputs:\n" + text);
        return m;
    }

    /** The first group of {@code regex}'s first match in a notebook's text, as a number. */
    static double number(String regex, String text) {
        return Double.parseDouble(find(regex, text).group(1));
    }

    /** {@code notebook} executed once (as {@code <name>.run}), its outputs' texts one after another, by lines. */
    static String allText(String notebook) throws Exception {
        return String.join("\n", outputs(execute(notebook, notebook.replace(".ipynb", ".run"))));
    }

    /** Where a notebook in this folder is. */
    static Path notebook(String name) {
        return NOTEBOOKS.resolve(name).toAbsolutePath();
    }

    static Path outputDirectory() {
        return OUT;
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

    static JsonNode execute(String notebook, String outputName) throws Exception {
        Files.createDirectories(OUT);
        run(List.of("/usr/bin/python3", "-m", "nbconvert", "--to", "notebook", "--execute",
                "--ExecutePreprocessor.timeout=300", "--output-dir", OUT.toAbsolutePath().toString(),
                "--output", outputName, NOTEBOOKS.resolve(notebook).toAbsolutePath().toString()), jupyterPath(), 600);
        JsonNode executed = new ObjectMapper().readTree(OUT.resolve(outputName + ".ipynb").toFile());
        keepFirstFigure(executed, notebook.replace(".ipynb", ".png"));
        return executed;
    }

    /** The notebook's first figure as a PNG in target/gallery (the README's gallery pictures come from there). */
    private static void keepFirstFigure(JsonNode executed, String fileName) throws java.io.IOException {
        for (JsonNode cell : executed.path("cells")) {
            for (JsonNode out : cell.path("outputs")) {
                JsonNode png = out.path("data").path("image/png");
                if (png.isTextual()) {
                    Path gallery = OUT.resolveSibling("gallery");
                    Files.createDirectories(gallery);
                    Files.write(gallery.resolve(fileName),
                            java.util.Base64.getMimeDecoder().decode(png.asText()));
                    return;
                }
            }
        }
    }

    static List<String> outputs(JsonNode nb) {
        List<String> texts = new ArrayList<>();
        for (JsonNode cell : nb.path("cells")) {
            for (JsonNode out : cell.path("outputs")) {
                assertTrue(!out.path("output_type").asText().equals("error"),
                        "a cell failed: " + out.path("ename").asText() + ": " + out.path("evalue").asText());
                JsonNode data = out.path("data");
                if (data.has("image/png")) {
                    assertTrue(data.has("application/vnd.plotly.v1+json") && data.has("text/html"),
                            "a figure carries Plotly JSON, HTML and PNG: " + data.path("text/plain").asText());
                }
                if (!PROGRESS_BAR.matcher(text(out)).lookingAt()) {
                    texts.add(text(out));
                }
            }
        }
        return texts;
    }

    /** An output's text: a stream's, or a result's text/plain (notebooks store it as one string or as lines). */
    static String text(JsonNode out) {
        StringBuilder sb = new StringBuilder();
        JsonNode text = out.has("text") ? out.path("text") : out.path("data").path("text/plain");
        if (text.isArray()) {
            text.forEach(t -> sb.append(t.asText()));
        } else {
            sb.append(text.asText());
        }
        return sb.toString();
    }

}
