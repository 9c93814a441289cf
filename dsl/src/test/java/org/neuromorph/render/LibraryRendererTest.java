package org.neuromorph.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuromorph.dsl.Neuro;
import org.neuromorph.network.Network;

class LibraryRendererTest {
    private final LibraryRenderer renderer = new LibraryRenderer();

    private static JsonNode plotly(Map<String, Object> bundle) {
        return (JsonNode) bundle.get("application/vnd.plotly.v1+json");
    }

    @Test
    void monitorsShowAsRasterAndTraces() {
        Network net = Neuro.network().seed(2);
        var input = net.poisson("in", 20, Neuro.Hz(50));
        var cells = net.group("cells", 5, Neuro.lif());
        net.connect(input, cells, Neuro.allToAll()).weight(Neuro.mV(2));
        var spikes = net.monitorSpikes(input);
        var v = net.monitorState(cells, "v", 0, 3);
        net.run(Neuro.ms(200));
        Map<String, Object> raster = renderer.render(spikes);
        assertEquals(spikes.toString(), raster.get("text/plain"), "the object's own text for consoles");
        assertEquals(spikes.count(), plotly(raster).at("/data/0/x").size());
        Map<String, Object> traces = renderer.render(v);
        assertEquals(2, plotly(traces).at("/data").size(), "one trace per monitored neuron");
        assertEquals("neuron 3", plotly(traces).at("/data/1/name").asText());
        assertTrue(traces.containsKey("image/png") && traces.containsKey("text/html"));
    }

    @Test
    void networkShowsAsATableOfItsParts() {
        Network net = Neuro.network().seed(2);
        var input = net.poisson("in", 20, Neuro.Hz(50));
        var cells = net.group("cells", 5, Neuro.lif());
        net.connect(input, cells, Neuro.allToAll()).weight(Neuro.mV(2)).plasticity(Neuro.stdpBiPoo(0.01, 1))
                .onDevices(Neuro.rram(), 1e5);
        net.run(Neuro.ms(10));
        Map<String, Object> bundle = renderer.render(net);
        String html = (String) bundle.get("text/html");
        assertTrue(html.contains("<td>cells</td>") && html.contains("<td>in → cells</td>") && html.contains(
                "<td>100</td>"), html);
        assertTrue(html.contains("RRAM") && html.contains("Stdp"), "rule and devices named: " + html);
        assertEquals(net.toString(), bundle.get("text/plain"));
    }

    @Test
    void devicesAndCrossbarsShowTheirPhysics() {
        Map<String, Object> device = renderer.render(Neuro.rram());
        assertEquals(3, plotly(device).at("/data").size(), "three devices' pulse responses");
        assertEquals(40, plotly(device).at("/data/0/x").size(), "20 potentiating, then 20 depressing pulses");
        var small = Neuro.crossbar(Neuro.rram(), 8, 4);
        assertTrue(renderer.render(small).isEmpty(), "not programmed yet: shown as text");
        small.program(new double[4][8], org.neuromorph.crossbar.Crossbar.Programming.IDEAL);
        assertEquals("heatmap", plotly(renderer.render(small)).at("/data/0/type").asText());
        assertTrue(renderer.render("a string").isEmpty());
    }
}
