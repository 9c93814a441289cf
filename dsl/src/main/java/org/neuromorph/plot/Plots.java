package org.neuromorph.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.neuromorph.crossbar.Crossbar;
import org.neuromorph.device.DeviceArray;
import org.neuromorph.monitor.SpikeMonitor;
import org.neuromorph.monitor.StateMonitor;
import org.neuromorph.monitor.WeightMonitor;
import org.neuromorph.network.Projection;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * One call per figure: rasters, traces, maps, histograms and curves. Each says what to show as a {@link Chart}, which
 * is drawn once as a PNG and written once as Plotly JSON (with offline HTML), so the two agree by construction.
 */
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
        int bins = (int) Math.max(1, Math.round(duration * 1e3));
        double[] rate = new double[bins];
        List<Chart.Layer> groups = new ArrayList<>();
        int total = 0;
        for (int m = 0; m < monitors.length; m++) {
            double[] t = monitors[m].times();
            int[] unit = monitors[m].indices();
            double[] ms = new double[t.length];
            double[] row = new double[t.length];
            for (int k = 0; k < t.length; k++) {
                ms[k] = t[k] * 1e3;
                row[k] = offset[m] + unit[k];
                rate[Math.min(bins - 1, (int) (t[k] * 1e3))] += 1 / (units * 1e-3);
            }
            total += t.length;
            groups.add(new Chart.Dots(monitors[m].source().name(), ms, row, SERIES[m % SERIES.length],
                    units > 400 ? 1 : 2));
        }
        double peak = Arrays.stream(rate).max().orElse(0);
        Chart.Panel panel = new Chart.Panel(new Chart.Bars("population rate", 0, 1.0, rate, new Color(0x555555),
                false), "rate (Hz)",
                String.format(Locale.ROOT, "population rate (1 ms bins), peak %.0f Hz", peak));
        String summary = total + " spikes of " + offset[monitors.length] + " units in " + String.format(Locale.ROOT,
                "%.3f s", duration);
        return figure(new Chart("Raster of " + name, "Raster: " + name, summary, 900, 520,
                new Chart.Axis("time (ms)", 0, duration * 1e3), new Chart.Axis("neuron", 0, units), groups, panel,
                monitors.length > 1));
    }

    /** The figure a chart describes: its image and its interactive form, both from the chart. */
    private static Figure figure(Chart chart) {
        return new Figure(chart.name(), chart.summary(), PngChart.draw(chart), PlotlyChart.write(chart));
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
        double[] units = new double[bins];
        for (double r : rates) {
            units[Math.min(bins - 1, (int) (r / width))]++;
        }
        String title = "Firing rates: " + spikes.source().name();
        return figure(new Chart(title, title, String.format(Locale.ROOT, "%d units, mean %.3g Hz", rates.length,
                Arrays.stream(rates).average().orElse(0)), 900, 480, new Chart.Axis("rate (Hz)", 0, bins * width),
                new Chart.Axis("units", 0, Arrays.stream(units).max().orElse(1) * 1.05),
                List.of(new Chart.Bars("units", 0, width, units, SERIES[0], true)), null, false));
    }

    /** A grid of values to draw as a heatmap: row-major, in display units; NaN cells are left blank. */
    private record Grid(String title, double[] values, int rows, int cols, String xLabel, String yLabel,
            String zLabel) {
    }

    /**
     * A grid as a heatmap on [low, high]; column j sits at x0 + j·dx and row i at y0 + i·dy. The image grows with the
     * grid (8 pixels a cell, within 900 × 760).
     */
    private static Figure heatmap(Grid grid, double low, double high, double x0, double dx, double y0, double dy) {
        int rows = grid.rows();
        int cols = grid.cols();
        double[] v = grid.values();
        double min = Arrays.stream(v).filter(d -> !Double.isNaN(d)).min().orElse(0);
        double max = Arrays.stream(v).filter(d -> !Double.isNaN(d)).max().orElse(0);
        return figure(new Chart(grid.title(), grid.title(), rows + " × " + cols + ", " + grid.zLabel()
                + String.format(Locale.ROOT, " from %.3g to %.3g", min, max),
                Math.min(900, 160 + Math.max(240, cols * 8)), Math.min(760, 84 + Math.max(200, rows * 8)),
                new Chart.Axis(grid.xLabel(), x0 - dx / 2, x0 + (cols - 0.5) * dx),
                new Chart.Axis(grid.yLabel(), y0 - dy / 2, y0 + (rows - 0.5) * dy),
                List.of(new Chart.Heat(grid.zLabel(), v, rows, cols, low, high, x0, dx, y0, dy)), null, false));
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
            int[] rows = IntStream.range(0, table.rowCount())
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
        List<Chart.Layer> lines = new ArrayList<>();
        for (int s = 0; s < ys.length; s++) {
            double[] xs = xsPerSeries != null ? xsPerSeries[s] : sharedX;
            for (int k = 0; k < ys[s].length; k++) {
                xLow = Math.min(xLow, xs[k]);
                xHigh = Math.max(xHigh, xs[k]);
                yLow = Math.min(yLow, ys[s][k]);
                yHigh = Math.max(yHigh, ys[s][k]);
            }
            lines.add(new Chart.Line(names[s], xs, ys[s], SERIES[s % SERIES.length]));
        }
        if (!(xLow <= xHigh)) {
            throw new IllegalArgumentException("nothing to plot: the data is empty");
        }
        double pad = (yHigh - yLow) * 0.05;
        return figure(new Chart(title, title, ys.length + " series, " + Arrays.stream(ys).mapToInt(a -> a.length)
                .sum() + " points", 900, 480, new Chart.Axis(xLabel, xLow, xHigh),
                new Chart.Axis(yLabel, yLow - pad, yHigh + pad), lines, null, false));
    }
}
