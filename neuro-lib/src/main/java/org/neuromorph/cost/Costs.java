package org.neuromorph.cost;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.neuromorph.ann.CrossbarInference;
import org.neuromorph.crossbar.Crossbar;
import org.neuromorph.crossbar.TiledCrossbar;
import org.neuromorph.device.DeviceArray;
import org.neuromorph.network.Network;
import org.neuromorph.network.NeuronGroup;
import org.neuromorph.network.Population;
import org.neuromorph.network.Projection;

/**
 * Cost reports from the counts a simulation keeps anyway: its arrays' reads and read energy, its populations'
 * spikes, its projections' synaptic events and learning pulses. Nothing here runs during the simulation.
 */
public final class Costs {
    private Costs() {
    }

    /**
     * An MLP on crossbar tiles, per inference (the arrays' counts since programming divided by the inferences run so
     * far, so run some first, e.g. {@code arrays.accuracy(test)}). Per layer: the arrays' reads (energy from the
     * simulated currents), the DAC drives of their rows and the ADC conversions of their columns, the shift-and-add of
     * the partial sums of a layer spread over several tiles along its inputs, the buffers the activations pass through
     * and the traffic of partial sums and activations; the area of the cells, converters, adders and buffers.
     * Converters set to 0 bits are ideal and cost nothing here (the row says so).
     */
    public static CostReport inference(CrossbarInference arrays, CostModel model) {
        long inferences = arrays.inferences();
        if (inferences == 0) {
            throw new IllegalStateException("no inference has run on these arrays yet: run some (e.g. "
                    + "arrays.accuracy(test)) so that the report has reads to count");
        }
        List<CostReport.Row> rows = new ArrayList<>();
        double latency = 0;
        double slowest = 0;
        double macs = 0;
        List<TiledCrossbar> layers = arrays.layers();
        for (int l = 0; l < layers.size(); l++) {
            TiledCrossbar t = layers.get(l);
            String where = "layer " + (l + 1) + " (" + t.inputs() + "×" + t.outputs() + ")";
            double layerLatency = layer(t, arrays.activitySinceProgramming(l), model, inferences, where, rows);
            latency += layerLatency;
            slowest = Math.max(slowest, layerLatency);
            macs += (double) t.inputs() * t.outputs();
        }
        DigitalBaseline digital = model.digital();
        return new CostReport("per inference (mean of " + inferences + ")", model.toString(), rows, latency,
                slowest, Double.NaN, 2 * macs, "operation", macs * digital.multiplyAccumulate(),
                digital.assumptions());
    }

    /** Adds one layer's rows; returns its latency (its tiles read in parallel, then the partial sums added). */
    private static double layer(TiledCrossbar t, List<Crossbar.Activity> tiles, CostModel model, long inferences,
            String where, List<CostReport.Row> rows) {
        double arrayEnergy = 0;
        double reads = 0;
        double dacDrives = 0;
        double dacEnergy = 0;
        double adcConversions = 0;
        double adcEnergy = 0;
        double cellArea = 0;
        double dacArea = 0;
        double adcArea = 0;
        int adcs = 0;
        double tileLatency = 0;
        boolean idealDac = false;
        boolean idealAdc = false;
        for (Crossbar.Activity a : tiles) {
            double perInference = a.reads() / (double) inferences;
            reads += perInference;
            arrayEnergy += a.arrayEnergy() / inferences;
            dacDrives += perInference * a.inputs();
            dacEnergy += perInference * a.inputs() * model.dacEnergy(a.dacBits());
            adcConversions += perInference * a.outputs();
            adcEnergy += perInference * a.outputs() * model.adcEnergy(a.adcBits());
            int tileAdcs = (a.outputs() + a.columnsPerAdc() - 1) / a.columnsPerAdc();
            adcs += a.adcBits() == 0 ? 0 : tileAdcs;
            cellArea += model.cellArea(a.devices() * a.cellAreaF2());
            dacArea += a.inputs() * model.dacArea(a.dacBits());
            adcArea += tileAdcs * model.adcArea(a.adcBits());
            int conversionsPerAdc = Math.min(a.columnsPerAdc(), a.outputs());
            tileLatency = Math.max(tileLatency, a.readTime() + conversionsPerAdc * model.adcTime(a.adcBits()));
            idealDac |= a.dacBits() == 0;
            idealAdc |= a.adcBits() == 0;
        }
        int rowTiles = t.rowTiles();
        double adds = (double) (rowTiles - 1) * t.outputs();
        int adders = rowTiles > 1 ? Math.max(1, (adcs + model.adcsPerShiftAdd - 1) / model.adcsPerShiftAdd) : 0;
        double activationBits = (double) (t.inputs() + t.outputs()) * model.activationBits;
        double trafficBits = (double) rowTiles * t.outputs() * model.partialSumBits
                + (double) t.outputs() * model.activationBits;
        rows.add(new CostReport.Row(where, "array reads", reads, arrayEnergy, cellArea,
                "V²·G·t of the simulated reads; cells at " + tiles.get(0).cellAreaF2() + " F²"));
        rows.add(new CostReport.Row(where, "DAC", dacDrives, dacEnergy, dacArea, idealDac ? "ideal (0 bits): not "
                + "costed; set crossbar.dac(bits, range)" : ""));
        rows.add(new CostReport.Row(where, "ADC", adcConversions, adcEnergy, adcArea, idealAdc ? "ideal (0 bits): "
                + "not costed; set crossbar.adc(bits, range)" : adcs + " ADCs"));
        rows.add(new CostReport.Row(where, "shift-and-add", adds, adds * model.shiftAddEnergy,
                adders * model.shiftAddArea, rowTiles + " tiles along the inputs"));
        rows.add(new CostReport.Row(where, "buffers", activationBits, activationBits * model.bufferEnergyPerBit,
                activationBits * model.bufferAreaPerBit, "inputs read and outputs written once"));
        rows.add(new CostReport.Row(where, "traffic", trafficBits, trafficBits * model.trafficEnergyPerBit, 0,
                "partial sums to the adders, outputs to the next layer"));
        // the partial sums meet in an adder tree, a level per cycle of the converters' clock
        return tileLatency + (rowTiles > 1 ? Math.ceil(Math.log(rowTiles) / Math.log(2)) / model.adcRate8 : 0);
    }

