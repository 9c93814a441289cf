package org.neuromorph.dsl;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neuromorph.ann.Activation;
import org.neuromorph.ann.CrossbarInference;
import org.neuromorph.ann.Mlp;
import org.neuromorph.cost.CostModel;
import org.neuromorph.cost.CostReport;
import org.neuromorph.cost.Costs;
import org.neuromorph.crossbar.Crossbar;
import org.neuromorph.data.Dataset;
import org.neuromorph.device.DeviceModel;
import org.neuromorph.device.Devices;
import org.neuromorph.monitor.SpikeMonitor;
import org.neuromorph.monitor.StateMonitor;
import org.neuromorph.monitor.WeightMonitor;
import org.neuromorph.network.Connectivity;
import org.neuromorph.network.CurrentInjection;
import org.neuromorph.network.Network;
import org.neuromorph.network.Projection;
import org.neuromorph.neuron.AdEx;
import org.neuromorph.neuron.CustomNeuron;
import org.neuromorph.neuron.Izhikevich;
import org.neuromorph.neuron.Lif;
import org.neuromorph.neuron.McCullochPitts;
import org.neuromorph.plasticity.CustomRule;
import org.neuromorph.plasticity.PairStdp;
import org.neuromorph.plasticity.Plasticity;
import org.neuromorph.plasticity.TripletStdp;
import org.neuromorph.plot.Figure;
import org.neuromorph.plot.Plots;
import org.neuromorph.table.Tables;
import org.neuromorph.units.Conductance;
import org.neuromorph.units.Current;
import org.neuromorph.units.Frequency;
import org.neuromorph.units.Time;
import org.neuromorph.units.Units;
import tech.tablesaw.api.Table;

/**
 * The facade a Java cell imports with {@code import static org.neuromorph.dsl.Neuro.*;} (the kernel does this
 * at start-up). It re-exports every unit factory of {@link Units} ({@code ms(20)}, {@code mV(-65)}, ...) and adds
 * the words of an experiment: networks, neuron models, connectivity, stimuli and learning rules.
 *
 * <pre>{@code
 * var net = network().dt(ms(0.1)).seed(42);
 * var in  = net.poisson("in", 100, Hz(20));
 * var exc = net.group("exc", 10, lif().tauM(ms(20)).vThreshold(mV(-50)).vReset(mV(-65)).refractory(ms(2)));
 * net.connect(in, exc, allToAll()).weight(mV(0.5));
 * var spikes = net.monitorSpikes(exc);
 * net.run(s(1));
 * }</pre>
 */
public final class Neuro extends Units {
    private Neuro() {
    }

    /** A new network: dt 0.1 ms and seed 1 unless set. */
    public static Network network() {
        return new Network();
    }

    /** A leaky integrate-and-fire model (defaults: tauM 20 ms, vRest -70 mV, vThreshold -50 mV, ...). */
    public static Lif lif() {
        return new Lif();
    }

    /**
     * An Izhikevich (2003) neuron from its published presets: "RS", "IB", "CH", "FS", "LTS", "TC", "RZ"
     * (or the long names, e.g. "regular spiking"). Input current enters as I/C with C = 1 pF: 10 pA is the
     * paper's I = 10.
     */
    public static Izhikevich izhikevich(String preset) {
        return Izhikevich.preset(preset);
    }

    /** An Izhikevich neuron with the paper's parameters a, b, c (mV), d. */
    /**
     * An adaptive exponential integrate-and-fire model with Brette &amp; Gerstner's (2005) parameters, e.g.
     * {@code adex().a(nS(4)).b(nA(0.0805)).tauW(ms(144))}; conductance synapses with {@code .synapse("e", ms(5), mV(0))}.
     */
    public static AdEx adex() {
        return new AdEx();
    }

    /**
     * A McCulloch-Pitts threshold unit: fires at the next step when the weighted sum of this step's input spikes
     * is at least {@code threshold}; connect to it with plain-number weights, {@code .weight(1.0)}.
     */
    public static McCullochPitts mcCullochPitts(double threshold) {
        return new McCullochPitts(threshold);
    }

    public static Izhikevich izhikevich(double a, double b, double c, double d) {
        return new Izhikevich(a, b, c, d);
    }

    /** Explicit connections: pre[k] connects to post[k]. */
    public static Connectivity pairs(int[] pre, int[] post) {
        return Connectivity.pairs(pre, post);
    }

