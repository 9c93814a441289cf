package org.neuromorph.plot;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.neuromorph.data.AtomicFiles;

/**
 * A figure drawn from data, in three forms made from the same arrays: an interactive Plotly figure (its JSON, and
 * HTML that draws it with the plotly.js the kernel ships), a PNG image for viewers that run no JavaScript, and a
 * text summary for consoles. Save it with {@link #savePng} or {@link #saveHtml}.
 */
public final class Figure {
    private final String title;
    private final String summary;
    private final BufferedImage image;
    private final com.fasterxml.jackson.databind.node.ObjectNode plotly;

    Figure(String title, String summary, BufferedImage image, PlotlySpec spec) {
        this.title = title;
        this.summary = summary;
        this.image = image;
        this.plotly = spec.root();
    }

    public String title() {
        return title;
    }

    public int width() {
        return image.getWidth();
    }

    public int height() {
        return image.getHeight();
    }

    /** The PNG encoding of the figure. */
    public byte[] png() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The PNG as base64, as a notebook's image/png output carries it. */
    public String pngBase64() {
        return Base64.getEncoder().encodeToString(png());
    }

    public Figure savePng(Path file) {
        AtomicFiles.write(file, "the figure", png());
        return this;
    }

    /** The figure as Plotly JSON: {@code {"data": [...], "layout": {...}}}. */
    public String plotlyJson() {
        return plotly.toString();
    }

    /** A copy of the Plotly JSON as a tree (a MIME bundle's {@code application/vnd.plotly.v1+json} value). */
    public com.fasterxml.jackson.databind.JsonNode plotly() {
        return plotly.deepCopy();
    }

    /**
     * HTML that draws the interactive figure once {@code window.Plotly} exists (see {@link PlotlyJs}), showing the
     * PNG until then, so a viewer without JavaScript, or with scripts blocked, still shows the figure.
     */
    public String html() {
        String id = "neuromorph-figure-" + UUID.randomUUID();
        return "<div id=\"" + id + "\" class=\"neuromorph-figure\" style=\"max-width:" + width() + "px\">"
                + "<img alt=\"" + PlotlyJs.escape(toString()) + "\" src=\"data:image/png;base64," + pngBase64()
                + "\" style=\"max-width:100%\"></div>\n<script type=\"text/javascript\">\n(function () {\n"
                + "  var spec = " + plotlyJson().replace("</", "<\\/") + ";\n"
                + "  var tries = 0;\n"
                + "  function draw() {\n"
                + "    var div = document.getElementById(\"" + id + "\");\n"
                + "    if (div && window.Plotly) {\n"
                + "      div.innerHTML = \"\";\n"
                + "      window.Plotly.newPlot(div, spec.data, spec.layout, {responsive: true, displaylogo: false});\n"
                + "    } else if (tries++ < 200) {\n"
                + "      setTimeout(draw, 50);\n" // the library or the div may arrive a moment later
                + "    }\n"
                + "  }\n"
                + "  draw();\n"
                + "})();\n</script>";
    }

    /** A standalone HTML page with the interactive figure and plotly.js inlined: it opens with no network. */
    public Figure saveHtml(Path file) {
        AtomicFiles.write(file, "the figure", PlotlyJs.page(title, html())
                .getBytes(StandardCharsets.UTF_8));
        return this;
    }

    @Override
    public String toString() {
        return title + " (" + summary + ")";
    }
}
