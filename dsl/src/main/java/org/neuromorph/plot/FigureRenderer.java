package org.neuromorph.plot;

import java.util.LinkedHashMap;
import java.util.Map;
import org.neuromorph.render.Renderer;

/** Figures in a notebook: image/png for every viewer, and a one-line text for consoles. */
public final class FigureRenderer implements Renderer {
    @Override
    public Map<String, Object> render(Object value) {
        if (!(value instanceof Figure figure)) {
            return Map.of();
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("image/png", figure.pngBase64());
        data.put("text/plain", figure.toString());
        return data;
    }
}