    /** Connections given as a boolean matrix [pre][post]. */
    public static Connectivity matrix(boolean[][] connected) {
        return Connectivity.matrix(connected);
    }

    public static Connectivity allToAll() {
        return Connectivity.allToAll();
    }

    public static Connectivity oneToOne() {
        return Connectivity.oneToOne();
    }

    /** Each pre/post pair connected with probability p, seeded by the network. */
    public static Connectivity fixedProbability(double p) {
        return Connectivity.fixedProbability(p);
    }

    /** A constant injected current. */
    public static CurrentInjection constantCurrent(Current amplitude) {
        return CurrentInjection.constant(amplitude);
    }

    /** A current of the given amplitude on [start, stop). */
    public static CurrentInjection stepCurrent(Current amplitude, Time start, Time stop) {
        return CurrentInjection.step(amplitude, start, stop);
    }

    /** An arbitrary current trace: {@code amperes[k]} holds for the k-th interval. */
    public static CurrentInjection currentTrace(double[] amperes, Time interval) {
        return CurrentInjection.trace(amperes, interval);
    }

    /** Pair STDP (additive, all-to-all, τ± 20 ms, A+ 0.01, A− 0.0105, w in [0, ∞) until set). */
    public static PairStdp stdp() {
        return new PairStdp();
    }

    /** Pair STDP with the time constants of Bi &amp; Poo's data (16.8 ms, 33.7 ms) and the given amplitudes. */
    public static PairStdp stdpBiPoo(double aPlus, double aMinus) {
        return PairStdp.biPoo(aPlus, aMinus);
    }

    /**
     * Writes a figure (PNG and HTML) or a table (CSV and HTML) to {@code exports/}, named after the cell; returns
     * the files. See {@link Export}.
     */
    public static List<Path> export(Object figureOrTable) {
        return Export.export(figureOrTable);
    }

    /** {@link #export(Object)} under a name of your choosing. */
    public static List<Path> export(Object figureOrTable, String name) {
        return Export.export(figureOrTable, name);
    }

    /**
     * Runs {@code experiment} once per value of {@code parameter}, in parallel, each run with its own seed
     * ({@code p.seed()}), and tabulates what it returns: e.g. {@code sweep("rule", List.of(stdp(), mine), p -> ...)}.
     */
    public static Table sweep(String parameter, List<?> values, Sweep.Experiment experiment) {
        return Sweep.over(parameter, values, experiment);
    }

    /** Runs {@code experiment} on every combination of the grid's values, in parallel (see {@link Sweep}). */
    public static Table sweep(Map<String, ? extends List<?>> grid, Sweep.Experiment experiment) {
        return Sweep.over(grid, experiment);
    }

    /**
     * Apache Spark as the engine of a sweep: {@code spark("local[*]").sweep("g", values, p -> ...)} for one sweep,
     * {@code sweepEngine(spark("spark://host:7077"))} (or {@code %spark MASTER}) for all that follow. Same table as
     * in process; see {@link Sweep#spark} and docs/guide/sweeps.md for what a sweep body may capture.
     */
    public static Sweep.Engine spark(String master) {
        return Sweep.spark(master);
    }

    /** Where every later {@code sweep(...)} runs: {@code spark(master)} or {@link Sweep#inProcess()}. */
    public static void sweepEngine(Sweep.Engine engine) {
        Sweep.engine(engine);
    }

    /**
     * A neuron model of your own: variables, their derivatives as lambdas, threshold, reset, refractoriness and an
     * integration method, e.g. {@code neuronModel("mine").variable("v", -70e-3).derivative("v", n -> (-70e-3 -
     * n.get("v")) / 10e-3).threshold(n -> n.get("v") > -50e-3).reset(n -> n.set("v", -60e-3))}.
     */
    public static CustomNeuron neuronModel(String name) {
        return new CustomNeuron(name);
    }

    /**
     * A learning rule of your own: declare its traces and what a pre spike, a post spike, every step or a modulator
     * does to a synapse, e.g. {@code rule("mine").preTrace("x", ms(20), 1).postTrace("y", ms(20), 1)
     * .onPre(s -> s.w -= 0.0105 * s.post("y")).onPost(s -> s.w += 0.01 * s.pre("x")).bounds(0, 1)}.
     */
    public static CustomRule rule(String name) {
        return new CustomRule(name);
    }

