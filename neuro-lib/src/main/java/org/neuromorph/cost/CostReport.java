package org.neuromorph.cost;

import java.util.List;
import java.util.Locale;

/**
 * What a network costs on its hardware: one row per part of each layer, projection or population (energy and area),
 * the totals, and the figures people compare. For an inference network the energies are per inference and the
 * latency that of one inference with the layers one after another; throughput assumes the layers pipelined (a new
 * inference enters when the slowest layer is free). For a spiking network the energies are over the run, and the
 * work is its synaptic events. Beside each total stands the same work done digitally ({@link DigitalBaseline}).
 */
public final class CostReport {
    /**
     * One part of one place.
     *
     * @param where  a layer ("layer 1"), a projection or a population
     * @param part   what costs: "array reads", "ADC", "DAC", "shift-and-add", "buffers", "traffic", "cells", ...
     * @param count  how many operations (conversions, adds, bits, spikes, events, pulses; 0 for area alone)
     * @param energy joules (per inference, or over the run); NaN when the model lacks the figure (see note)
     * @param area   square metres
     * @param note   what the figure assumes, or why it is missing ("" when nothing to say)
     */
    public record Row(String where, String part, double count, double energy, double area, String note) {
    }

    private final String scope;
    private final String design;
    private final List<Row> rows;
    private final double latency;
    private final double interval;
    private final double duration;
    private final double work;
    private final String workUnit;
    private final double digitalEnergy;
    private final String digitalAssumptions;

    CostReport(String scope, String design, List<Row> rows, double latency, double interval, double duration,
            double work, String workUnit, double digitalEnergy, String digitalAssumptions) {
        this.scope = scope;
        this.design = design;
        this.rows = List.copyOf(rows);
        this.latency = latency;
        this.interval = interval;
        this.duration = duration;
        this.work = work;
        this.workUnit = workUnit;
        this.digitalEnergy = digitalEnergy;
        this.digitalAssumptions = digitalAssumptions;
    }

    public List<Row> rows() {
        return rows;
    }

    /** "per inference" or "over 2 s of network time". */
    public String scope() {
        return scope;
    }

    /** The design point's description ({@link CostModel#toString()}). */
    public String design() {
        return design;
    }

    /** Total energy in joules, rows without a figure left out (they are named in {@link #missing()}). */
    public double energy() {
        return rows.stream().mapToDouble(Row::energy).filter(e -> !Double.isNaN(e)).sum();
    }

    /** The parts whose figure the design point lacks, as "where: part". */
    public List<String> missing() {
        return rows.stream().filter(r -> Double.isNaN(r.energy())).map(r -> r.where() + ": " + r.part()).toList();
    }

    /** Total area in square metres. */
    public double area() {
        return rows.stream().mapToDouble(Row::area).sum();
    }

    /** One inference's latency in seconds, layers one after another (NaN for a spiking run). */
    public double latency() {
        return latency;
    }

    /** Inferences per second with the layers pipelined (NaN for a spiking run). */
    public double inferencesPerSecond() {
        return 1 / interval;
    }

    /** The work done: operations (two per multiply-accumulate) of an inference, or a run's synaptic events. */
    public double work() {
        return work;
    }

    public String workUnit() {
        return workUnit;
    }

    /** Tera-operations per second per watt: operations per joule / 10¹² (an inference network's figure). */
    public double topsPerWatt() {
        return work / energy() / 1e12;
    }

    /** Tera-operations per second per mm² at the pipelined rate. */
    public double topsPerSquareMillimetre() {
        return work * inferencesPerSecond() / (area() * 1e6) / 1e12;
    }

    /** Mean power over a spiking run's network time, in watts (NaN for an inference). */
    public double power() {
        return energy() / duration;
    }

    /** The same work done digitally, in joules ({@link #digitalAssumptions()}). */
    public double digitalEnergy() {
        return digitalEnergy;
    }

    public String digitalAssumptions() {
        return digitalAssumptions;
    }

    /** How many times less energy than the digital baseline (below 1: more). */
    public double timesLessThanDigital() {
        return digitalEnergy / energy();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "cost %s on %s%n", scope, design));
        text.append(String.format(Locale.ROOT, "%-24s %-18s %14s %14s %14s  %s%n", "where", "part", "count",
                "energy (pJ)", "area (µm²)", "note"));
        for (Row r : rows) {
            text.append(String.format(Locale.ROOT, "%-24s %-18s %14.4g %14.4g %14.4g  %s%n", r.where(), r.part(),
                    r.count(), r.energy() * 1e12, r.area() * 1e12, r.note()));
        }
        text.append(String.format(Locale.ROOT, "total: %.4g pJ, %.4g mm²", energy() * 1e12, area() * 1e6));
        if (Double.isNaN(duration)) {
            text.append(String.format(Locale.ROOT, "; latency %.4g ns; %.4g inferences/s pipelined; %.4g TOPS/W; "
                    + "%.4g TOPS/mm²", latency * 1e9, inferencesPerSecond(), topsPerWatt(),
                    topsPerSquareMillimetre()));
        } else {
            text.append(String.format(Locale.ROOT, "; %.4g W over %.4g s; %.4g pJ per %s", power(), duration,
                    energy() / work * 1e12, workUnit));
        }
        text.append(String.format(Locale.ROOT, "%ndigital: %.4g pJ (%.3g× the energy here); %s", digitalEnergy * 1e12,
                timesLessThanDigital(), digitalAssumptions));
        if (!missing().isEmpty()) {
            text.append("\nnot counted (no figure set): ").append(String.join(", ", missing()));
        }
        return text.toString();
    }
}
