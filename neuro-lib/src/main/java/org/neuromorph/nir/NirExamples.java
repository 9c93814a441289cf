package org.neuromorph.nir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The NIR paper's example graphs and traces, shipped with the library (from neuromorphs/NIR, folder {@code paper/},
 * BSD 3-Clause; README.md and LICENSE beside them): {@code lif_norse.nir} with Norse's run {@code lif_norse.csv} and
 * the exact solution {@code lif_exact.csv}, {@code two_lif_neurons.nir}, and the Braille network
 * {@code braille_noDelay_bias_zero.nir}.
 */
public final class NirExamples {
    /** The files there are. */
    public static final List<String> FILES = List.of("lif_norse.nir", "lif_norse.csv", "lif_exact.csv",
            "two_lif_neurons.nir", "braille_noDelay_bias_zero.nir");

    private NirExamples() {
    }

    /** The example as a file (copied out of the library to a temporary file, deleted when the JVM exits). */
    public static Path file(String name) {
        if (!FILES.contains(name)) {
            throw new IllegalArgumentException("no NIR example '" + name + "': there are " + FILES);
        }
        try (InputStream in = NirExamples.class.getResourceAsStream(name)) {
            Path copy = Files.createTempFile("nir-", "-" + name);
            Files.write(copy, in.readAllBytes());
            copy.toFile().deleteOnExit();
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One of the CSV traces as rows of numbers (columns: input spike, membrane voltage, output spike). */
    public static double[][] trace(String name) {
        try {
            return Files.readAllLines(file(name)).stream().filter(line -> !line.isBlank())
                    .map(line -> Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray())
                    .toArray(double[][]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
