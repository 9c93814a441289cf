package org.neuromorph.table;

import java.util.LinkedHashMap;
import java.util.Map;
import org.neuromorph.render.Renderer;
import tech.tablesaw.api.Table;

/**
 * Tablesaw tables in a notebook: text/html and text/plain, the first and last rows of a long table with its shape
 * stated, so a table of a million spikes shows at once and stays small in the saved notebook.
 */
public final class TableRenderer implements Renderer {
    static final int HEAD = 10;
    static final int TAIL = 5;

    @Override
    public Map<String, Object> render(Object value) {
        if (!(value instanceof Table table)) {
            return Map.of();
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("text/html", html(table));
        data.put("text/plain", text(table));
        return data;
    }

    private static boolean elided(Table table) {
        return table.rowCount() > HEAD + TAIL;
    }

    private static String shape(Table table) {
        return table.rowCount() + " rows × " + table.columnCount() + " columns";
    }

    static String text(Table table) {
        if (!elided(table)) {
            return table.printAll() + "\n" + shape(table);
        }
        return table.first(HEAD).printAll() + "\n...\n" + table.last(TAIL).print() + "\n" + shape(table);
    }

    static String html(Table table) {
        return html(table, elided(table));
    }

    /** The table as HTML, with its middle rows left out when {@code elide}. */
    static String html(Table table, boolean elide) {
        StringBuilder out = new StringBuilder("<div><table class=\"dataframe\"><caption>")
                .append(escape(table.name())).append("</caption><thead><tr><th></th>");
        for (String name : table.columnNames()) {
            out.append("<th>").append(escape(name)).append("</th>");
        }
        out.append("</tr></thead><tbody>");
        int rows = table.rowCount();
        for (int r = 0; r < rows; r++) {
            if (elide && r == HEAD) {
                out.append("<tr><th>…</th>").append("<td>…</td>".repeat(table.columnCount())).append("</tr>");
                r = rows - TAIL;
            }
            out.append("<tr><th>").append(r).append("</th>");
            for (int c = 0; c < table.columnCount(); c++) {
                out.append("<td>").append(escape(table.getString(r, c))).append("</td>");
            }
            out.append("</tr>");
        }
        return out.append("</tbody></table><p>").append(shape(table)).append("</p></div>").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
