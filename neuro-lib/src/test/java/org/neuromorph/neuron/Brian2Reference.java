package org.neuromorph.neuron;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Reads the cases of a Brian2 reference file (test resources, reference/brian2/). */
public final class Brian2Reference {
    private Brian2Reference() {
    }

    /** The cases of {@code file} that {@code keep} accepts; asserts there are {@code expected} of them. */
    static List<JsonNode> cases(String file, Predicate<JsonNode> keep, int expected) throws IOException {
        List<JsonNode> cases = new ArrayList<>();
        read(file).path("results").path("cases").forEach(c -> {
            if (keep.test(c)) {
                cases.add(c);
            }
        });
        assertEquals(expected, cases.size(), "cases selected from " + file);
        return cases;
    }

    /** The "params" object of a reference file. */
    static JsonNode params(String file) throws IOException {
        return read(file).path("params");
    }

    /** A whole reference file. */
    public static JsonNode read(String file) throws IOException {
        try (InputStream in = Brian2Reference.class.getResourceAsStream("/reference/brian2/" + file)) {
            if (in == null) {
                throw new IOException("reference file " + file + " is missing from the test resources");
            }
            return new ObjectMapper().readTree(in);
        }
    }
}
