package org.neuromorph.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Path2D;
import java.util.Arrays;
import java.util.Locale;
import org.neuromorph.crossbar.Crossbar;
import org.neuromorph.device.DeviceArray;
import org.neuromorph.network.Projection;
import org.neuromorph.network.SpikeMonitor;
import org.neuromorph.network.StateMonitor;
import org.neuromorph.network.WeightMonitor;
import com.fasterxml.jackson.databind.node.ObjectNode;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/** One call per figure: rasters, traces, maps, histograms and curves, each as Plotly JSON, offline HTML and PNG. */
public final class Plots {
    private static final Color[] SERIES = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f)};

    private Plots() {
    }

    /**
     * Spikes as dots (neuron against time) with the population rate in 1 ms bins below. Several monitors are
     * stacked, each group in its own colour, the first at the bottom; the rate is that of all of them together.
     */
    public static Figure raster(SpikeMonitor... monitors) {
        if (monitors.length == 0) {
            throw new IllegalArgumentException("raster needs at least one spike monitor");
        }
        int[] offset = new int[monitors.length + 1];
        double duration = 1e-3;
        for (int m = 0; m < monitors.length; m++) {
            offset[m + 1] = offset[m] + monitors[m].source().size();
            duration = Math.max(duration, monitors[m].duration());
        }
        int units = Math.max(1, offset[monitors.length]);
        String name = String.join(", ", Arrays.stream(monitors).map(m -> m.source().name()).toList());
        Canvas c = new Canvas(900, 520);
        int rasterHeight = (int) (c.height * 0.72);
        c.ranges(0, duration * 1e3, 0, units); // x mapping for the marks; the y axis is set below
        // the raster in the upper part, the rate below: two vertical mappings on one image
        int dot = units > 400 ? 1 : 2;
        int bins = (int) Math.max(1, Math.round(duration * 1e3));
        double[] rate = new double[bins];
        int total = 0;
        for (int m = 0; m < monitors.length; m++) {
            double[] t = monitors[m].times();
            int[] unit = monitors[m].indices();
            total += t.length;
            c.g.setColor(SERIES[m % SERIES.length]);
            for (int k = 0; k < t.length; k++) {
                int x = (int) Math.round(c.px(t[k] * 1e3));
                int y = c.y0 + rasterHeight - (int) Math.round((offset[m] + unit[k] + 0.5) / units * rasterHeight);
                c.g.fillRect(x, y, dot, dot);
                rate[Math.min(bins - 1, (int) (t[k] * 1e3))] += 1 / (units * 1e-3);
            }
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
        c.axes("Raster: " + name, "time (ms)", "neuron", 0);
        String summary = total + " spikes of " + offset[monitors.length] + " units in " + String.format(Locale.ROOT,
                "%.3f s", duration);
        return c.done("Raster of " + name, summary, rasterSpec(name, monitors, offset, total, rate));
    }

    /** A conductance map's interactive heatmap has at most this many cells a side. */
    static final int MAP_SIDE = 256;

    /** Beyond this many spikes the interactive raster shows every k-th one (the PNG shows all) and says so. */
    static final int RASTER_MARKERS = 200_000;

    private static PlotlySpec rasterSpec(String name, SpikeMonitor[] monitors, int[] offset, int total,
            double[] rate) {
        int stride = Math.max(1, (total + RASTER_MARKERS - 1) / RASTER_MARKERS);
        String title = "Raster: " + name + (stride > 1 ? " (every " + stride + "th of " + total
                + " spikes shown; the PNG has all)" : "");
        PlotlySpec spec = new PlotlySpec(title, 900, 520);
        int units = offset[monitors.length];
        for (int m = 0; m < monitors.length; m++) {
            double[] t = monitors[m].times();
            int[] unit = monitors[m].indices();
            int shown = (t.length + stride - 1) / stride;
            double[] x = new double[shown];
            double[] y = new double[shown];
            for (int k = 0, i = 0; k < t.length; k += stride, i++) {
                x[i] = t[k] * 1e3;
                y[i] = offset[m] + unit[k];
            }
            // WebGL for every group once the raster is large, so the traces share one drawing layer
            ObjectNode dots = spec.trace("scatter", monitors[m].source().name(), total).put("mode", "markers");
            PlotlySpec.numbers(dots, "x", x);
            PlotlySpec.numbers(dots, "y", y);
            dots.putObject("marker").put("size", units > 400 ? 2 : 3).put("color", hex(SERIES[m % SERIES.length]));
        }
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
        spec.layout().put("showlegend", monitors.length > 1).put("bargap", 0);
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

    /**
     * The conductances of a crossbar's devices (G+ for differential pairs) as a map of rows × columns, in µS, at the
     * crossbar's read time ({@code crossbar.at(time)}: drifted devices show their drift; no read noise).
     */
    public static Figure conductanceMap(Crossbar crossbar) {
        DeviceArray devices = crossbar.devices();
        double[] uS = Arrays.stream(devices.statesAt(crossbar.time().si())).map(g -> g * 1e6).toArray();
        String when = crossbar.time().si() > 0 ? String.format(Locale.ROOT, " at t = %.3g s", crossbar.time().si()) : "";
        return heatmap(new Grid("Conductance map: " + devices.model().technology() + when, uS, crossbar.inputs(),
                        crossbar.outputs(), "bit line (output)", "word line (input)", "G (µS)"),
                devices.model().gMin() * 1e6, devices.model().gMax() * 1e6, 0, 1, 0, 1);
    }

    /**
     * A projection's weights as a map of presynaptic (rows) × postsynaptic (columns) neurons; pairs without a
     * synapse are left blank. Weights are in the projection's own units (V, S or plain numbers).
     */
    public static Figure weightMap(Projection projection) {
        if (!projection.built()) {
            throw new IllegalStateException("projection '" + projection.name() + "' has no synapses yet: they are "
                    + "drawn on the network's first run (net.run(...)), then map them");
        }
        int rows = projection.pre().size();
        int cols = projection.post().size();
        double[] grid = new double[rows * cols];
        Arrays.fill(grid, Double.NaN);
        double[] w = projection.weights();
        for (int pre = 0; pre < rows; pre++) {
            for (int s = projection.rowStart(pre); s < projection.rowStart(pre + 1); s++) {
                grid[pre * cols + projection.target(s)] = w[s]; // the last of several synapses between a pair
            }
        }
        double low = Arrays.stream(w).min().orElse(0);
        double high = Arrays.stream(w).max().orElse(1);
        return heatmap(new Grid("Weights: " + projection.name(), grid, rows, cols,
                        "postsynaptic neuron (" + projection.post().name() + ")",
                        "presynaptic neuron (" + projection.pre().name() + ")", "w"),
                low, high > low ? high : low + 1, 0, 1, 0, 1);
    }

    /** How a monitored projection's weights are distributed at each snapshot: time × weight, shaded by fraction. */
    public static Figure weightHistogram(WeightMonitor monitor) {
        double[] times = monitor.times();
        if (times.length == 0) {
            throw new IllegalStateException("the weight monitor has no snapshots yet: run the network first");
        }
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        double[][] snapshots = new double[times.length][];
        for (int k = 0; k < times.length; k++) {
            snapshots[k] = monitor.snapshot(k);
            for (double v : snapshots[k]) {
                low = Math.min(low, v);
                high = Math.max(high, v);
            }
        }
        if (!(high > low)) {
            high = low + 1;
        }
        int bins = WEIGHT_BINS;
        double width = (high - low) / bins;
        double[] fraction = new double[bins * times.length]; // rows: weight bins, columns: snapshots
        for (int k = 0; k < times.length; k++) {
            for (double v : snapshots[k]) {
                int bin = Math.min(bins - 1, (int) ((v - low) / width));
                fraction[bin * times.length + k] += 1.0 / snapshots[k].length;
            }
        }
        double dt = times.length > 1 ? (times[1] - times[0]) * 1e3 : 1;
        return heatmap(new Grid("Weight distribution over time", fraction, bins, times.length, "time (ms)", "weight",
                "fraction"), 0, Arrays.stream(fraction).max().orElse(1), times[0] * 1e3, dt, low + width / 2,
                width);
    }

    /**
     * Any matrix as a heatmap, row 0 at the bottom (e.g. receptive fields laid out as tiles, a confusion matrix);
     * NaN entries are left blank.
     */
    public static Figure heatmap(String title, double[][] values, String xLabel, String yLabel, String zLabel) {
        int rows = values.length;
        int cols = rows == 0 ? 0 : values[0].length;
        double[] flat = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            if (values[i].length != cols) {
                throw new IllegalArgumentException("heatmap rows differ in length: row 0 has " + cols + ", row " + i
                        + " has " + values[i].length);
            }
            System.arraycopy(values[i], 0, flat, i * cols, cols);
        }
        if (flat.length == 0) {
            throw new IllegalArgumentException("nothing to plot: the matrix is empty");
        }
        double low = Arrays.stream(flat).filter(v -> !Double.isNaN(v)).min().orElse(0);
        double high = Arrays.stream(flat).filter(v -> !Double.isNaN(v)).max().orElse(1);
        return heatmap(new Grid(title, flat, rows, cols, xLabel, yLabel, zLabel), low, high > low ? high : low + 1,
                0, 1, 0, 1);
    }

    /** Weight bins of {@link #weightHistogram}. */
    static final int WEIGHT_BINS = 40;

    /** The firing rates of a monitored population's units as a histogram. */
    public static Figure rateHistogram(SpikeMonitor spikes) {
        double duration = spikes.duration();
        if (!(duration > 0)) {
            throw new IllegalStateException("the monitor has recorded no time yet: run the network first");
        }
        int[] counts = spikes.countsPerUnit();
        double[] rates = Arrays.stream(counts).mapToDouble(c -> c / duration).toArray();
        double top = Math.max(1e-9, Arrays.stream(rates).max().orElse(0));
        int bins = Math.max(5, Math.min(40, (int) Math.ceil(Math.sqrt(rates.length))));
        double width = top / bins * (1 + 1e-12);
        double[] centres = new double[bins];
        double[] units = new double[bins];
        for (int b = 0; b < bins; b++) {
            centres[b] = (b + 0.5) * width;
        }
        for (double r : rates) {
            units[Math.min(bins - 1, (int) (r / width))]++;
        }
        String title = "Firing rates: " + spikes.source().name();
        Canvas c = new Canvas(900, 480).ranges(0, bins * width, 0, Arrays.stream(units).max().orElse(1) * 1.05);
        c.g.setColor(SERIES[0]);
        for (int b = 0; b < bins; b++) {
            int x = (int) Math.round(c.px(b * width));
            int w = Math.max(1, (int) Math.round(c.px((b + 1) * width)) - x - 1);
            int y = (int) Math.round(c.py(units[b]));
            c.g.fillRect(x, y, w, (int) Math.round(c.py(0)) - y);
        }
        c.axes(title, "rate (Hz)", "units");
        PlotlySpec spec = new PlotlySpec(title, 900, 480);
        ObjectNode bars = spec.trace("bar", "units", bins).put("width", width);
        PlotlySpec.numbers(bars, "x", centres);
        PlotlySpec.numbers(bars, "y", units);
        bars.putObject("marker").put("color", hex(SERIES[0]));
        spec.axis("xaxis", "rate (Hz)");
        spec.axis("yaxis", "units");
        return c.done(title, String.format(Locale.ROOT, "%d units, mean %.3g Hz", rates.length,
                Arrays.stream(rates).average().orElse(0)), spec);
    }

    /** A grid of values to draw as a heatmap: row-major, in display units; NaN cells are left blank. */
    private record Grid(String title, double[] values, int rows, int cols, String xLabel, String yLabel,
            String zLabel) {
    }

    /**
     * Draws a grid (PNG cells coloured on [low, high], Plotly heatmap with a colour bar); column j sits at
     * x0 + j·dx and row i at y0 + i·dy. Beyond {@link #MAP_SIDE} cells a side the interactive heatmap shows block
     * means and its title says so.
     */
    private static Figure heatmap(Grid grid, double low, double high, double x0, double dx, double y0, double dy) {
        int rows = grid.rows();
        int cols = grid.cols();
        double[] v = grid.values();
        Canvas c = new Canvas(Math.min(900, 160 + Math.max(240, cols * 8)), Math.min(760, 84 + Math.max(200, rows * 8)));
        c.ranges(x0 - dx / 2, x0 + (cols - 0.5) * dx, y0 - dy / 2, y0 + (rows - 0.5) * dy);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double value = v[i * cols + j];
                if (Double.isNaN(value)) {
                    continue;
                }
                c.g.setColor(Canvas.scale((value - low) / (high - low)));
                int x = (int) Math.floor(c.px(x0 + (j - 0.5) * dx));
                int y = (int) Math.floor(c.py(y0 + (i + 0.5) * dy));
                int w = (int) Math.ceil(c.px(x0 + (j + 0.5) * dx)) - x;
                int h = (int) Math.ceil(c.py(y0 + (i - 0.5) * dy)) - y;
                c.g.fillRect(x, y, w, h);
            }
        }
        c.axes(grid.title(), grid.xLabel(), grid.yLabel());
        c.colourBar(low, high, grid.zLabel());
        PlotlySpec spec = new PlotlySpec(grid.title(), c.image.getWidth(), c.image.getHeight());
        ObjectNode map = spec.trace("heatmap", grid.zLabel(), rows * cols).put("zmin", low).put("zmax", high)
                .put("colorscale", "Viridis").put("hovertemplate", grid.yLabel() + " %{y}<br>" + grid.xLabel()
                        + " %{x}<br>" + grid.zLabel() + " %{z:.4g}<extra></extra>");
        map.putObject("colorbar").putObject("title").put("text", grid.zLabel());
        int block = Math.max(1, (Math.max(rows, cols) + MAP_SIDE - 1) / MAP_SIDE);
        var z = map.putArray("z");
        for (int i0 = 0; i0 < rows; i0 += block) {
            var row = z.addArray();
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
        map.put("x0", x0 + (block - 1) * dx / 2).put("dx", block * dx).put("y0", y0 + (block - 1) * dy / 2)
                .put("dy", block * dy);
        if (block > 1) {
            spec.title(grid.title() + " (means of " + block + " × " + block
                    + " blocks)");
        }
        spec.axis("xaxis", grid.xLabel());
        spec.axis("yaxis", grid.yLabel());
        double min = Arrays.stream(v).filter(d -> !Double.isNaN(d)).min().orElse(0);
        double max = Arrays.stream(v).filter(d -> !Double.isNaN(d)).max().orElse(0);
        return c.done(grid.title(), rows + " × " + cols + ", " + grid.zLabel() + String.format(Locale.ROOT,
                " from %.3g to %.3g", min, max), spec);
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
