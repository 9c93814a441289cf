package org.neuromorph.plot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A figure's data as Plotly JSON ({@code {"data": [...], "layout": {...}}}, the body of an
 * {@code application/vnd.plotly.v1+json} output), built from the same arrays the PNG is drawn from.
 */
final class PlotlySpec {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Beyond this many points a trace is drawn with WebGL ({@code scattergl}), which stays responsive. */
    static final int WEBGL_ABOVE = 2000;

    private final ObjectNode root = JSON.createObjectNode();
    private final ArrayNode data = root.putArray("data");
    private final ObjectNode layout = root.putObject("layout");

    PlotlySpec(String title, int width, int height) {
        title(title);
        layout.put("width", width).put("height", height);
        layout.putObject("margin").put("l", 70).put("r", 30).put("t", 50).put("b", 55);
    }

    /** A new trace; {@code scatter} becomes {@code scattergl} when it holds many points. */
    ObjectNode trace(String type, String name, int points) {
        ObjectNode trace = data.addObject();
        trace.put("type", type.equals("scatter") && points > WEBGL_ABOVE ? "scattergl" : type);
        if (name != null) {
            trace.put("name", name);
        }
        return trace;
    }

    /** An axis of the layout ({@code xaxis}, {@code yaxis2}, ...) with its title. */
    ObjectNode axis(String axis, String title) {
        ObjectNode node = layout.putObject(axis);
        node.putObject("title").put("text", title);
        return node;
    }

    /** Sets the figure's title. */
    void title(String text) {
        layout.putObject("title").put("text", text);
    }

    ObjectNode layout() {
        return layout;
    }

    /** Numbers as a JSON array; NaN and infinities (which JSON cannot carry) become null, a gap in Plotly. */
    static ArrayNode numbers(ObjectNode parent, String field, double[] values) {
        ArrayNode array = parent.putArray(field);
        for (double v : values) {
            if (Double.isFinite(v)) {
                array.add(v);
            } else {
                array.addNull();
            }
        }
        return array;
    }

    ObjectNode root() {
        return root;
    }
}
