package org.neuromorph.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuromorph.units.Units.days;
import static org.neuromorph.units.Units.s;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.neuromorph.crossbar.Crossbar;
import org.neuromorph.device.DeviceModel;
import org.neuromorph.dsl.Neuro;
import org.neuromorph.network.Network;

class PlotsTest {
    private static BufferedImage decode(Figure f) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(f.png()));
        assertEquals(f.width(), image.getWidth());
        assertEquals(f.height(), image.getHeight());
        return image;
    }

    private static double mean(JsonNode rows) {
        double sum = 0;
        int n = 0;
        for (JsonNode row : rows) {
            for (JsonNode cell : row) {
                sum += cell.asDouble();
                n++;
            }
        }
        return sum / n;
    }

    private static long coloured(BufferedImage image) {
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                int r = rgb >> 16;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 40) {
                    count++;
                }
            }
        }
        return count;
    }

    @Test
    void rasterDrawsTheSpikesAndRendersAsPng() throws IOException {
        Network net = Neuro.network().seed(3);
        var spikes = net.monitorSpikes(net.poisson("p", 50, Neuro.Hz(40)));
        net.run(Neuro.ms(500));
        Figure raster = Neuro.raster(spikes);
        BufferedImage image = decode(raster);
        assertEquals(900, image.getWidth());
        assertTrue(coloured(image) > spikes.count(), "a coloured mark per spike at least: " + coloured(image));
        PlotlyJs.resend();
        Map<String, Object> bundle = new FigureRenderer().render(raster);
        assertEquals(java.util.List.of("application/vnd.plotly.v1+json", "text/html", "image/png", "text/plain"),
                java.util.List.copyOf(bundle.keySet()));
        JsonNode plotly = (JsonNode) bundle.get("application/vnd.plotly.v1+json");
        assertEquals(spikes.count(), plotly.at("/data/0/x").size(), "one marker per spike");
        assertEquals(spikes.times()[7] * 1e3, plotly.at("/data/0/x/7").asDouble(), 1e-9);
        assertEquals(spikes.indices()[7], plotly.at("/data/0/y/7").asInt());
        assertEquals("bar", plotly.at("/data/1/type").asText(), "the population rate below");
        assertEquals("y2", plotly.at("/data/1/yaxis").asText());
        assertEquals("time (ms)", plotly.at("/layout/xaxis/title/text").asText());
        String html = (String) bundle.get("text/html");
        assertTrue(html.startsWith("<script") && html.contains("plotly.js v3"), "the first figure brings plotly.js");
        assertTrue(html.contains("window.Plotly.newPlot") && html.contains("data:image/png;base64,"),
                "draws with Plotly, shows the PNG until then");
        assertTrue(!html.matches("(?s).*<script[^>]*src=.*"), "no script loaded from elsewhere (a CDN)");
        String second = (String) new FigureRenderer().render(raster).get("text/html");
        assertTrue(!second.contains("plotly.js v3") && !second.contains("http") && second.length() < html.length() / 10,
                "the library is sent once per kernel: " + second.length() + " vs " + html.length());
        byte[] png = Base64.getDecoder().decode((String) bundle.get("image/png"));
        assertEquals(0x89, png[0] & 0xff);
        assertEquals('P', png[1]);
        assertTrue(((String) bundle.get("text/plain")).contains(spikes.count() + " spikes"));
        assertTrue(new FigureRenderer().render("not a figure").isEmpty());
    }

    @Test
    void weightsAndRatesPlotAsMapsAndHistograms() throws IOException {
        Network net = Neuro.network().seed(8);
        var input = net.poisson("in", 30, Neuro.Hz(30));
        var cells = net.group("cells", 12, Neuro.lif());
        var projection = net.connect(input, cells, Neuro.fixedProbability(0.5))
                .weightsUniform(Neuro.mV(0), Neuro.mV(2)).plasticity(Neuro.stdpBiPoo(0.01, 0.0105));
        var weights = net.monitorWeights(projection, Neuro.ms(50));
        var spikes = net.monitorSpikes(input);
        net.run(Neuro.ms(500));

        JsonNode map = Neuro.weightMap(projection).plotly();
        assertEquals(30, map.at("/data/0/z").size(), "one row per presynaptic neuron");
        assertEquals(12, map.at("/data/0/z/0").size(), "one column per postsynaptic neuron");
        int synapses = 0;
        for (JsonNode row : map.at("/data/0/z")) {
            for (JsonNode cell : row) {
                synapses += cell.isNull() ? 0 : 1;
            }
        }
        assertEquals(projection.synapseCount(), synapses, "a cell per synapse, blanks elsewhere");
        int s = projection.rowStart(3);
        assertEquals(projection.weights()[s], map.at("/data/0/z/3/" + projection.target(s)).asDouble(), 1e-15);
        decode(Neuro.weightMap(projection));

        JsonNode histogram = Neuro.weightHistogram(weights).plotly();
        JsonNode z = histogram.at("/data/0/z");
        assertEquals(Plots.WEIGHT_BINS, z.size());
        assertEquals(weights.times().length, z.get(0).size(), "a column per snapshot");
        for (int k = 0; k < weights.times().length; k++) {
            double total = 0;
            for (JsonNode bin : z) {
                total += bin.get(k).asDouble();
            }
            assertEquals(1, total, 1e-9, "each snapshot's fractions add up to one");
        }
        decode(Neuro.weightHistogram(weights));

        JsonNode rates = Neuro.rateHistogram(spikes).plotly();
        double units = 0;
        for (JsonNode n : rates.at("/data/0/y")) {
            units += n.asDouble();
        }
        assertEquals(30, units, 0, "every unit counted once");
        assertTrue(coloured(decode(Neuro.rateHistogram(spikes))) > 1000, "bars drawn");
    }

    @Test
    void severalGroupsStackInTheirColours() throws IOException {
        Network net = Neuro.network().seed(4);
        var exc = net.monitorSpikes(net.poisson("exc", 80, Neuro.Hz(20)));
        var inh = net.monitorSpikes(net.poisson("inh", 20, Neuro.Hz(60)));
        net.run(Neuro.ms(300));
        Figure both = Neuro.raster(exc, inh);
        JsonNode spec = both.plotly();
        assertEquals("exc", spec.at("/data/0/name").asText());
        assertEquals("inh", spec.at("/data/1/name").asText());
        assertTrue(!spec.at("/data/0/marker/color").asText().equals(spec.at("/data/1/marker/color").asText()));
        double lowest = Double.MAX_VALUE;
        for (JsonNode y : spec.at("/data/1/y")) {
            lowest = Math.min(lowest, y.asDouble());
        }
        assertTrue(lowest >= 80, "the second group sits above the first's 80 units: " + lowest);
        assertTrue(both.toString().contains((exc.count() + inh.count()) + " spikes of 100 units"), both.toString());
        assertEquals("bar", spec.at("/data/2/type").asText(), "one rate for all");
        decode(both);
    }

    @Test
    void anyMatrixIsAHeatmap() throws IOException {
        double[][] m = {{0, 1, 2}, {3, Double.NaN, 5}};
        JsonNode spec = Neuro.heatmap("m", m, "column", "row", "value").plotly();
        assertEquals(5, spec.at("/data/0/z/1/2").asDouble());
        assertTrue(spec.at("/data/0/z/1/1").isNull(), "NaN left blank");
        decode(Neuro.heatmap("m", m, "column", "row", "value"));
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Neuro.heatmap("bad", new double[][] {{1, 2}, {3}}, "x", "y", "z"));
        assertTrue(e.getMessage().contains("row 1 has 1"), e.getMessage());
    }

    @Test
    void largeRastersUseWebGlAndDecimateOnlyBeyondTheLimit() {
        Network net = Neuro.network().seed(5);
        var spikes = net.monitorSpikes(net.poisson("p", 1000, Neuro.Hz(100)));
        net.run(Neuro.ms(500)); // ~50,000 spikes: WebGL, all shown
        JsonNode spec = Neuro.raster(spikes).plotly();
        assertEquals("scattergl", spec.at("/data/0/type").asText());
        assertEquals(spikes.count(), spec.at("/data/0/x").size());
        net.run(Neuro.ms(2500)); // ~300,000 spikes: every 2nd shown
        JsonNode big = Neuro.raster(spikes).plotly();
        int shown = big.at("/data/0/x").size();
        assertTrue(shown <= PlotlyChart.MARKERS && shown >= spikes.count() / 2, shown + " of " + spikes.count());
        assertTrue(big.at("/layout/title/text").asText().contains("every 2th of " + spikes.count()),
                big.at("/layout/title/text").asText());
    }

    @Test
    void savedHtmlOpensWithoutNetwork(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
        Network net = Neuro.network().seed(3);
        var spikes = net.monitorSpikes(net.poisson("p", 10, Neuro.Hz(40)));
        net.run(Neuro.ms(100));
        java.nio.file.Path file = dir.resolve("raster.html");
        Neuro.raster(spikes).saveHtml(file);
        String page = java.nio.file.Files.readString(file);
        assertTrue(page.contains("plotly.js v3") && page.contains("window.Plotly = Plotly"), "library inlined");
        assertTrue(!page.matches("(?s).*<script[^>]+src=.*"), "no external script");
    }

    @Test
    void conductanceMapColoursHighAndLowCellsApart() throws IOException {
        DeviceModel ideal = new DeviceModel("ideal").range(Neuro.uS(1), Neuro.uS(101)).linear(1000);
        Crossbar xb = Neuro.crossbar(ideal, 4, 4);
        double[][] w = new double[4][4];
        w[0][0] = 1; // input 0 → output 0 at the top of the window, the rest at the bottom
        xb.program(w, Crossbar.Programming.IDEAL);
        BufferedImage image = decode(Neuro.conductanceMap(xb));
        // word line i on the y axis, bit line j on the x axis
        Canvas probe = new Canvas(image.getWidth(), image.getHeight()).ranges(-0.5, 3.5, -0.5, 3.5);
        int high = image.getRGB((int) probe.px(0), (int) probe.py(0));
        int low = image.getRGB((int) probe.px(3), (int) probe.py(3));
        assertEquals(Canvas.scale(1).getRGB() & 0xffffff, high & 0xffffff, "G_max colour");
        assertEquals(Canvas.scale(0).getRGB() & 0xffffff, low & 0xffffff, "G_min colour");
        JsonNode map = Neuro.conductanceMap(xb).plotly();
        assertEquals("heatmap", map.at("/data/0/type").asText());
        assertEquals(101, map.at("/data/0/z/0/0").asDouble(), 1e-6, "G_max in µS at word line 0, bit line 0");
        assertEquals(1, map.at("/data/0/z/3/3").asDouble(), 1e-6);
        assertEquals("G (µS)", map.at("/data/0/colorbar/title/text").asText());

        // a chosen time: PCM devices drift down over a day, and the map shows it
        Crossbar pcm = Neuro.crossbar(Neuro.pcm(), 8, 8).seed(2);
        double[][] half = new double[8][8];
        for (double[] row : half) {
            java.util.Arrays.fill(row, 0.5);
        }
        pcm.program(half, Crossbar.Programming.IDEAL);
        double now = mean(Neuro.conductanceMap(pcm.at(s(0))).plotly().at("/data/0/z"));
        Figure dayLater = Neuro.conductanceMap(pcm.at(days(1)));
        double day = mean(dayLater.plotly().at("/data/0/z"));
        assertTrue(day < 0.9 * now, "drifted: " + day + " µS against " + now);
        assertTrue(dayLater.title().contains("t = 8.64e+04 s"), dayLater.title());
    }

    @Test
    void tablesPlotAsCurves() throws IOException {
        var window = Neuro.stdpWindow(Neuro.stdpBiPoo(0.8, 0.4), 0.5, 1, Neuro.Hz(1), Neuro.ms(-40), Neuro.ms(-10),
                Neuro.ms(10), Neuro.ms(40));
        assertTrue(coloured(decode(Neuro.plot(window, "Δt (ms)", "Δw"))) > 100);
        var curve = Neuro.pulseResponse(Neuro.rram(), 3, 20, 20, 1, 1);
        Figure byDevice = Neuro.plotBy(curve, "pulse", "G_uS", "device");
        assertTrue(byDevice.toString().contains("3 series"), byDevice.toString());
        JsonNode spec = byDevice.plotly();
        assertEquals(3, spec.at("/data").size());
        assertEquals("device 0", spec.at("/data/0/name").asText());
        assertEquals(curve.numberColumn("G_uS").getDouble(0), spec.at("/data/0/y/0").asDouble(), 1e-12);
        decode(byDevice);
    }
}
