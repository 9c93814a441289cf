package org.neuromorph.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Path2D;
import java.util.Arrays;
import java.util.Locale;
import org.neuromorph.crossbar.Crossbar;
import org.neuromorph.device.DeviceArray;
import org.neuromorph.network.SpikeMonitor;
import org.neuromorph.network.StateMonitor;
import com.fasterxml.jackson.databind.node.ObjectNode;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/** One call per figure: rasters, voltage traces, conductance maps and curves from tables, drawn as PNG. */
public final class Plots {
    private static final Color[] SERIES = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f)};

    private Plots() {
    }

    /** Spikes as dots (neuron against time) with the population rate in 1 ms bins below. */
    public static Figure raster(SpikeMonitor spikes) {
        double[] t = spikes.times();
        int[] unit = spikes.indices();
        int units = spikes.source().size();
        double duration = Math.max(spikes.duration(), 1e-3);
        Canvas c = new Canvas(900, 520);
        int rasterHeight = (int) (c.height * 0.72);
        c.ranges(0, duration * 1e3, 0, units); // x mapping for the marks; the y axis is set below
        // the raster in the upper part, the rate below: two vertical mappings on one image
        c.g.setColor(new Color(0x1f77b4));
        int dot = units > 400 ? 1 : 2;
        for (int k = 0; k < t.length; k++) {
            int x = (int) Math.round(c.px(t[k] * 1e3));
            int y = c.y0 + rasterHeight - (int) Math.round((unit[k] + 0.5) / units * rasterHeight);
            c.g.fillRect(x, y, dot, dot);
        }
        int bins = (int) Math.max(1, Math.round(duration * 1e3));
        double[] rate = new double[bins];
        for (double time : t) {
            rate[Math.min(bins - 1, (int) (time * 1e3))] += 1 / (units * 1e-3);
        }
        double peak = Arrays.stream(rate).max().orElse(0);
        int rateTop = c.y0 + rasterHeight + 8;
        int rateHeight = c.height - rasterHeight - 8;
        c.g.setColor(new Color(0x555555));
        for (int b = 0; b < bins; b++) {
            int x = (int) Math.round(c.px(b));
            int w = Math.max(1, (int) Math.round(c.px(b + 1)) - x);
            int h = peak == 0 ? 0 : (int) Math.round(rate[b] / peak * rateHeight);
            c.g.fillRect(x, rateTop + rateHeight - h, w, h);
        }
        c.g.setColor(Color.BLACK);
        c.g.drawLine(c.x0, rateTop - 4, c.x0 + c.width, rateTop - 4);
        c.g.drawString(String.format(Locale.ROOT, "population rate (1 ms bins), peak %.0f Hz", peak), c.x0 + 6,
                rateTop + 12);
        // the whole height maps [below, units], so the raster's part is [0, units] and the rate panel lies below 0
        double below = -units * (c.height - rasterHeight) / (double) rasterHeight;
        c.ranges(0, duration * 1e3, below, units);
        c.axes("Raster: " + spikes.source().name(), "time (ms)", "neuron", 0);
        String summary = t.length + " spikes of " + units + " units in " + String.format(Locale.ROOT, "%.3f s",
                duration);
        return c.done("Raster of " + spikes.source().name(), summary, rasterSpec(spikes.source().name(), t, unit,
                units, rate));
    }

    /** A conductance map's interactive heatmap has at most this many cells a side. */
    static final int MAP_SIDE = 256;

    /** Beyond this many spikes the interactive raster shows every k-th one (the PNG shows all) and says so. */
    static final int RASTER_MARKERS = 200_000;

    private static PlotlySpec rasterSpec(String group, double[] t, int[] unit, int units, double[] rate) {
        int stride = Math.max(1, (t.length + RASTER_MARKERS - 1) / RASTER_MARKERS);
        int shown = (t.length + stride - 1) / stride;
        double[] x = new double[shown];
        double[] y = new double[shown];
        for (int k = 0, i = 0; k < t.length; k += stride, i++) {
            x[i] = t[k] * 1e3;
            y[i] = unit[k];
        }
        String title = "Raster: " + group + (stride > 1 ? " (every " + stride + "th of " + t.length
                + " spikes shown; the PNG has all)" : "");
        PlotlySpec spec = new PlotlySpec(title, 900, 520);
        ObjectNode dots = spec.trace("scatter", group, shown).put("mode", "markers");
        PlotlySpec.numbers(dots, "x", x);
        PlotlySpec.numbers(dots, "y", y);
        dots.putObject("marker").put("size", units > 400 ? 2 : 3).put("color", "#1f77b4");
        ObjectNode bars = spec.trace("bar", "population rate", rate.length).put("xaxis", "x").put("yaxis", "y2");
        double[] centres = new double[rate.length];
        Arrays.setAll(centres, b -> b + 0.5);
        PlotlySpec.numbers(bars, "x", centres);
        PlotlySpec.numbers(bars, "y", rate);
        bars.putObject("marker").put("color", "#555555");
        bars.put("width", 1.0);
        spec.axis("xaxis", "time (ms)").put("anchor", "y2");
        spec.axis("yaxis", "neuron").putArray("domain").add(0.3).add(1.0);
        spec.axis("yaxis2", "rate (Hz)").putArray("domain").add(0.0).add(0.25);
        spec.layout().put("showlegend", false).put("bargap", 0);
        return spec;
    }

    /** Membrane-voltage (or any variable's) traces of the monitored neurons, in mV for voltages. */
    public static Figure traces(StateMonitor monitor) {
        double[] time = monitor.times();
        boolean voltage = monitor.variable().equals("v");
        double factor = voltage ? 1e3 : 1;
        double[][] ys = new double[monitor.neurons().length][];
        for (int k = 0; k < ys.length; k++) {
            ys[k] = Arrays.stream(monitor.trace(k)).map(v -> v * factor).toArray();
        }
        double[] ms = Arrays.stream(time).map(v -> v * 1e3).toArray();
        String[] names = Arrays.stream(monitor.neurons()).mapToObj(n -> "neuron " + n).toArray(String[]::new);
        return curves("Traces of " + monitor.variable(), "time (ms)", voltage ? monitor.variable() + " (mV)"
                : monitor.variable(), ms, ys, null, names);
    }

    /** The conductances of a crossbar's devices (G+ for differential pairs) as a map of rows × columns, in µS. */
    public static Figure conductanceMap(Crossbar crossbar) {
        DeviceArray devices = crossbar.devices();
        int rows = crossbar.inputs();
        int cols = crossbar.outputs();
        double[] g = devices.states();
        double low = crossbar.devices().model().gMin() * 1e6;
        double high = crossbar.devices().model().gMax() * 1e6;
        Canvas c = new Canvas(Math.min(900, 160 + Math.max(240, cols * 8)), Math.min(760, 84 + Math.max(200, rows * 8)));
        c.ranges(-0.5, cols - 0.5, -0.5, rows - 0.5);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                c.g.setColor(Canvas.scale((g[i * cols + j] * 1e6 - low) / (high - low)));
                int x = (int) Math.floor(c.px(j - 0.5));
                int y = (int) Math.floor(c.py(i + 0.5));
                int w = (int) Math.ceil(c.px(j + 0.5)) - x;
                int h = (int) Math.ceil(c.py(i - 0.5)) - y;
                c.g.fillRect(x, y, w, h);
            }
        }
        c.axes("Conductance map: " + devices.model().technology(), "bit line (output)", "word line (input)");
        c.colourBar(low, high, "G (µS)");
        String title = "Conductance map: " + devices.model().technology();
        PlotlySpec spec = new PlotlySpec(title, c.image.getWidth(), c.image.getHeight());
        ObjectNode map = spec.trace("heatmap", "G", rows * cols).put("zmin", low).put("zmax", high)
                .put("colorscale", "Viridis").put("hovertemplate", "word line %{y}<br>bit line %{x}<br>G %{z:.4g} µS"
                        + "<extra></extra>");
        map.putObject("colorbar").putObject("title").put("text", "G (µS)");
        // beyond MAP_SIDE cells a side, each heatmap cell is the mean of a block (the title says so)
        int block = Math.max(1, (Math.max(rows, cols) + MAP_SIDE - 1) / MAP_SIDE);
        var z = map.putArray("z");
        for (int i0 = 0; i0 < rows; i0 += block) {
            var row = z.addArray();
            for (int j0 = 0; j0 < cols; j0 += block) {
                double sum = 0;
                int n = 0;
                for (int i = i0; i < Math.min(rows, i0 + block); i++) {
                    for (int j = j0; j < Math.min(cols, j0 + block); j++) {
                        sum += g[i * cols + j];
                        n++;
                    }
                }
                row.add(sum / n * 1e6);
            }
        }
        if (block > 1) {
            map.put("x0", (block - 1) / 2.0).put("dx", block).put("y0", (block - 1) / 2.0).put("dy", block);
            spec.layout().with("title").put("text", title + " (means of " + block + " × " + block + " blocks)");
        }
        spec.axis("xaxis", "bit line (output)");
        spec.axis("yaxis", "word line (input)");
        return c.done("Conductance map", rows + " × " + cols + " devices, " + String.format(Locale.ROOT,
                "%.3g–%.3g µS", Arrays.stream(g).min().orElse(0) * 1e6, Arrays.stream(g).max().orElse(0) * 1e6),
                spec);
    }

    /**
     * Curves from a table: column {@code x} against each of {@code ys}; with {@code groupBy} one curve per value of
     * that column (e.g. a device in a pulse-response table). Points are marked, so measured data shows as such.
     */
    public static Figure plotBy(Table table, String x, String y, String groupBy) {
        NumericColumn<?> xs = table.numberColumn(x);
        NumericColumn<?> yc = table.numberColumn(y);
        NumericColumn<?> groups = table.numberColumn(groupBy);
        double[] keys = Arrays.stream(groups.asDoubleArray()).distinct().sorted().toArray();
        double[][] gx = new double[keys.length][];
        double[][] gy = new double[keys.length][];
        for (int k = 0; k < keys.length; k++) {
            double key = keys[k];
            int[] rows = java.util.stream.IntStream.range(0, table.rowCount())
                    .filter(r -> groups.getDouble(r) == key).toArray();
            gx[k] = Arrays.stream(rows).mapToDouble(xs::getDouble).toArray();
            gy[k] = Arrays.stream(rows).mapToDouble(yc::getDouble).toArray();
        }
        String[] names = Arrays.stream(keys).mapToObj(k -> groupBy + " " + (k == Math.rint(k) ? String.valueOf(
                (long) k) : String.valueOf(k))).toArray(String[]::new);
        return curves(table.name(), x, y, null, gy, gx, names);
    }

    /** Curves of one table column against another, all values of the y columns given. */
    public static Figure plot(Table table, String x, String... ys) {
        double[][] series = Arrays.stream(ys).map(c -> table.numberColumn(c).asDoubleArray()).toArray(double[][]::new);
        return curves(table.name(), x, String.join(", ", ys), table.numberColumn(x).asDoubleArray(), series, null,
                ys);
    }

    private static Figure curves(String title, String xLabel, String yLabel, double[] sharedX, double[][] ys,
            double[][] xsPerSeries, String[] names) {
        double xLow = Double.POSITIVE_INFINITY;
        double xHigh = Double.NEGATIVE_INFINITY;
        double yLow = Double.POSITIVE_INFINITY;
        double yHigh = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < ys.length; s++) {
            double[] xs = xsPerSeries != null ? xsPerSeries[s] : sharedX;
            for (int k = 0; k < ys[s].length; k++) {
                xLow = Math.min(xLow, xs[k]);
                xHigh = Math.max(xHigh, xs[k]);
                yLow = Math.min(yLow, ys[s][k]);
                yHigh = Math.max(yHigh, ys[s][k]);
            }
        }
        if (!(xLow <= xHigh)) {
            throw new IllegalArgumentException("nothing to plot: the data is empty");
        }
        double pad = (yHigh - yLow) * 0.05;
        Canvas c = new Canvas(900, 480).ranges(xLow, xHigh, yLow - pad, yHigh + pad);
        c.g.setStroke(new BasicStroke(1.5f));
        for (int s = 0; s < ys.length; s++) {
            double[] xs = xsPerSeries != null ? xsPerSeries[s] : sharedX;
            c.g.setColor(SERIES[s % SERIES.length]);
            Path2D.Double path = new Path2D.Double();
            for (int k = 0; k < ys[s].length; k++) {
                double px = c.px(xs[k]);
                double py = c.py(ys[s][k]);
                if (k == 0) {
                    path.moveTo(px, py);
                } else {
                    path.lineTo(px, py);
                }
                if (ys[s].length <= 200) {
                    c.g.fillOval((int) px - 2, (int) py - 2, 5, 5);
                }
            }
            c.g.draw(path);
        }
        c.axes(title, xLabel, yLabel);
        PlotlySpec spec = new PlotlySpec(title, 900, 480);
        for (int s = 0; s < ys.length; s++) {
            ObjectNode curve = spec.trace("scatter", names[s], ys[s].length)
                    .put("mode", ys[s].length <= 200 ? "lines+markers" : "lines");
            PlotlySpec.numbers(curve, "x", xsPerSeries != null ? xsPerSeries[s] : sharedX);
            PlotlySpec.numbers(curve, "y", ys[s]);
            curve.putObject("line").put("color", hex(SERIES[s % SERIES.length]));
        }
        spec.axis("xaxis", xLabel);
        spec.axis("yaxis", yLabel);
        return c.done(title, ys.length + " series, " + Arrays.stream(ys).mapToInt(a -> a.length).sum() + " points",
                spec);
    }

    private static String hex(Color colour) {
        return String.format(Locale.ROOT, "#%06x", colour.getRGB() & 0xffffff);
    }
}
