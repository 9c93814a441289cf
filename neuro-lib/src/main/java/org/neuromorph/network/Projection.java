package org.neuromorph.network;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;
import org.neuromorph.device.DeviceArray;
import org.neuromorph.device.DeviceModel;
import org.neuromorph.monitor.WeightSource;
import org.neuromorph.plasticity.Learning;
import org.neuromorph.plasticity.Plasticity;
import org.neuromorph.state.StateExchange;
import org.neuromorph.units.Conductance;
import org.neuromorph.units.Time;
import org.neuromorph.units.Voltage;

/**
 * Synapses from one population onto a neuron group, stored in CSR by presynaptic index (targets, weights and
 * delays as primitive arrays). A presynaptic spike at step n makes the
 * target's membrane potential jump by the weight (volts) at step n + delay, or, with {@link #onto}, adds the weight
 * to a synaptic channel of the target (an exponential current synapse). Pending jumps live in a ring buffer
 * of (max delay + 1) slots, so delivery allocates nothing.
 *
 * <p>About 620 lines, past the house's 500, for a reason: a projection is its synapses' arrays and the loops over
 * them (building, delivery with and without delays, split by target range across threads, the learning hooks on
 * pre- and postsynaptic spikes, the synaptic events cost reports count), and those loops read the arrays as fields
 * the JIT keeps in registers. What stands apart does: device synapses ({@link DeviceSynapses}), row warming
 * ({@link RowWarming}), the connectivity rules.
 */
public final class Projection implements WeightSource {
    /** Initial weight of a synapse, in volts. */
    @FunctionalInterface
    public interface WeightInit {
        double weight(int pre, int post, SplittableRandom rng);
    }

    private final String name;
    private final Population pre;
    private final NeuronGroup post;
    private final Connectivity connectivity;
    private WeightInit weightInit = (i, j, rng) -> 0.5e-3;
    private String weightUnit = "V";
    private double delay;
    private String synapse;
    private int channel = -1;

    private Plasticity plasticity;
    private Learning learning;
    /** Device synapses: each synapse's weight is scale × its device's conductance; learning becomes pulses. */
    private DeviceModel deviceModel;
    private double weightPerSiemens;
    /** Null for plain weights, or until the first run. */
    private DeviceSynapses devices;
    /** Synaptic events so far: each presynaptic spike counts its synapses (for cost reports). */
    private long events;
    /** For learning: the pre unit of each synapse, and the synapses onto each post neuron (transposed CSR). */
    private int[] source;
    private int[] postStart;
    private int[] postSynapses;

    private int[] rowStart;
    private int[] target;
    /** Whether every row's targets ascend, so that a split step finds a thread's part of a row by bisection. */
    private boolean rowsAscend;
    private double[] weight;
    private int[] delaySteps;
    private double[] ring;
    private int ringSlots;

    /** The owning network's clock, for modulator signals that arrive between runs. */
    private final LongSupplier clock;

    Projection(String name, Population pre, NeuronGroup post, Connectivity connectivity,
            LongSupplier clock) {
        this.name = name;
        this.clock = clock;
        this.pre = pre;
        this.post = post;
        this.connectivity = connectivity;
    }

    @Override
    public String name() {
        return name;
    }

    public Population pre() {
        return pre;
    }

    public NeuronGroup post() {
        return post;
    }

    /** Every synapse gets the same weight: the jump of the target's membrane potential. */
    public Projection weight(Voltage jump) {
        requireNotBuilt("weight");
        double w = jump.si();
        weightInit = (i, j, rng) -> w;
        return this;
    }

    /** Every synapse gets the same plain-number weight, for units that sum numbers (McCulloch-Pitts). */
    public Projection weight(double value) {
        requireNotBuilt("weight");
        weightInit = (i, j, rng) -> value;
        weightUnit = "1";
        return this;
    }

    /** Every synapse gets the same conductance jump, for a conductance synapse channel ({@link #onto}). */
    public Projection weight(Conductance jump) {
        requireNotBuilt("weight");
        double w = jump.si();
        weightInit = (i, j, rng) -> w;
        weightUnit = "S";
        return this;
    }