    /**
     * Triplet STDP with a published parameter set by name (Pfister &amp; Gerstner 2006, Tables 3 and 4):
     * "visual cortex all-to-all", "visual cortex all-to-all minimal", "visual cortex nearest",
     * "visual cortex nearest minimal", "hippocampal all-to-all", "hippocampal all-to-all minimal",
     * "hippocampal nearest".
     */
    public static TripletStdp tripletStdp(String parameterSet) {
        return switch (parameterSet.toLowerCase(Locale.ROOT).replace('-', ' ').trim()) {
            case "visual cortex all to all" -> TripletStdp.visualCortexAllToAll();
            case "visual cortex all to all minimal" -> TripletStdp.visualCortexAllToAllMinimal();
            case "visual cortex nearest" -> TripletStdp.visualCortexNearest();
            case "visual cortex nearest minimal" -> TripletStdp.visualCortexNearestMinimal();
            case "hippocampal all to all" -> TripletStdp.hippocampalAllToAll();
            case "hippocampal all to all minimal" -> TripletStdp.hippocampalAllToAllMinimal();
            case "hippocampal nearest" -> TripletStdp.hippocampalNearest();
            default -> throw new IllegalArgumentException("no triplet STDP parameter set '" + parameterSet
                    + "'; there are: visual cortex all-to-all, visual cortex all-to-all minimal, visual cortex nearest,"
                    + " visual cortex nearest minimal, hippocampal all-to-all, hippocampal all-to-all minimal,"
                    + " hippocampal nearest (the hippocampal nearest-spike minimal set is not shipped: its digits"
                    + " could not be checked; give it with new TripletStdp(...))");
        };
    }

    /** The STDP window as a table (Δt in ms, weight change): {@code pairs} pairings at {@code frequency}, from w0. */
    public static Table stdpWindow(Plasticity rule, double w0, int pairs, Frequency frequency, Time... deltaTs) {
        return Tables.stdpWindow(rule, w0, pairs, frequency, deltaTs);
    }

    /** The frequency dependence at one Δt as a table (frequency in Hz, weight change). */
    public static Table stdpFrequencyDependence(Plasticity rule, double w0, int pairs, Time deltaT,
            Frequency... frequencies) {
        return Tables.stdpFrequencyDependence(rule, w0, pairs, deltaT, frequencies);
    }

    /**
     * Triplets as a table (order, weight change): pre-post-pre and post-pre-post, {@code first} and {@code second}
     * apart, repeated {@code repetitions} times at {@code frequency} (Wang et al. 2005's protocol), from w0.
     */
    public static Table stdpTriplets(Plasticity rule, double w0, int repetitions, Frequency frequency, Time first,
            Time second) {
        return Tables.stdpTriplets(rule, w0, repetitions, frequency, first, second);
    }

    /** Analog HfOx RRAM (see {@link Devices#rram}). */
    public static DeviceModel rram() {
        return Devices.rram();
    }

    /** Binary RRAM. */
    public static DeviceModel rramBinary() {
        return Devices.rramBinary();
    }

    /** PCM with the statistical model of programming noise, drift and read noise. */
    public static DeviceModel pcm() {
        return Devices.pcm();
    }

    /** Multi-domain FeFET. */
    public static DeviceModel fefet() {
        return Devices.fefet();
    }

    /** Binary STT-MRAM with stochastic switching. */
    public static DeviceModel sttMram() {
        return Devices.sttMram();
    }

    /** Flash / floating-gate cell. */
    public static DeviceModel flash() {
        return Devices.flash();
    }

    /** An n-bit SRAM weight, the digital baseline. */
    public static DeviceModel sram(int bits) {
        return Devices.sram(bits);
    }

    /**
     * Conductance against pulse number: {@code devices} devices, {@code cycles} × ({@code up} potentiating then
     * {@code down} depressing pulses); columns pulse, device, cycle, direction, G_uS.
     */
    public static Table pulseResponse(DeviceModel model, int devices, int up, int down, int cycles, long seed) {
        return Tables.pulseResponse(model, devices, up, down, cycles, seed);
    }

    /** The spread after program-and-verify to a target: one row per device, column G_uS. */
    public static Table programmingSpread(DeviceModel model, int devices, Conductance target,
            long seed) {
        return Tables.programmingSpread(model, devices, target, seed);
    }

    /** Drift: mean and spread of the devices' reads at each time after programming (columns time_s, mean, sd). */
    public static Table driftOverTime(DeviceModel model, int devices, Conductance target,
            double... timesSeconds) {
        return Tables.driftOverTime(model, devices, target, timesSeconds);
    }

