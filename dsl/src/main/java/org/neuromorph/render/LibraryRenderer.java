package org.neuromorph.render;

import java.util.LinkedHashMap;
import java.util.Map;
import org.neuromorph.crossbar.Crossbar;
import org.neuromorph.device.DeviceModel;
import org.neuromorph.dsl.Neuro;
import org.neuromorph.monitor.SpikeMonitor;
import org.neuromorph.monitor.StateMonitor;
import org.neuromorph.network.Network;
import org.neuromorph.plot.FigureRenderer;
import org.neuromorph.plot.Plots;
import org.neuromorph.table.TableRenderer;
import org.neuromorph.table.Tables;

/**
 * neuro-lib's objects show themselves when a cell ends with one: a spike monitor as its raster, a state monitor as
 * its traces, a programmed crossbar as its conductance map, a device model as its pulse response, a network as a table of its
 * parts. The text stays the object's own ({@code toString}), so consoles see what they saw before.
 */
public final class LibraryRenderer implements Renderer {
    /** A crossbar with more cells than this is shown as text; {@code conductanceMap(xb)} draws it on request. */
    static final int MAP_CELLS = 512 * 512;

    private final FigureRenderer figures = new FigureRenderer();
    private final TableRenderer tables = new TableRenderer();

    @Override
    public Map<String, Object> render(Object value) {
        Map<String, Object> shown;
        if (value instanceof SpikeMonitor spikes) {
            shown = figures.render(Plots.raster(spikes));
        } else if (value instanceof StateMonitor states && states.samples() > 0) {
            shown = figures.render(Plots.traces(states));
        } else if (value instanceof Crossbar crossbar && crossbar.programmed() && (long) crossbar.inputs() * crossbar.outputs() <= MAP_CELLS) {
            shown = figures.render(Plots.conductanceMap(crossbar));
        } else if (value instanceof DeviceModel model) {
            // three devices, 20 potentiating then 20 depressing pulses: the nonlinearity, asymmetry and spread
            shown = figures.render(Plots.plotBy(Neuro.pulseResponse(model, 3, 20, 20, 1, 1), "pulse", "G_uS",
                    "device"));
        } else if (value instanceof Network network) {
            shown = tables.render(Tables.summary(network));
        } else {
            return Map.of();
        }
        Map<String, Object> data = new LinkedHashMap<>(shown);
        data.put("text/plain", value.toString());
        return data;
    }
}