    /** Weights drawn uniformly from [low, high), seeded by the network. */
    public Projection weightsUniform(Voltage low, Voltage high) {
        uniform(low.si(), high.si(), low, high);
        weightUnit = "V";
        return this;
    }

    /** Conductance weights drawn uniformly from [low, high), for a conductance synapse channel. */
    public Projection weightsUniform(Conductance low, Conductance high) {
        uniform(low.si(), high.si(), low, high);
        weightUnit = "S";
        return this;
    }

    private void uniform(double lo, double hi, Object low, Object high) {
        requireNotBuilt("weightsUniform");
        double span = hi - lo;
        if (span < 0) {
            throw new IllegalArgumentException("weightsUniform needs low ≤ high, got " + low + " and " + high);
        }
        weightInit = (i, j, rng) -> lo + span * rng.nextDouble();
    }

    /** Weights given by a function of (pre, post), in volts. */
    public Projection weights(WeightInit init) {
        requireNotBuilt("weights");
        weightInit = init;
        weightUnit = null; // plain numbers: whatever the target expects
        return this;
    }

    /**
     * Delivers onto a synaptic channel of the target model (e.g. an exponential current synapse added with
     * {@code lif().synapse("e", ms(5))}) instead of as a voltage jump; the weight is then that channel's jump.
     */
    public Projection onto(String synapseName) {
        requireNotBuilt("onto");
        synapse = Objects.requireNonNull(synapseName);
        return this;
    }

    /**
     * Makes the weights plastic under a learning rule (STDP, triplet STDP, ...): the rule sees each presynaptic
     * spike when it is emitted and each postsynaptic spike, and changes the weights in place.
     */
    public Projection plasticity(Plasticity rule) {
        requireNotBuilt("plasticity");
        plasticity = Objects.requireNonNull(rule, "rule");
        return this;
    }

    /**
     * Makes every synapse a device of {@code model}: a synapse's weight is {@code weightPerSiemens} × its device's
     * conductance (1 for a conductance synapse, volts per siemens for voltage jumps). At the first run each device
     * is programmed (program-and-verify) to the initial weight, clipped to its window; afterwards a learning rule's
     * desired change becomes pulses, as many as the change spans nominal steps ((G_max − G_min)/pulses across the
     * window), rounded stochastically so that changes smaller than a step still act on average; the weight is
     * then what the device reached.
     */
    public Projection onDevices(DeviceModel model, double weightPerSiemens) {
        requireNotBuilt("onDevices");
        if (!(weightPerSiemens > 0)) {
            throw new IllegalArgumentException("weight per siemens must be > 0, got " + weightPerSiemens);
        }
        deviceModel = Objects.requireNonNull(model, "model");
        this.weightPerSiemens = weightPerSiemens;
        return this;
    }

    /** The learning rule, or null for fixed weights. */
    public Plasticity plasticity() {
        return plasticity;
    }

    /** The device model the synapses live on, or null for plain weights. */
    public DeviceModel deviceModel() {
        return deviceModel;
    }

    /** Whether this projection's synapses are devices (after the network is built). */
    public boolean hasDevices() {
        return devices != null;
    }

    /** The devices of a device projection (after the network is built), for their states, energy and pulses. */
    public DeviceArray devices() {
        if (devices == null) {
            throw new IllegalStateException("projection '" + name + "' has no devices"
                    + (deviceModel == null ? ": make it one with onDevices(model, scale)" : " until the first run"));
        }
        return devices.devices();
    }

    /** The transmission delay of every synapse, as set. */
    public Time delay() {
        return new Time(delay);
    }

    /** The synaptic channel of the target the weights go onto ({@link #onto}), or null for voltage jumps. */
    public String synapse() {
        return synapse;
    }

    /** The same transmission delay for every synapse (rounded to whole steps). */
    public Projection delay(Time value) {
        requireNotBuilt("delay");
        if (value.si() < 0) {
            throw new IllegalArgumentException("delay must be ≥ 0, got " + value);
        }
        delay = value.si();
        return this;
    }

    /** Synaptic events delivered so far: every presynaptic spike times its synapses (for cost reports). */
    public long synapticEvents() {
        return events;
    }

    /**
     * Device synapses' learning so far: programming pulses and their energy (joules) since the network was built,
     * the initial program-and-verify left out; zeros for a projection without devices.
     */
    public long learningPulses() {
        return devices == null ? 0 : devices.pulsesSinceProgramming();
    }

