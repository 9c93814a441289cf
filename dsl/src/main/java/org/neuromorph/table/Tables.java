package org.neuromorph.table;

import java.util.Arrays;
import org.neuromorph.ann.Mlp;
import org.neuromorph.cost.CostReport;
import org.neuromorph.device.Characterization;
import org.neuromorph.device.DeviceModel;
import org.neuromorph.monitor.RateMonitor;
import org.neuromorph.monitor.SpikeMonitor;
import org.neuromorph.monitor.StateMonitor;
import org.neuromorph.network.Network;
import org.neuromorph.network.NeuronGroup;
import org.neuromorph.plasticity.Plasticity;
import org.neuromorph.plasticity.StdpProtocols;
import org.neuromorph.units.Conductance;
import org.neuromorph.units.Frequency;
import org.neuromorph.units.Time;
import org.neuromorph.units.Units;
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
    public static Table summary(Network net) {
        StringColumn part = StringColumn.create("part");
        StringColumn name = StringColumn.create("name");
        StringColumn what = StringColumn.create("what");
        IntColumn size = IntColumn.create("size");
        StringColumn learning = StringColumn.create("learning");
        StringColumn devices = StringColumn.create("devices");
        for (var population : net.populations().values()) {
            part.append("population");
            name.append(population.name());
            what.append(population instanceof NeuronGroup group ? group.model().name()
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
        return Table.create("Network at t = " + new Time(net.time()), part, name, what, size,
                learning, devices);
    }

    /**
     * A cost report as a table: one row per part (where, part, count, energy_pJ, area_um2, note), then a total row;
     * the report's scope, design point and derived figures are in the table's name.
     */
    public static Table costs(CostReport report) {
        StringColumn where = StringColumn.create("where");
        StringColumn part = StringColumn.create("part");
        DoubleColumn count = DoubleColumn.create("count");
        DoubleColumn energy = DoubleColumn.create("energy_pJ");
        DoubleColumn area = DoubleColumn.create("area_um2");
        StringColumn note = StringColumn.create("note");
        for (CostReport.Row r : report.rows()) {
            where.append(r.where());
            part.append(r.part());
            count.append(r.count());
            energy.append(r.energy() * 1e12);
            area.append(r.area() * 1e12);
            note.append(r.note());
        }
        where.append("total");
        part.append("");
        count.appendMissing();
        energy.append(report.energy() * 1e12);
        area.append(report.area() * 1e12);
        note.append(String.format(java.util.Locale.ROOT, "digital baseline %.4g pJ (%.3g× the energy here)",
                report.digitalEnergy() * 1e12, report.timesLessThanDigital()));
        return Table.create("cost " + report.scope(), where, part, count, energy, area, note);
    }

    /** The whole table as an HTML table (every row), for exports. */
    public static String html(Table table) {
        return TableRenderer.html(table, false);
    }

    // tables of the plasticity protocols and the device characterizations (the Neuro facade hands them out)

    /** The STDP window as a table (Δt in ms, weight change): {@code pairs} pairings at {@code frequency}, from w0. */
    public static Table stdpWindow(Plasticity rule, double w0, int pairs, Frequency frequency, Time... deltaTs) {
        double[] changes = StdpProtocols.window(rule, w0, pairs, frequency, Units.ms(0.1), deltaTs);
        double[] deltaMs = Arrays.stream(deltaTs).mapToDouble(t -> t.si() * 1e3).toArray();
        return Table.create("STDP window").addColumns(DoubleColumn.create("Δt (ms)", deltaMs),
                DoubleColumn.create("Δw", changes));
    }

    /** The frequency dependence at one Δt as a table (frequency in Hz, weight change). */
    public static Table stdpFrequencyDependence(Plasticity rule, double w0, int pairs, Time deltaT,
            Frequency... frequencies) {
        double[] changes = StdpProtocols.frequencyDependence(rule, w0, pairs, deltaT, Units.ms(0.1), frequencies);
        double[] hz = Arrays.stream(frequencies).mapToDouble(Frequency::si).toArray();
        return Table.create("STDP at Δt = " + deltaT).addColumns(DoubleColumn.create("frequency (Hz)", hz),
                DoubleColumn.create("Δw", changes));
    }

    /**
     * Triplets as a table (order, weight change): pre-post-pre and post-pre-post, {@code first} and {@code second}
     * apart, repeated {@code repetitions} times at {@code frequency} (Wang et al. 2005's protocol), from w0.
     */
    public static Table stdpTriplets(Plasticity rule, double w0, int repetitions, Frequency frequency, Time first,
            Time second) {
        double[] changes = {
            StdpProtocols.triplet(rule, w0, repetitions, true, first, second, frequency, Units.ms(0.1)),
            StdpProtocols.triplet(rule, w0, repetitions, false, first, second, frequency, Units.ms(0.1))};
        return Table.create("STDP triplets, " + first + " and " + second + " apart").addColumns(
                StringColumn.create("order", "pre-post-pre", "post-pre-post"),
                DoubleColumn.create("Δw", changes));
    }

    /**
     * Conductance against pulse number: {@code devices} devices, {@code cycles} × ({@code up} potentiating then
     * {@code down} depressing pulses); columns pulse, device, cycle, direction, G_uS.
     */
    public static Table pulseResponse(DeviceModel model, int devices, int up, int down, int cycles, long seed) {
        Characterization.PulseResponse r = Characterization.pulseResponse(model, devices, up, down, cycles, seed);
        return Table.create(model.technology() + ": pulse response").addColumns(IntColumn.create("pulse", r.pulse()),
                IntColumn.create("device", r.device()), IntColumn.create("cycle", r.cycle()),
                IntColumn.create("direction", r.direction()), DoubleColumn.create("G_uS", micro(r.conductance())));
    }

    /** The spread after program-and-verify to a target: one row per device, column G_uS. */
    public static Table programmingSpread(DeviceModel model, int devices, Conductance target,
            long seed) {
        double[] g = Characterization.programmed(model, devices, target.si(), seed);
        return Table.create(model.technology() + ": programmed to " + target).addColumns(
                IntColumn.indexColumn("device", devices, 0), DoubleColumn.create("G_uS", micro(g)));
    }

    /** Drift: mean and spread of the devices' reads at each time after programming (columns time_s, mean, sd). */
    public static Table driftOverTime(DeviceModel model, int devices, Conductance target,
            double... timesSeconds) {
        Characterization.Drift d = Characterization.drift(model, devices, target.si(), timesSeconds, 1);
        return Table.create(model.technology() + ": drift from " + target).addColumns(
                DoubleColumn.create("time_s", d.time()), DoubleColumn.create("mean_G_uS", micro(d.mean())),
                DoubleColumn.create("sd_G_uS", micro(d.sd())));
    }

    /** Read-noise samples of one device programmed to a target, read {@code reads} times at {@code at}. */
    public static Table readNoiseSamples(DeviceModel model, Conductance target, int reads,
            Time at) {
        double[] r = Characterization.readNoise(model, target.si(), reads, at.si(), 1);
        return Table.create(model.technology() + ": reads").addColumns(IntColumn.indexColumn("read", reads, 0),
                DoubleColumn.create("G_uS", micro(r)));
    }

    /** A training log as a table: epoch, loss, train and test accuracy. */
    public static Table training(Mlp.TrainingLog log) {
        return Table.create("training").addColumns(IntColumn.create("epoch", log.epoch()),
                DoubleColumn.create("loss", log.loss()), DoubleColumn.create("train_accuracy", log.trainAccuracy()),
                DoubleColumn.create("test_accuracy", log.testAccuracy()));
    }

    private static double[] micro(double[] siemens) {
        return Arrays.stream(siemens).map(x -> x * 1e6).toArray();
    }
}
