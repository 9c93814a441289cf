package org.neuromorph.dsl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromorph.data.AtomicFiles;
import org.neuromorph.plot.Figure;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** Exports named after the cell, in the formats a write-up needs, written atomically. */
class ExportTest {
    @TempDir
    Path dir;

    @AfterEach
    void reset() {
        Export.directory(Path.of("exports"));
        Export.cell(null);
    }

    private static Table table() {
        return Table.create("rates").addColumns(DoubleColumn.create("rate", 1.5, 2.5, 3.5),
                DoubleColumn.create("w", 0.1, 0.2, 0.3));
    }

    @Test
    void figuresAndTablesGoToFilesNamedAfterTheCell() throws IOException {
        Export.directory(dir);
        Export.cell("cell-7");
        Figure figure = Neuro.plot(table(), "rate", "w");
        List<Path> first = Neuro.export(figure);
        List<Path> second = Neuro.export(table());
        Export.cell("cell-8");
        List<Path> third = Neuro.export(table(), "rates-final");
        List<Path> fourth = Neuro.export(table());
        assertEquals(List.of(dir.resolve("cell-7.png"), dir.resolve("cell-7.html")), first);
        assertEquals(List.of(dir.resolve("cell-7-2.csv"), dir.resolve("cell-7-2.html")), second);
        assertEquals(dir.resolve("rates-final.csv"), third.get(0));
        assertEquals(dir.resolve("cell-8.csv"), fourth.get(0));
        assertArrayEquals(figure.png(), Files.readAllBytes(first.get(0)));
        assertTrue(Files.readString(first.get(1)).contains("data:image/png;base64," + figure.pngBase64()));
        assertEquals(List.of("rate,w", "1.5,0.1", "2.5,0.2", "3.5,0.3"), Files.readAllLines(second.get(0)));
        assertTrue(Files.readString(second.get(1)).contains("<td>3.5</td>"));
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".partial")), "no temporary files left");
        }
    }

    @Test
    void badNamesAndThingsAreRefusedWithWhatToDo() {
        Export.directory(dir);
        var name = assertThrows(IllegalArgumentException.class, () -> Neuro.export(table(), "../escape"));
        assertTrue(name.getMessage().contains("letters, digits"), name.getMessage());
        var kind = assertThrows(IllegalArgumentException.class, () -> Neuro.export(42));
        assertTrue(kind.getMessage().contains("figure") && kind.getMessage().contains("Integer"), kind.getMessage());
    }

    @Test
    void aWriteThatFailsHalfwayLeavesTheOldFileWhole() throws IOException {
        Path file = dir.resolve("weights.csv");
        AtomicFiles.write(file, "the table", "old,complete\n".getBytes());
        var e = assertThrows(java.io.UncheckedIOException.class, () -> AtomicFiles.write(file, "the table", out -> {
            out.write("new,half".getBytes());
            throw new IOException("disk full");
        }));
        assertTrue(e.getMessage().contains("disk full") && e.getMessage().contains("weights.csv"), e.getMessage());
        assertEquals("old,complete\n", Files.readString(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "the temporary file is gone");
        }
    }
}
