package org.neuromorph.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuromorph.dsl.Neuro.Hz;
import static org.neuromorph.dsl.Neuro.ms;
import static org.neuromorph.dsl.Neuro.network;

import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.neuromorph.render.Renderer;
import tech.tablesaw.api.Table;

class TablesTest {

    @Test
    void spikeAndRateTablesCountTheSameSpikes() {
        var net = network().seed(2);
        var p = net.poisson("p", 50, Hz(40));
        var spikes = net.monitorSpikes(p);
        net.run(ms(500));
        Table perSpike = Tables.spikes(spikes);
        Table perUnit = Tables.rates(spikes);
        assertEquals(spikes.count(), perSpike.rowCount());
        assertEquals(50, perUnit.rowCount());
        assertEquals(spikes.count(), (int) perUnit.intColumn("spikes").sum());
        assertEquals(spikes.meanRate(), perUnit.doubleColumn("rate_Hz").mean(), 1e-9);
        double last = perSpike.doubleColumn("time_ms").max();
        assertTrue(last < 500 && last > 400, "times in ms: " + last);
    }

    @Test
    void theRendererFoundByServiceLoaderShowsHeadTailAndShape() {
        Renderer renderer = ServiceLoader.load(Renderer.class).stream().map(ServiceLoader.Provider::get)
                .filter(r -> r instanceof TableRenderer).findFirst().orElseThrow();
        var net = network().seed(2);
        var spikes = net.monitorSpikes(net.poisson("p", 50, Hz(40)));
        net.run(ms(500));
        Map<String, Object> bundle = renderer.render(Tables.spikes(spikes));
        String html = (String) bundle.get("text/html");
        assertTrue(html.contains("<th>neuron</th>") && html.contains("<th>time_ms</th>"));
        // the header row, the first and last rows, and one row of ellipses between them
        assertEquals(1 + TableRenderer.HEAD + TableRenderer.TAIL + 1, html.split("<tr><th>").length - 1, "rows shown");
        assertTrue(html.contains(spikes.count() + " rows × 2 columns"));
        assertTrue(((String) bundle.get("text/plain")).endsWith(spikes.count() + " rows × 2 columns"));
        assertEquals(Map.of(), renderer.render("not a table"));
    }
}
