package org.neuromorph.dsl;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.neuromorph.data.AtomicFiles;
import org.neuromorph.plot.Figure;
import org.neuromorph.table.Tables;
import tech.tablesaw.api.Table;

/**
 * One call to put a figure or a table into files for a write-up: a figure as PNG and as a standalone HTML page, a
 * table as CSV and HTML. Files go to {@code exports/} under the working directory (a notebook's own directory when
 * Jupyter starts the kernel) and are named after the cell that made them ({@code cell-7.png}, then
 * {@code cell-7-2.png} for a second export in the same cell), or by the name given. Every file is written
 * atomically.
 */
public final class Export {
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static volatile Path directory = Path.of("exports");
    private static volatile String cell;
    private static String lastCell;
    private static int inCell;

    private Export() {
    }

    /** Where exports go from now on (default {@code exports/} under the working directory). */
    public static void directory(Path value) {
        directory = Objects.requireNonNull(value);
    }

    /** The name of the cell now running, e.g. "cell-7" (the kernel sets it before each cell; null outside one). */
    public static void cell(String name) {
        cell = name;
    }

    /** Exports under the running cell's name (or "export" outside a notebook). */
    public static synchronized List<Path> export(Object thing) {
        String base = cell == null ? "export" : cell;
        inCell = base.equals(lastCell) ? inCell + 1 : 1;
        lastCell = base;
        return export(thing, inCell == 1 ? base : base + "-" + inCell);
    }

    /** Exports under {@code name} (letters, digits, '.', '_' and '-'; the extensions are added). */
    public static List<Path> export(Object thing, String name) {
        if (name == null || !SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("an export name is letters, digits, '.', '_' and '-' (the extensions "
                    + "are added), got '" + name + "'");
        }
        Path dir = directory;
        if (thing instanceof Figure figure) {
            figure.savePng(dir.resolve(name + ".png")).saveHtml(dir.resolve(name + ".html"));
            return List.of(dir.resolve(name + ".png"), dir.resolve(name + ".html"));
        }
        if (thing instanceof Table table) {
            String page = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + escape(table.name())
                    + "</title></head>\n<body>" + Tables.html(table) + "</body></html>\n";
            return List.of(AtomicFiles.write(dir.resolve(name + ".csv"), "the table", out -> table.write().csv(out)),
                    AtomicFiles.write(dir.resolve(name + ".html"), "the table", page.getBytes(StandardCharsets.UTF_8)));
        }
        throw new IllegalArgumentException("export takes a figure (raster, traces, plot, conductanceMap, ...) or a "
                + "table, got " + (thing == null ? "null" : thing.getClass().getSimpleName()));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
