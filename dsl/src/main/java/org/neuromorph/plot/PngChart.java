package org.neuromorph.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;

/** Draws a {@link Chart} onto an image with {@link Canvas}. */
final class PngChart {
    /** The main plot's share of the height when a panel sits under it. */
    private static final double MAIN_SHARE = 0.72;

    private PngChart() {
    }

    static BufferedImage draw(Chart chart) {
        Canvas c = new Canvas(chart.width(), chart.height());
        Chart.Axis x = chart.x();
        Chart.Axis y = chart.y();
        if (chart.panel() == null) {
            c.ranges(x.low(), x.high(), y.low(), y.high());
            chart.layers().forEach(layer -> draw(c, layer));
            c.axes(chart.title(), x.label(), y.label());
            for (Chart.Layer layer : chart.layers()) {
                if (layer instanceof Chart.Heat heat) {
                    c.colourBar(heat.low(), heat.high(), heat.zLabel());
                }
            }
        } else {
            // two vertical mappings on one image: the whole height maps [below, y.high], so the main plot's part is
            // [y.low, y.high] and the panel lies below y.low
            int mainHeight = (int) (c.height * MAIN_SHARE);
            double below = y.low() - (y.high() - y.low()) * (c.height - mainHeight) / (double) mainHeight;
            c.ranges(x.low(), x.high(), below, y.high());
            chart.layers().forEach(layer -> draw(c, layer));
            drawPanel(c, chart.panel(), mainHeight);
            c.axes(chart.title(), x.label(), y.label(), y.low());
        }
        c.g.dispose();
        return c.image;
    }

    private static void draw(Canvas c, Chart.Layer layer) {
        if (layer instanceof Chart.Dots dots) {
            c.g.setColor(dots.colour());
            for (int k = 0; k < dots.x().length; k++) {
                c.g.fillRect((int) Math.round(c.px(dots.x()[k])), (int) Math.round(c.py(dots.y()[k] + 0.5)),
                        dots.size(), dots.size());
            }
        } else if (layer instanceof Chart.Line line) {
            drawLine(c, line);
        } else if (layer instanceof Chart.Bars bars) {
            c.g.setColor(bars.colour());
            int base = (int) Math.round(c.py(0));
            for (int b = 0; b < bars.heights().length; b++) {
                fillBar(c, bars, b, (int) Math.round(c.py(bars.heights()[b])), base);
            }
        } else if (layer instanceof Chart.Heat heat) {
            drawHeat(c, heat);
        }
    }

    private static void drawLine(Canvas c, Chart.Line line) {
        c.g.setStroke(new BasicStroke(1.5f));
        c.g.setColor(line.colour());
        Path2D.Double path = new Path2D.Double();
        boolean marked = line.y().length <= Chart.MARKED_POINTS;
        for (int k = 0; k < line.y().length; k++) {
            double px = c.px(line.x()[k]);
            double py = c.py(line.y()[k]);
            if (k == 0) {
                path.moveTo(px, py);
            } else {
                path.lineTo(px, py);
            }
            if (marked) {
                c.g.fillOval((int) px - 2, (int) py - 2, 5, 5);
            }
        }
        c.g.draw(path);
    }

    private static void drawHeat(Canvas c, Chart.Heat heat) {
        for (int i = 0; i < heat.rows(); i++) {
            for (int j = 0; j < heat.cols(); j++) {
                double value = heat.values()[i * heat.cols() + j];
                if (Double.isNaN(value)) {
                    continue;
                }
                c.g.setColor(Canvas.scale((value - heat.low()) / (heat.high() - heat.low())));
                int x = (int) Math.floor(c.px(heat.x0() + (j - 0.5) * heat.dx()));
                int y = (int) Math.floor(c.py(heat.y0() + (i + 0.5) * heat.dy()));
                int w = (int) Math.ceil(c.px(heat.x0() + (j + 0.5) * heat.dx())) - x;
                int h = (int) Math.ceil(c.py(heat.y0() + (i - 0.5) * heat.dy())) - y;
                c.g.fillRect(x, y, w, h);
            }
        }
    }

    /** Bar b from pixel row {@code top} down to {@code bottom}, across its bin (less a pixel when separated). */
    private static void fillBar(Canvas c, Chart.Bars bars, int b, int top, int bottom) {
        int left = (int) Math.round(c.px(bars.left(b)));
        int w = Math.max(1, (int) Math.round(c.px(bars.left(b + 1))) - left - (bars.separated() ? 1 : 0));
        c.g.fillRect(left, top, w, bottom - top);
    }

    /** The panel's bars scaled to its height (tallest bar full height), a rule above it and its note. */
    private static void drawPanel(Canvas c, Chart.Panel panel, int mainHeight) {
        Chart.Bars bars = panel.bars();
        double peak = 0;
        for (double h : bars.heights()) {
            peak = Math.max(peak, h);
        }
        int top = c.y0 + mainHeight + 8;
        int height = c.height - mainHeight - 8;
        c.g.setColor(bars.colour());
        for (int b = 0; b < bars.heights().length; b++) {
            int h = peak == 0 ? 0 : (int) Math.round(bars.heights()[b] / peak * height);
            fillBar(c, bars, b, top + height - h, top + height);
        }
        c.g.setColor(Color.BLACK);
        c.g.drawLine(c.x0, top - 4, c.x0 + c.width, top - 4);
        c.g.drawString(panel.note(), c.x0 + 6, top + 12);
    }
}