    public double learningEnergy() {
        return devices == null ? 0 : devices.pulseEnergySinceProgramming();
    }

    /** Number of synapses (after the network is built). */
    public int synapseCount() {
        return built() ? target.length : 0;
    }

    /** The live weight array in volts, in CSR order (after the network is built). */
    @Override
    public double[] weights() {
        if (!built()) {
            throw new IllegalStateException("projection '" + name + "' is built when the network first runs");
        }
        return weight;
    }

    /** Index of the first synapse of presynaptic unit i; synapses of i are [rowStart(i), rowStart(i+1)). */
    public int rowStart(int pre) {
        return rowStart[pre];
    }

    public int target(int synapse) {
        return target[synapse];
    }

    /** Whether the synapses exist yet (the network builds them on its first run). */
    public boolean built() {
        return rowStart != null;
    }

    private void requireNotBuilt(String what) {
        if (built()) {
            throw new IllegalStateException("projection '" + name + "' is already built: set " + what
                    + " before the network's first run");
        }
    }

    void build(double dt, SplittableRandom rng) {
        channel = synapse == null ? -1 : post.dynamics().channel(synapse);
        String expected = channel < 0 ? post.dynamics().inputUnit() : post.dynamics().channelUnit(channel);
        if (weightUnit != null && !weightUnit.equals(expected)) {
            throw new IllegalArgumentException("projection '" + name + "' has weights in " + unitName(weightUnit)
                    + " but " + (channel < 0 ? post.name() + " (" + post.model().name() + ") takes "
                    : "synapse '" + synapse + "' of " + post.name() + " takes ") + unitName(expected)
                    + ": give the weight as " + example(expected));
        }
        int preSize = pre.size();
        int postSize = post.size();
        IntStream.Builder targets = IntStream.builder();
        int[] count = {0};
        IntConsumer emit = t -> {
            targets.add(t);
            count[0]++;
        };
        rowStart = new int[preSize + 1];
        for (int i = 0; i < preSize; i++) {
            rowStart[i] = count[0];
            connectivity.targets(i, preSize, postSize, rng, emit);
        }
        rowStart[preSize] = count[0];
        target = targets.build().toArray();
        weight = new double[target.length];
        delaySteps = new int[target.length];
        int d = (int) Math.round(delay / dt);
        for (int i = 0; i < preSize; i++) {
            for (int s = rowStart[i]; s < rowStart[i + 1]; s++) {
                weight[s] = weightInit.weight(i, target[s], rng);
                delaySteps[s] = d;
            }
        }
        ringSlots = d + 1;
        ring = new double[ringSlots * postSize];
        if (plasticity != null) {
            learning = plasticity.instantiate(preSize, postSize, target.length, dt);
        }
        indexSynapses();
        if (deviceModel != null) {
            placeOnDevices(rng.nextLong(), preSize, postSize);
        }
    }

    private void placeOnDevices(long seed, int preSize, int postSize) {
        int widest = 0;
        for (int i = 0; i < preSize; i++) {
            widest = Math.max(widest, rowStart[i + 1] - rowStart[i]);
        }
        if (postStart != null) {
            for (int j = 0; j < postSize; j++) {
                widest = Math.max(widest, postStart[j + 1] - postStart[j]);
            }
        }
        // a rule acting every step or on a modulator changes any synapse at once
        devices = new DeviceSynapses(deviceModel, weightPerSiemens, weight, seed,
                learning != null ? Math.max(widest, target.length) : widest);
    }

    /**
     * Delivers a modulator (reward) signal to this projection's rule now, between runs: a three-factor rule turns
     * its eligibility into weight changes ({@link org.neuromorph.plasticity.CustomRule#onModulator}).
     */
    public Projection modulate(double signal) {
        if (!built()) {
            throw new IllegalStateException("projection '" + name + "' is built when the network first runs: run "
                    + "it (run(ms(0)) builds it) before modulate");
        }
        if (learning == null) {
            throw new IllegalStateException("projection '" + name + "' has no plasticity rule to modulate");
        }
        rememberAllWeights();
        learning.onModulator(clock.getAsLong(), signal, source, target, weight);
        pulseAllChanges();
        return this;
    }

