package org.neuromorph.plot;

import java.util.LinkedHashMap;
import java.util.Map;
import org.neuromorph.render.Renderer;

/**
 * Figures in a notebook, one MIME bundle: Plotly JSON (JupyterLab and other Plotly-aware front ends), HTML that
 * draws it offline with the kernel's plotly.js (classic notebook, nbconvert's HTML), the PNG for viewers that run
 * no JavaScript (GitHub, PDF), and a line of text for consoles.
 */
public final class FigureRenderer implements Renderer {
    @Override
    public Map<String, Object> render(Object value) {
        if (!(value instanceof Figure figure)) {
            return Map.of();
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("application/vnd.plotly.v1+json", figure.plotly());
        data.put("text/html", PlotlyJs.scriptTagOnce() + figure.html());
        data.put("image/png", figure.pngBase64());
        data.put("text/plain", figure.toString());
        return data;
    }
}
