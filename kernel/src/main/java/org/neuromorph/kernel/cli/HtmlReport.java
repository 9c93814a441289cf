package org.neuromorph.kernel.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * An executed notebook as one self-contained HTML page for a write-up: prose rendered from Markdown (CommonMark),
 * code, and each output in the richest form a browser shows without scripts (HTML, PNG inline, else text).
 */
final class HtmlReport {
    private static final Parser MARKDOWN = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().build();
    private static final String STYLE = "body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em}"
            + "pre{background:#f6f8fa;padding:.6em;overflow-x:auto}pre.out{background:#fff;border-left:3px solid #ddd}"
            + "pre.err{background:#fff0f0}.count{color:#888;font-size:.8em}img{max-width:100%}"
            + "table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2em .5em}";

    private HtmlReport() {
    }

    static String of(String title, JsonNode notebook) {
        StringBuilder page = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append("</title><style>").append(STYLE).append("</style></head><body>\n");
        JsonNode provenance = notebook.path("metadata").path("language_info").path("neuromorph");
        if (!provenance.isMissingNode()) {
            page.append("<p class=\"count\">").append(escape(provenance.path("kernel").asText())).append(", library ")
                    .append(escape(provenance.path("library_version").asText())).append(", ")
                    .append(escape(provenance.path("jvm").asText())).append(", run ")
                    .append(escape(provenance.path("started").asText())).append("</p>\n");
        }
        for (JsonNode cell : notebook.path("cells")) {
            String source = HeadlessRun.text(cell.path("source"));
            if (cell.path("cell_type").asText().equals("markdown")) {
                page.append(HTML.render(MARKDOWN.parse(source)));
                continue;
            }
            if (!cell.path("cell_type").asText().equals("code")) {
                continue;
            }
            page.append("<div class=\"count\">In [").append(cell.path("execution_count").asText(" "))
                    .append("]</div><pre>").append(escape(source)).append("</pre>\n");
            for (JsonNode out : cell.path("outputs")) {
                output(page, out);
            }
        }
        return page.append("</body></html>\n").toString();
    }

    private static void output(StringBuilder page, JsonNode out) {
        switch (out.path("output_type").asText()) {
            case "stream" -> page.append("<pre class=\"out\">").append(escape(out.path("text").asText()))
                    .append("</pre>\n");
            case "error" -> {
                StringBuilder trace = new StringBuilder();
                out.path("traceback").forEach(line -> trace.append(line.asText()).append('\n'));
                page.append("<pre class=\"err\">").append(escape(trace.toString().replaceAll("\u001b\\[[0-9;]*m", "")))
                        .append("</pre>\n");
            }
            default -> {
                JsonNode data = out.path("data");
                if (data.has("image/png")) {
                    page.append("<img alt=\"").append(escape(data.path("text/plain").asText("figure")))
                            .append("\" src=\"data:image/png;base64,")
                            .append(data.path("image/png").asText().replace("\n", "")).append("\">\n");
                } else if (data.has("text/html")) {
                    page.append("<div>").append(HeadlessRun.text(data.path("text/html"))).append("</div>\n");
                } else if (data.has("text/markdown")) {
                    page.append(HTML.render(MARKDOWN.parse(HeadlessRun.text(data.path("text/markdown")))));
                } else if (data.has("text/plain")) {
                    page.append("<pre class=\"out\">").append(escape(HeadlessRun.text(data.path("text/plain"))))
                            .append("</pre>\n");
                }
            }
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
