package org.neuromorph.table;

import org.neuromorph.network.RateMonitor;
import org.neuromorph.network.SpikeMonitor;
import org.neuromorph.network.StateMonitor;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Monitors as Tablesaw tables, for sorting, filtering, grouping and saving to CSV in a notebook. Columns carry
 * their unit in the name (time_ms, v_mV, rate_Hz), since Tablesaw columns hold plain numbers.
 */
public final class Tables {
    private Tables() {
    }

    /** One row per spike: neuron, time_ms. */
    public static Table spikes(SpikeMonitor monitor) {
        double[] ms = monitor.times().clone();
        for (int i = 0; i < ms.length; i++) {
            ms[i] *= 1e3;
        }
        return Table.create(monitor.source().name() + " spikes",
                IntColumn.create("neuron", monitor.indices()),
                DoubleColumn.create("time_ms", ms));
    }

    /** One row per unit: neuron, spikes, rate_Hz over the recorded time. */
    public static Table rates(SpikeMonitor monitor) {
        int[] counts = monitor.countsPerUnit();
        int[] neuron = new int[counts.length];
        double[] rate = new double[counts.length];
        double duration = monitor.duration();
        for (int i = 0; i < counts.length; i++) {
            neuron[i] = i;
            rate[i] = duration > 0 ? counts[i] / duration : 0;
        }
        return Table.create(monitor.source().name() + " rates",
                IntColumn.create("neuron", neuron), IntColumn.create("spikes", counts),
                DoubleColumn.create("rate_Hz", rate));
    }

    /** One row per sample: time_ms, then one column per recorded neuron ("v_mV[3]" for v of neuron 3). */
    public static Table traces(StateMonitor monitor) {
        double[] ms = monitor.times().clone();
        for (int i = 0; i < ms.length; i++) {
            ms[i] *= 1e3;
        }
        Table table = Table.create(monitor.variable() + " traces", DoubleColumn.create("time_ms", ms));
        boolean voltage = monitor.variable().equals("v");
        int[] neurons = monitor.neurons();
        for (int k = 0; k < neurons.length; k++) {
            double[] trace = monitor.trace(k).clone();
            if (voltage) {
                for (int i = 0; i < trace.length; i++) {
                    trace[i] *= 1e3;
                }
            }
            table.addColumns(DoubleColumn.create(monitor.variable() + (voltage ? "_mV" : "") + "[" + neurons[k] + "]",
                    trace));
        }
        return table;
    }

    /** One row per step: time_ms, rate_Hz. */
    public static Table populationRate(RateMonitor monitor) {
        double[] ms = monitor.times();
        for (int i = 0; i < ms.length; i++) {
            ms[i] *= 1e3;
        }
        return Table.create("population rate", DoubleColumn.create("time_ms", ms),
                DoubleColumn.create("rate_Hz", monitor.rates()));
    }

    /**
     * A network's parts, one row each: populations (model, neurons) and projections (ends, synapses, learning rule,
     * devices).
     */
    public static Table summary(org.neuromorph.network.Network net) {
        StringColumn part = StringColumn.create("part");
        StringColumn name = StringColumn.create("name");
        StringColumn what = StringColumn.create("what");
        IntColumn size = IntColumn.create("size");
        StringColumn learning = StringColumn.create("learning");
        StringColumn devices = StringColumn.create("devices");
        for (var population : net.populations().values()) {
            part.append("population");
            name.append(population.name());
            what.append(population instanceof org.neuromorph.network.NeuronGroup group ? group.model().name()
                    : population.getClass().getSimpleName());
            size.append(population.size());
            learning.append("");
            devices.append("");
        }
        for (var projection : net.projections()) {
            part.append("projection");
            name.append(projection.name());
            what.append(projection.pre().name() + " → " + projection.post().name());
            if (projection.built()) {
                size.append(projection.synapseCount());
            } else {
                size.appendMissing(); // the synapses are drawn on the first run
            }
            learning.append(projection.plasticity() == null ? "" : String.valueOf(projection.plasticity()));
            devices.append(projection.deviceModel() == null ? "" : projection.deviceModel().technology());
        }
        return Table.create("Network at t = " + new org.neuromorph.units.Time(net.time()), part, name, what, size,
                learning, devices);
    }

    /** The whole table as an HTML table (every row), for exports. */
    public static String html(Table table) {
        return TableRenderer.html(table, false);
    }
}
