package org.neuromorph.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code neuromorph run} on every notebook of the project, without Jupyter: each runs to the end in the language
 * its kernelspec names, with no error output, every figure carrying its three forms, and the HTML report written.
 * (The other notebook tests run them with nbconvert and check their numbers.)
 */
class EveryNotebookHeadlessTest {
    private static final Path JAR = Path.of(System.getProperty("neuromorph.jar", "../kernel/target/neuromorph.jar"));

    @TempDir
    Path dir;

    static Stream<String> notebooks() throws Exception {
        try (Stream<Path> files = Files.list(NotebookRunner.notebook("."))) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".ipynb") && !n.endsWith(".run.ipynb")).sorted().toList();
            assertTrue(names.size() >= 10, "the project's notebooks: " + names);
            return names.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("notebooks")
    void runsHeadless(String notebook) throws Exception {
        Path copy = Files.copy(NotebookRunner.notebook(notebook), dir.resolve(notebook));
        Process p = new ProcessBuilder(NotebookRunner.java(), "-jar", JAR.toAbsolutePath().toString(), "run", copy.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(600, TimeUnit.SECONDS), "finished");
        assertEquals(0, p.exitValue(), out);
        String base = notebook.substring(0, notebook.length() - ".ipynb".length());
        JsonNode executed = new ObjectMapper().readTree(dir.resolve(base + ".run.ipynb").toFile());
        NotebookRunner.outputs(executed); // fails on an error output or a figure without its three forms
        assertTrue(Files.size(dir.resolve(base + ".run.html")) > 1000, "the HTML report");
    }
}
