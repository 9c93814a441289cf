package org.neuromorph.plot;

import java.awt.Color;
import java.util.List;

/**
 * A figure described once: its title, size, axes and layers of data. {@link PngChart} draws it onto an image and
 * {@link PlotlyChart} writes it as Plotly JSON, so the two forms of a {@link Figure} show the same data by
 * construction; each plot in {@link Plots} only says what to show.
 *
 * @param name    the figure's name (its text form and file names), e.g. "Raster of exc"
 * @param title   the title drawn above the plot
 * @param summary one line about the data, for consoles
 * @param panel   bars under the plot on a scale of their own, sharing its x axis (a raster's rate), or null
 * @param legend  whether the interactive form shows a legend
 */
record Chart(String name, String title, String summary, int width, int height, Axis x, Axis y, List<Layer> layers,
        Panel panel, boolean legend) {

    /** Layers with at most this many points draw a marker at each (so measured data shows as such). */
    static final int MARKED_POINTS = 200;

    /** An axis: its label and the data range it spans. */
    record Axis(String label, double low, double high) {
    }

    /** Bars under the main plot with their own label and a note drawn in the panel. */
    record Panel(Bars bars, String label, String note) {
    }

    sealed interface Layer permits Dots, Line, Bars, Heat {
    }

    /**
     * Markers at (x, y), y a row index (the image draws it at the row's centre): a raster's spikes. {@code size} is
     * the image's square in pixels; the interactive form draws circles one larger.
     */
    record Dots(String name, double[] x, double[] y, Color colour, int size) implements Layer {
    }

    /** A curve through (x, y). */
    record Line(String name, double[] x, double[] y, Color colour) implements Layer {
    }

    /**
     * Equal bins from {@code start}, each {@code width} wide (bar b spans start + b·width to start + (b + 1)·width),
     * with the given heights; {@code separated} leaves a pixel between bars in the image.
     */
    record Bars(String name, double start, double width, double[] heights, Color colour, boolean separated)
            implements Layer {
        double left(int b) {
            return start + b * width;
        }

        double[] centres() {
            double[] centres = new double[heights.length];
            for (int b = 0; b < centres.length; b++) {
                centres[b] = start + (b + 0.5) * width;
            }
            return centres;
        }
    }

    /**
     * A grid of values (row-major, NaN left blank), row i at y0 + i·dy and column j at x0 + j·dx, coloured on
     * [low, high] with a colour bar labelled {@code zLabel}.
     */
    record Heat(String zLabel, double[] values, int rows, int cols, double low, double high, double x0, double dx,
            double y0, double dy) implements Layer {
    }
}