    /**
     * A spiking network over its run so far: per group of neurons (spike sources are inputs), its spikes times the
     * neuron circuit's energy per spike (left out, and named, until the design point sets one); per projection on
     * devices, each synaptic event read from its device (V²·G·t at the devices' mean conductance now) and each
     * presynaptic spike driven onto the array's row, and the learning pulses since the initial programming with their
     * programming energy (the device model's {@code pulseCost}); a projection without devices is a digital one, its
     * events costed at the digital baseline's. The cells' area of device projections is counted; the neurons' is not
     * modelled.
     */
    public static CostReport run(Network net, CostModel model) {
        if (net.time() <= 0) {
            throw new IllegalStateException("the network has not run yet: run it first, then ask for its cost");
        }
        DigitalBaseline digital = model.digital();
        List<CostReport.Row> rows = new ArrayList<>();
        double events = 0;
        double neuronUpdates = 0;
        double neuronEnergy = model.neuronEnergyPerSpike;
        for (Population p : net.populations().values()) {
            if (!(p instanceof NeuronGroup)) {
                continue; // a spike source is the input, not a neuron circuit; its spikes count as drives below
            }
            rows.add(new CostReport.Row(p.name(), "neuron spikes", p.spikesSoFar(), p.spikesSoFar() * neuronEnergy, 0,
                    Double.isNaN(neuronEnergy) ? "neuron energy per spike not set: model.neuronEnergyPerSpike(pJ(..))"
                            : ""));
            neuronUpdates += (double) p.size() * net.stepCount();
        }
        for (Projection proj : net.projections()) {
            String where = proj.name();
            double projectionEvents = proj.synapticEvents();
            events += projectionEvents;
            DeviceArray devices = proj.hasDevices() ? proj.devices() : null;
            if (devices == null) {
                rows.add(new CostReport.Row(where, "synaptic events (digital)", projectionEvents,
                        projectionEvents * digital.synapticEvent(), 0, "not on devices: digital baseline's figure"));
                continue;
            }
            double meanG = Arrays.stream(devices.states()).average().orElse(0);
            double v = devices.model().readVoltageVolts();
            double perEvent = v * v * meanG * devices.model().readTimeSeconds();
            rows.add(new CostReport.Row(where, "synaptic reads", projectionEvents, projectionEvents * perEvent,
                    model.cellArea(devices.size() * 4.0), String.format(Locale.ROOT, "V²·G·t at mean G %.3g µS; "
                            + "cells at 4 F²", meanG * 1e6)));
            double preSpikes = proj.pre().spikesSoFar();
            rows.add(new CostReport.Row(where, "spike drives", preSpikes, preSpikes * model.spikeDriveEnergy, 0,
                    "one row pulse per presynaptic spike"));
            rows.add(new CostReport.Row(where, "learning pulses", proj.learningPulses(), proj.learningEnergy(), 0,
                    "the device's pulseCost; initial programming left out"));
        }
        return new CostReport(String.format(Locale.ROOT, "over %.4g s of network time", net.time()),
                model.toString(), rows, Double.NaN, Double.NaN, net.time(), events, "synaptic event",
                events * digital.synapticEvent() + neuronUpdates * digital.neuronUpdate(), digital.assumptions()
                        + String.format(Locale.ROOT, "; %.4g neuron updates (every neuron, every step)",
                        neuronUpdates));
    }
}