    // A rule acting every step or on a modulator may change any synapse: on devices, all changes become pulses.
    private void rememberAllWeights() {
        if (devices != null) {
            devices.remember(null, 0, weight.length, weight);
        }
    }

    private void pulseAllChanges() {
        if (devices != null) {
            devices.pulse(null, 0, weight.length, weight);
        }
    }

    private void learnOnPre(long step, int i) {
        int from = rowStart[i];
        int to = rowStart[i + 1];
        if (devices != null) {
            devices.remember(null, from, to, weight);
        }
        learning.onPre(step, i, from, to, target, weight);
        if (devices != null) {
            devices.pulse(null, from, to, weight);
        }
    }

    /** The indexes derived from the synapses: row order, and for learning the synapses by target. */
    private void indexSynapses() {
        rowsAscend = true;
        for (int i = 0; i < pre.size() && rowsAscend; i++) {
            for (int s = rowStart[i] + 1; s < rowStart[i + 1]; s++) {
                if (target[s] < target[s - 1]) {
                    rowsAscend = false;
                    break;
                }
            }
        }
        if (learning != null) {
            indexByPost(pre.size(), post.size());
        }
    }

    /** Whether the split step bisects the rows (for tests). */
    boolean rowsAscend() {
        return rowsAscend;
    }

    /** After a load, whose synapses replaced this projection's: the indexes follow them. */
    void stateLoaded() {
        indexSynapses();
    }

    /** Counting sort of the synapses by target: postSynapses[postStart[j] .. postStart[j+1]) end at neuron j. */
    private void indexByPost(int preSize, int postSize) {
        source = new int[target.length];
        for (int i = 0; i < preSize; i++) {
            Arrays.fill(source, rowStart[i], rowStart[i + 1], i);
        }
        postStart = new int[postSize + 1];
        for (int t : target) {
            postStart[t + 1]++;
        }
        for (int j = 0; j < postSize; j++) {
            postStart[j + 1] += postStart[j];
        }
        postSynapses = new int[target.length];
        int[] next = Arrays.copyOf(postStart, postSize);
        for (int s = 0; s < target.length; s++) {
            postSynapses[next[target[s]]++] = s;
        }
    }

    /** Walks the synapses (structure, weights, delays) and the jumps still in flight, for save and load. */
    void exchangeState(StateExchange state) {
        state.ints("rowStart", rowStart);
        state.ints("target", target);
        state.doubles("weight", weight);
        state.ints("delaySteps", delaySteps);
        state.doubles("pending", ring);
        if (learning != null) {
            learning.exchangeState(state);
        }
        if (devices != null) {
            devices.exchangeState(state);
        }
    }

    /**
     * Delivers this step's presynaptic spikes. Without delays every jump is applied at once; with delays it is
     * queued in the ring slot of its arrival step, and the slot due now is applied.
     */
    void deliver(long step) {
        int[] spikes = pre.spikes();
        int spikeCount = pre.spikeCount();
        for (int k = 0; k < spikeCount; k++) {
            events += rowStart[spikes[k] + 1] - rowStart[spikes[k]];
        }
        StepThreads threads = post.splitThreads();
        warmth = RowWarming.warm(spikes, spikeCount, rowStart, target, weight, ringSlots > 1 ? delaySteps : null);
        if (ringSlots == 1 && learning == null && threads != null) {
            // each thread applies the jumps onto its own chunk of the target group, whose state its cache holds
            threads.forEach(deliverChunk);
            return;
        }
        if (ringSlots == 1) {
            for (int k = 0; k < spikeCount; k++) {
                int i = spikes[k];
                for (int s = rowStart[i], end = rowStart[i + 1]; s < end; s++) {
                    apply(target[s], weight[s]);
                }
                if (learning != null) {
                    learnOnPre(step, i);
                }
            }
            learnFromPost(step);
            return;
        }
        int postSize = post.size();
        int now = (int) (step % ringSlots);
        for (int k = 0; k < spikeCount; k++) {
            int i = spikes[k];
            for (int s = rowStart[i], end = rowStart[i + 1]; s < end; s++) {
                int slot = now + delaySteps[s];
                if (slot >= ringSlots) {
                    slot -= ringSlots;
                }
                ring[slot * postSize + target[s]] += weight[s];
            }
            if (learning != null) {
                learnOnPre(step, i);
            }
        }
        learnFromPost(step);
        int base = now * postSize;
        for (int j = 0; j < postSize; j++) {
            double jump = ring[base + j];
            if (jump != 0) {
                apply(j, jump);
                ring[base + j] = 0;
            }
        }
    }

