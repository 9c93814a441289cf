package org.neuromorph.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A long history costs neither start-up time nor memory: only its end is read, and the file is cut back. */
class HistoryTest {
    @TempDir
    Path dir;

    @Test
    void onlyTheLastCellsAreReadAndTheFileIsCutBack() throws IOException {
        Path file = dir.resolve("history.jsonl");
        List<String> lines = new ArrayList<>();
        for (int cell = 1; cell <= 50_000; cell++) {
            int session = 1 + cell / 1000;
            lines.add("{\"session\":" + session + ",\"line\":" + cell + ",\"input\":\"x + " + cell + "\"}");
            lines.add("{\"session\":" + session + ",\"line\":" + cell + ",\"output\":\"" + cell + "\"}");
        }
        lines.add("{\"session\":51,\"line\":50001,\"inp"); // torn by a kill mid-write
        Files.write(file, lines);
        long started = System.nanoTime();
        History history = new History(file);
        double constructMs = (System.nanoTime() - started) / 1e6;
        assertEquals(52, history.session(), "the next session after the last one in the file");
        List<History.Entry> tail = history.tail(3);
        assertEquals(List.of("x + 49998", "x + 49999", "x + 50000"), tail.stream().map(History.Entry::input).toList());
        assertEquals("50000", tail.get(2).output());
        int kept = history.tail(1_000_000).size();
        // the last 2 × MAX_ENTRIES lines, one of them the torn record
        assertTrue(kept == History.MAX_ENTRIES || kept == History.MAX_ENTRIES - 1, kept + " cells kept");
        assertTrue(Files.readAllLines(file).size() <= 2 * History.MAX_ENTRIES, "the file was cut back");
        assertTrue(constructMs < 1000, "construction reads only the end: " + constructMs + " ms");
        history.add(1, "after restart");
        assertEquals("after restart", history.tail(1).get(0).input());
        assertTrue(Files.readString(file).endsWith("\"input\":\"after restart\"}\n"));
    }

    @Test
    void aLongSessionKeepsOnlyItsLastCellsInMemory() {
        History history = new History(null);
        int cells = 5 * History.MAX_ENTRIES + 7;
        for (int line = 1; line <= cells; line++) {
            history.add(line, "x + " + line);
        }
        List<History.Entry> kept = history.tail(Integer.MAX_VALUE);
        assertTrue(kept.size() >= History.MAX_ENTRIES && kept.size() < 2 * History.MAX_ENTRIES, kept.size() + " kept");
        assertEquals("x + " + cells, kept.get(kept.size() - 1).input(), "the newest cell is there");
        assertEquals(cells - kept.size() + 1, kept.get(0).line(), "and those before it, without gaps");
    }

    @Test
    void aHundredMegabytesOfPastedCellsLeaveTheStartAsItWasAndAreCutBack() throws IOException {
        // what an earlier kernel wrote after cells of 2 MB each (pasted data): 106 MB slowed its start 1.7 → 3.2 s
        Path big = dir.resolve("big.jsonl");
        String pasted = "x".repeat(2 << 20);
        try (var out = Files.newBufferedWriter(big)) {
            for (int cell = 1; cell <= 50; cell++) {
                out.write("{\"session\":" + (1 + cell / 10) + ",\"line\":" + cell + ",\"input\":\"" + pasted + "\"}\n");
            }
        }
        assertTrue(Files.size(big) > 100_000_000L);
        Path small = dir.resolve("small.jsonl");
        Files.writeString(small, "{\"session\":6,\"line\":1,\"input\":\"1 + 1\"}\n");
        double bigMs = medianConstructionMs(big);
        double smallMs = medianConstructionMs(small);
        // only the last record is read at start: a few milliseconds either way (generous for a noisy machine)
        assertTrue(bigMs < 50 && bigMs < smallMs + 40, "start with 100 MB: " + bigMs + " ms, small: " + smallMs);

        History history = new History(big);
        assertEquals(7, history.session());
        String kept = history.tail(1).get(0).input();
        assertTrue(kept.length() < History.MAX_TEXT_CHARS + 100, "a long cell is kept cut: " + kept.length());
        assertTrue(kept.endsWith("[cut in the history: " + String.format("%,d", pasted.length()) + " characters in all]"),
                kept.substring(kept.length() - 80));
        assertTrue(Files.size(big) <= 2 * History.MAX_KEPT_BYTES, "the file was cut back: " + Files.size(big));
        history.add(1, "y".repeat(3 * History.MAX_TEXT_CHARS));
        assertTrue(Files.size(big) < 4L * History.MAX_TEXT_CHARS * 8, "and new long cells are written cut");
        assertEquals(7, new History(big).session() - 1, "the next start still finds the session");
    }

    private static double medianConstructionMs(Path file) {
        double[] ms = new double[7];
        for (int i = 0; i < ms.length; i++) {
            long started = System.nanoTime();
            new History(file).session();
            ms[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(ms);
        return ms[ms.length / 2];
    }
}
