package org.neuromorph.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * A plotting area with axes, ticks and labels on a Java2D image: data coordinates to pixels, so every plot type
 * draws its marks in its own units. Headless, so it works in a kernel with no display.
 */
final class Canvas {
    static final int LEFT = 70;
    static final int RIGHT = 90;
    static final int TOP = 36;
    static final int BOTTOM = 48;
    final BufferedImage image;
    final Graphics2D g;
    final int x0;
    final int y0;
    final int width;
    final int height;
    private double xMin;
    private double xMax;
    private double yMin;
    private double yMax;

    static {
        System.setProperty("java.awt.headless", "true"); // kernels and CI have no display
    }

    Canvas(int imageWidth, int imageHeight) {
        image = new BufferedImage(imageWidth, imageHeight, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, imageWidth, imageHeight);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        x0 = LEFT;
        y0 = TOP;
        width = imageWidth - LEFT - RIGHT;
        height = imageHeight - TOP - BOTTOM;
    }

    /** Data ranges of the axes (a zero span is widened so the axis still has a scale). */
    Canvas ranges(double xLow, double xHigh, double yLow, double yHigh) {
        xMin = xLow;
        xMax = xHigh > xLow ? xHigh : xLow + 1;
        yMin = yLow;
        yMax = yHigh > yLow ? yHigh : yLow + 1;
        return this;
    }

    double px(double x) {
        return x0 + (x - xMin) / (xMax - xMin) * width;
    }

    double py(double y) {
        return y0 + height - (y - yMin) / (yMax - yMin) * height;
    }

    void axes(String title, String xLabel, String yLabel) {
        axes(title, xLabel, yLabel, Double.NEGATIVE_INFINITY);
    }

    /** Axes whose y ticks start at {@code yTicksFrom} (a panel below the axis's part has its own scale). */
    void axes(String title, String xLabel, String yLabel, double yTicksFrom) {
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x0, y0, width, height);
        FontMetrics fm = g.getFontMetrics();
        for (double t : ticks(xMin, xMax)) {
            int x = (int) Math.round(px(t));
            g.drawLine(x, y0 + height, x, y0 + height + 4);
            String label = format(t);
            g.drawString(label, x - fm.stringWidth(label) / 2, y0 + height + 17);
        }
        for (double t : ticks(Math.max(yMin, yTicksFrom), yMax)) {
            int y = (int) Math.round(py(t));
            g.drawLine(x0 - 4, y, x0, y);
            String label = format(t);
            g.drawString(label, x0 - 7 - fm.stringWidth(label), y + 4);
        }
        g.drawString(xLabel, x0 + width / 2 - fm.stringWidth(xLabel) / 2, y0 + height + 36);
        AffineTransform keep = g.getTransform();
        g.rotate(-Math.PI / 2);
        double labelCentre = yTicksFrom > yMin ? (py(yTicksFrom) + y0) / 2 : y0 + height / 2.0;
        g.drawString(yLabel, (int) -labelCentre - fm.stringWidth(yLabel) / 2, 16);
        g.setTransform(keep);
        g.setFont(g.getFont().deriveFont(Font.BOLD, 14f));
        g.drawString(title, x0, y0 - 12);
        g.setFont(g.getFont().deriveFont(Font.PLAIN, 12f));
    }

    /** About five round-numbered ticks across [low, high]. */
    static double[] ticks(double low, double high) {
        double raw = (high - low) / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double ratio = raw / magnitude;
        double step = magnitude * (ratio < 1.5 ? 1 : ratio < 3 ? 2 : ratio < 7 ? 5 : 10);
        double first = Math.ceil(low / step) * step;
        int count = (int) Math.floor((high - first) / step + 1e-9) + 1;
        double[] ticks = new double[Math.max(0, count)];
        for (int k = 0; k < ticks.length; k++) {
            ticks[k] = first + k * step;
        }
        return ticks;
    }

    static String format(double v) {
        if (v == 0) {
            return "0";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return String.format(Locale.ROOT, "%d", (long) v);
        }
        double a = Math.abs(v);
        return a >= 1e4 || a < 1e-2 ? String.format(Locale.ROOT, "%.1e", v)
                : String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f", v);
    }

    /** Colour of a value in [0, 1] on a perceptually ordered blue-to-yellow scale. */
    static Color scale(double u) {
        double t = Math.max(0, Math.min(1, u));
        int r = (int) Math.round(255 * Math.min(1, Math.max(0, 1.5 * t - 0.25)));
        int gr = (int) Math.round(255 * Math.min(1, Math.max(0, 0.2 + 0.8 * t)));
        int b = (int) Math.round(255 * Math.min(1, Math.max(0, 0.6 - 0.6 * t + 0.2 * Math.sin(Math.PI * t))));
        return new Color(r, gr, b);
    }

    /** A vertical colour bar right of the plot, labelled with the value range and unit. */
    void colourBar(double low, double high, String unit) {
        int x = x0 + width + 18;
        for (int y = 0; y < height; y++) {
            g.setColor(scale(1 - y / (double) height));
            g.drawLine(x, y0 + y, x + 16, y0 + y);
        }
        g.setColor(Color.BLACK);
        g.drawRect(x, y0, 16, height);
        g.drawString(format(high), x + 20, y0 + 12);
        g.drawString(format(low), x + 20, y0 + height);
        g.drawString(unit, x - 4, y0 - 8);
    }
}