    /** Read-noise samples of one device programmed to a target, read {@code reads} times at {@code at}. */
    public static Table readNoiseSamples(DeviceModel model, Conductance target, int reads,
            Time at) {
        return Tables.readNoiseSamples(model, target, reads, at);
    }


    /** A crossbar of {@code inputs} word lines × {@code outputs} bit lines of {@code model} devices (y = W·x). */
    public static Crossbar crossbar(DeviceModel model, int inputs, int outputs) {
        return Crossbar.of(model, inputs, outputs);
    }

    /** The 8×8 handwritten digits shipped with Neuromorph (1797 images, pixels in [0, 1]). */
    public static Dataset digits() {
        return Dataset.digits();
    }

    /** The digits split as usual: [0] the first 1347 to train on, [1] the last 450 to test. */
    public static Dataset[] digitsSplit() {
        return Dataset.digitsSplit();
    }

    /** A multilayer perceptron, e.g. {@code mlp(1, Activation.RELU, 64, 32, 10)}: layer sizes from input to output. */
    public static Mlp mlp(long seed, Activation hidden, int... sizes) {
        return new Mlp(seed, hidden, sizes);
    }

    /** A training log as a table: epoch, loss, train and test accuracy. */
    public static Table trainingTable(Mlp.TrainingLog log) {
        return Tables.training(log);
    }

    /** A raster plot of one or more spike monitors (each group in its colour), with the population rate below. */
    public static Figure raster(SpikeMonitor... spikes) {
        return Plots.raster(spikes);
    }

    /** The traces of a state monitor (voltages in mV). */
    public static Figure traces(StateMonitor monitor) {
        return Plots.traces(monitor);
    }

    /** A crossbar's device conductances as a map (µS, with a colour bar). */
    public static Figure conductanceMap(Crossbar crossbar) {
        return Plots.conductanceMap(crossbar);
    }

    /** A projection's weights as a map, presynaptic neurons × postsynaptic neurons. */
    public static Figure weightMap(Projection projection) {
        return Plots.weightMap(projection);
    }

    /** The distribution of a monitored projection's weights at each snapshot (time × weight). */
    public static Figure weightHistogram(WeightMonitor monitor) {
        return Plots.weightHistogram(monitor);
    }

    /** Any matrix as a heatmap (row 0 at the bottom), e.g. receptive fields laid out as tiles. */
    public static Figure heatmap(String title, double[][] values, String xLabel, String yLabel, String zLabel) {
        return Plots.heatmap(title, values, xLabel, yLabel, zLabel);
    }

    /** A histogram of the firing rates of a monitored population's units. */
    public static Figure rateHistogram(SpikeMonitor spikes) {
        return Plots.rateHistogram(spikes);
    }

    /**
     * What an MLP on crossbar tiles costs per inference on ISAAC's periphery ({@link CostModel#isaac()}): energy,
     * latency and area per layer and part, TOPS/W, TOPS/mm² and the digital baseline. Run inferences first.
     */
    public static CostReport costs(CrossbarInference arrays) {
        return Costs.inference(arrays, CostModel.isaac());
    }

    /** As {@link #costs(CrossbarInference)} on a design point of your own, e.g. {@code isaac().adc(...)}. */
    public static CostReport costs(CrossbarInference arrays, CostModel model) {
        return Costs.inference(arrays, model);
    }

    /**
     * What a spiking network's run so far cost on device synapses: events, spike drives, learning pulses (and the
     * neurons', once {@code model.neuronEnergyPerSpike(...)} is set), beside the digital baseline.
     */
    public static CostReport costs(Network net, CostModel model) {
        return Costs.run(net, model);
    }

    /** The default design point, ISAAC's periphery at 32 nm, as a fresh copy to change. */
    public static CostModel isaac() {
        return CostModel.isaac();
    }

    /** A cost report as a table, a row per part and a total. */
    public static Table costTable(CostReport report) {
        return Tables.costs(report);
    }

    /** Columns of a table against column {@code x}, e.g. {@code plot(stdpWindow(...), "Δt (ms)", "Δw")}. */
    public static Figure plot(Table table, String x, String... ys) {
        return Plots.plot(table, x, ys);
    }

    /** One curve per value of {@code groupBy}, e.g. {@code plotBy(pulseResponse(...), "pulse", "G_uS", "device")}. */
    public static Figure plotBy(Table table, String x, String y, String groupBy) {
        return Plots.plotBy(table, x, y, groupBy);
    }
}
