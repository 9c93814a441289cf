package org.neuromorph.plot;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.util.Locale;

/**
 * Writes a {@link Chart} as Plotly JSON. Large data is thinned for the browser and the title says so (the PNG keeps
 * all of it): beyond {@link #MARKERS} markers every k-th is shown, beyond {@link #MAP_SIDE} cells a side a
 * heatmap shows block means.
 */
final class PlotlyChart {
    /** Beyond this many markers the interactive form shows every k-th one. */
    static final int MARKERS = 200_000;
    /** A heatmap's interactive form has at most this many cells a side. */
    static final int MAP_SIDE = 256;

    private PlotlyChart() {
    }

    static PlotlySpec write(Chart chart) {
        int markers = 0;
        for (Chart.Layer layer : chart.layers()) {
            if (layer instanceof Chart.Dots dots) {
                markers += dots.x().length;
            }
        }
        int stride = Math.max(1, (markers + MARKERS - 1) / MARKERS);
        PlotlySpec spec = new PlotlySpec(chart.title() + (stride > 1 ? " (every " + stride + "th of " + markers
                + " spikes shown; the PNG has all)" : ""), chart.width(), chart.height());
        for (Chart.Layer layer : chart.layers()) {
            if (layer instanceof Chart.Dots dots) {
                dots(spec, dots, stride, markers);
            } else if (layer instanceof Chart.Line line) {
                ObjectNode curve = spec.trace("scatter", line.name(), line.y().length)
                        .put("mode", line.y().length <= Chart.MARKED_POINTS ? "lines+markers" : "lines");
                PlotlySpec.numbers(curve, "x", line.x());
                PlotlySpec.numbers(curve, "y", line.y());
                curve.putObject("line").put("color", hex(line.colour()));
            } else if (layer instanceof Chart.Bars bars) {
                bars(spec, bars);
            } else if (layer instanceof Chart.Heat heat) {
                heat(spec, chart, heat);
            }
        }
        if (chart.panel() == null) {
            spec.axis("xaxis", chart.x().label());
            spec.axis("yaxis", chart.y().label());
        } else {
            ObjectNode bars = bars(spec, chart.panel().bars()).put("xaxis", "x").put("yaxis", "y2");
            bars.put("width", chart.panel().bars().width());
            spec.axis("xaxis", chart.x().label()).put("anchor", "y2");
            spec.axis("yaxis", chart.y().label()).putArray("domain").add(0.3).add(1.0);
            spec.axis("yaxis2", chart.panel().label()).putArray("domain").add(0.0).add(0.25);
            spec.layout().put("showlegend", chart.legend()).put("bargap", 0);
        }
        return spec;
    }

    private static void dots(PlotlySpec spec, Chart.Dots dots, int stride, int markers) {
        double[] tx = dots.x();
        int shown = (tx.length + stride - 1) / stride;
        double[] x = new double[shown];
        double[] y = new double[shown];
        for (int k = 0, i = 0; k < tx.length; k += stride, i++) {
            x[i] = tx[k];
            y[i] = dots.y()[k];
        }
        // WebGL for every group once the whole is large, so the traces share one drawing layer
        ObjectNode trace = spec.trace("scatter", dots.name(), markers).put("mode", "markers");
        PlotlySpec.numbers(trace, "x", x);
        PlotlySpec.numbers(trace, "y", y);
        trace.putObject("marker").put("size", dots.size() + 1).put("color", hex(dots.colour()));
    }

    private static ObjectNode bars(PlotlySpec spec, Chart.Bars bars) {
        ObjectNode trace = spec.trace("bar", bars.name(), bars.heights().length);
        if (bars.separated()) {
            trace.put("width", bars.width());
        }
        PlotlySpec.numbers(trace, "x", bars.centres());
        PlotlySpec.numbers(trace, "y", bars.heights());
        trace.putObject("marker").put("color", hex(bars.colour()));
        return trace;
    }

    private static void heat(PlotlySpec spec, Chart chart, Chart.Heat heat) {
        int rows = heat.rows();
        int cols = heat.cols();
        double[] v = heat.values();
        String xLabel = chart.x().label();
        String yLabel = chart.y().label();
        ObjectNode map = spec.trace("heatmap", heat.zLabel(), rows * cols).put("zmin", heat.low())
                .put("zmax", heat.high()).put("colorscale", "Viridis").put("hovertemplate", yLabel + " %{y}<br>"
                        + xLabel + " %{x}<br>" + heat.zLabel() + " %{z:.4g}<extra></extra>");
        map.putObject("colorbar").putObject("title").put("text", heat.zLabel());
        int block = Math.max(1, (Math.max(rows, cols) + MAP_SIDE - 1) / MAP_SIDE);
        ArrayNode z = map.putArray("z");
        for (int i0 = 0; i0 < rows; i0 += block) {
            ArrayNode row = z.addArray();
            for (int j0 = 0; j0 < cols; j0 += block) {
                double sum = 0;
                int n = 0;
                for (int i = i0; i < Math.min(rows, i0 + block); i++) {
                    for (int j = j0; j < Math.min(cols, j0 + block); j++) {
                        if (!Double.isNaN(v[i * cols + j])) {
                            sum += v[i * cols + j];
                            n++;
                        }
                    }
                }
                if (n == 0) {
                    row.addNull();
                } else {
                    row.add(sum / n);
                }
            }
        }
        map.put("x0", heat.x0() + (block - 1) * heat.dx() / 2).put("dx", block * heat.dx())
                .put("y0", heat.y0() + (block - 1) * heat.dy() / 2).put("dy", block * heat.dy());
        if (block > 1) {
            spec.title(chart.title() + " (means of " + block + " × " + block + " blocks)");
        }
    }

    static String hex(Color colour) {
        return String.format(Locale.ROOT, "#%06x", colour.getRGB() & 0xffffff);
    }
}