    /** The fold of {@link RowWarming}'s loads; never read, kept so that the loads are not dropped as unused. */
    @SuppressWarnings("unused")
    private long warmth;

    private final IntConsumer deliverChunk = this::deliverChunk;

    private void deliverChunk(int c) {
        deliverRange(post.chunkStart(c), post.chunkStart(c + 1));
    }

    /** Applies this step's jumps onto targets in [lo, hi) only (no delays, no learning). */
    private void deliverRange(int lo, int hi) {
        int[] spikes = pre.spikes();
        if (rowsAscend) {
            // each row's part in [lo, hi) is one run of synapses: no test per synapse, whose outcome (this
            // thread's or the other's) a branch predictor could not learn
            for (int k = 0, n = pre.spikeCount(); k < n; k++) {
                int i = spikes[k];
                int first = firstTargetAtLeast(lo, rowStart[i], rowStart[i + 1]);
                int end = firstTargetAtLeast(hi, first, rowStart[i + 1]);
                for (int s = first; s < end; s++) {
                    apply(target[s], weight[s]);
                }
            }
            return;
        }
        for (int k = 0, n = pre.spikeCount(); k < n; k++) {
            int i = spikes[k];
            for (int s = rowStart[i], end = rowStart[i + 1]; s < end; s++) {
                int j = target[s];
                if (j >= lo && j < hi) {
                    apply(j, weight[s]);
                }
            }
        }
    }

    /**
     * The first synapse in [from, to) of an ascending row whose target is ≥ neuron (to if none): a lower bound,
     * which Arrays.binarySearch is not when a pair is repeated (it may land on any of the equal targets).
     */
    private int firstTargetAtLeast(int neuron, int from, int to) {
        int low = from;
        int high = to;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (target[middle] < neuron) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private void learnFromPost(long step) {
        if (learning == null) {
            return;
        }

        int[] postSpikes = post.spikes();
        for (int k = 0, n = post.spikeCount(); k < n; k++) {
            int j = postSpikes[k];
            int from = postStart[j];
            int to = postStart[j + 1];
            if (devices != null) {
                devices.remember(postSynapses, from, to, weight);
            }
            learning.onPost(step, j, postSynapses, from, to, source, weight);
            if (devices != null) {
                devices.pulse(postSynapses, from, to, weight);
            }
        }
        if (learning.actsEveryStep()) {
            rememberAllWeights();
            learning.onStep(step, source, target, weight);
            pulseAllChanges();
        }
    }

    private void apply(int neuron, double jump) {
        if (channel < 0) {
            post.addVoltage(neuron, jump);
        } else {
            post.addToChannel(channel, neuron, jump);
        }
    }

    /** What this projection is, for matching a saved state: ends, synapse count, ring length and target. */
    String description() {
        return pre.name() + " -> " + post.name() + ", " + synapseCount() + " synapses, "
                + (ring == null ? 0 : ring.length / post.size()) + " delay slots, onto "
                + (synapse == null ? "the membrane" : "'" + synapse + "'")
                + (plasticity == null ? "" : ", learning " + plasticity)
                + (deviceModel == null ? "" : ", on devices " + deviceModel + " × " + weightPerSiemens);
    }

    @Override
    public String toString() {
        return "Projection('" + name + "': " + pre.name() + " -> " + post.name()
                + (built() ? ", " + synapseCount() + " synapses" : "") + ")";
    }

    private static String unitName(String unit) {
        return switch (unit) {
            case "V" -> "volts";
            case "S" -> "siemens";
            default -> "plain numbers";
        };
    }

    private static String example(String unit) {
        return switch (unit) {
            case "V" -> "a voltage jump, e.g. weight(mV(0.5))";
            case "S" -> "a conductance, e.g. weight(nS(1)) with onto(\"e\")";
            default -> "a number, e.g. weight(1.0)";
        };
    }
}
