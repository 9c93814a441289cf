package org.neuromorph.network;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.neuromorph.jobs.DefaultProgress;
import org.neuromorph.jobs.Interrupts;
import org.neuromorph.jobs.ProgressListener;
import org.neuromorph.monitor.Monitor;
import org.neuromorph.monitor.RateMonitor;
import org.neuromorph.monitor.SpikeMonitor;
import org.neuromorph.monitor.StateMonitor;
import org.neuromorph.monitor.WeightMonitor;
import org.neuromorph.neuron.NeuronModel;
import org.neuromorph.random.Seeds;
import org.neuromorph.units.Frequency;
import org.neuromorph.units.Time;

/**
 * A spiking network on a fixed time step: populations, projections and monitors, and the clock-driven
 * simulator that advances them. Each step, in this order: monitors read the state at t_n; every population
 * integrates and detects its spikes; spikes are recorded and delivered through the projections; spiking
 * neurons are reset. Runs continue where the last one stopped. The same seed gives the same result.
 */
public final class Network {
    private double dt = 0.1e-3;
    private long seed = Seeds.base();
    private final Map<String, Population> populations = new LinkedHashMap<>();
    private final List<Projection> projections = new ArrayList<>();
    private final List<Monitor> monitors = new ArrayList<>();
    private boolean built;
    private long step;
    private int threads = 1;

    /** The simulation time step (default 0.1 ms); fixed once the network has run. */
    public Network dt(Time value) {
        if (built) {
            throw new IllegalStateException("dt is fixed once the network has run (it is " + new Time(dt) + ")");
        }
        if (!(value.si() > 0)) {
            throw new IllegalArgumentException("dt must be > 0, got " + value);
        }
        dt = value.si();
        return this;
    }

    /** The seed of every random choice in the network (connectivity, weights, initial states, sources). */
    public Network seed(long value) {
        if (built) {
            throw new IllegalStateException("the seed is fixed once the network has run");
        }
        seed = value;
        return this;
    }

    /**
     * How many threads a run uses (default 1): groups of at least 32768 neurons split each step's neuron updates
     * and the delivery of delay-free, non-learning projections onto them across the threads. The results are
     * the same, bit for bit, whatever the number. More threads than cores only slows a run down.
     */
    public Network threads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("threads must be ≥ 1, got " + count);
        }
        threads = count;
        return this;
    }

    public int threads() {
        return threads;
    }

    /** The seed every random choice of this network derives from. */
    public long seed() {
        return seed;
    }

    public double dt() {
        return dt;
    }

    /** Current simulated time in seconds. */
    public double time() {
        return step * dt;
    }

    public long stepCount() {
        return step;
    }

    /** Adds a group of {@code size} neurons of the given model. */
    public NeuronGroup group(String name, int size, NeuronModel model) {
        return add(new NeuronGroup(name, size, model));
    }

    /** Adds {@code size} independent Poisson spike trains of the given rate. */
    public PoissonGroup poisson(String name, int size, Frequency rate) {
        return add(new PoissonGroup(name, size, rate));
    }

    /** Adds Poisson units that rate-code a vector: unit i fires at values[i] × maxRate (values in [0, 1]). */
    public PoissonGroup rateCoded(String name, double[] values, Frequency maxRate) {
        return add(PoissonGroup.rateCoded(name, values, maxRate));
    }

    /** Adds Poisson units that rate-code an image row by row (pixel values in [0, 1]). */
    public PoissonGroup rateCoded(String name, double[][] image, Frequency maxRate) {
        return add(PoissonGroup.rateCoded(name, image, maxRate));
    }

    /** Adds a source that fires unit {@code indices[k]} at {@code times[k]}. */
    public SpikeTimesGroup spikeTimes(String name, int size, int[] indices, Time[] times) {
        return add(new SpikeTimesGroup(name, size, indices, times));
    }

    /** Adds any population (a custom spike source, for instance). */
    public <P extends Population> P add(P population) {
        requireNotBuilt("add population '" + population.name() + "'");
        if (populations.containsKey(population.name())) {
            throw new IllegalArgumentException("the network already has a population named '"
                    + population.name() + "'");
        }
        populations.put(population.name(), population);
        return population;
    }

    /** Connects {@code pre} to {@code post}; set weights and delay on the returned projection. */
    public Projection connect(Population pre, NeuronGroup post, Connectivity connectivity) {
        requireNotBuilt("connect " + pre.name() + " -> " + post.name());
        requireMember(pre);
        requireMember(post);
        Projection projection = new Projection(pre.name() + "->" + post.name() + "#" + projections.size(),
                pre, post, connectivity, () -> step);
        projections.add(projection);
        return projection;
    }

    /** Records every spike of a population. */
    public SpikeMonitor monitorSpikes(Population population) {
        requireMember(population);
        return record(new SpikeMonitor(population));
    }

    /** Snapshots a projection's weights every {@code interval} (all synapses, or the given CSR indices). */
    public WeightMonitor monitorWeights(Projection projection, Time interval, int... synapses) {
        if (!projections.contains(projection)) {
            throw new IllegalArgumentException("projection '" + projection.name() + "' is not part of this network");
        }
        return record(new WeightMonitor(projection, Math.max(1, Math.round(interval.si() / dt)), synapses));
    }

    /** Records the population rate of a population at every step (spikes / size / dt). */
    public RateMonitor monitorRate(Population population) {
        requireMember(population);
        return record(new RateMonitor(population));
    }

    /** Records a state variable (e.g. "v") of the given neurons, every step. */
    public StateMonitor monitorState(NeuronGroup group, String variable, int... neurons) {
        requireMember(group);
        if (neurons.length == 0) {
            neurons = IntStream.range(0, group.size()).toArray();
        }
        return record(new StateMonitor(group, variable, neurons));
    }

    private <M extends Monitor> M record(M monitor) {
        monitors.add(monitor);
        return monitor;
    }

    public Map<String, Population> populations() {
        return Collections.unmodifiableMap(populations);
    }

    public List<Projection> projections() {
        return Collections.unmodifiableList(projections);
    }

    private ProgressListener progress;

    /** Reports the progress of this network's runs to a listener of its own (null: the default one). */
    public Network progress(ProgressListener listener) {
        progress = listener;
        return this;
    }

    /** Advances the network by {@code duration} (rounded to whole steps); {@code run} again to continue. */
    public Network run(Time duration) {
        if (duration.si() < 0) {
            throw new IllegalArgumentException("run duration must be ≥ 0, got " + duration);
        }
        build();
        long steps = Math.round(duration.si() / dt);
        Population[] pops = populations.values().toArray(new Population[0]);
        Projection[] projs = projections.toArray(new Projection[0]);
        Monitor[] mons = monitors.toArray(new Monitor[0]);
        ProgressListener listener = progress != null ? progress : DefaultProgress.listener();
        boolean anySplits = Arrays.stream(pops).anyMatch(p -> p instanceof NeuronGroup g && g.splits());
        StepThreads runThreads = threads > 1 && anySplits ? new StepThreads(threads) : null;
        for (Population p : pops) {
            if (p instanceof NeuronGroup group) {
                group.useThreads(runThreads);
            }
        }
        try {
            loop(steps, pops, projs, mons, listener);
        } finally {
            for (Population p : pops) {
                if (p instanceof NeuronGroup group) {
                    group.useThreads(null);
                }
            }
            if (runThreads != null) {
                runThreads.close();
            }
        }
        return this;
    }

    private void loop(long steps, Population[] pops, Projection[] projs, Monitor[] mons, ProgressListener listener) {
        long started = System.nanoTime();
        long lastReport = started;
        long first = step;
        if (listener != null) {
            listener.progress(0, steps, time(), 0);
        }
        for (long end = step + steps; step < end; step++) {
            if (Interrupts.requested()) {
                throw Interrupts.stopped("the run at t = " + new Time(time()));
            }
            if (listener != null && ((step - first) & 255) == 0 && step > first) {
                long now = System.nanoTime();
                if (now - lastReport >= listener.intervalNanos()) {
                    lastReport = now;
                    listener.progress(step - first, steps, time(), now - started);
                }
            }
            for (Monitor m : mons) {
                m.atStepStart(step, dt);
            }
            for (Population p : pops) {
                p.update(step, dt);
                p.spikesSoFar += p.spikeCount;
            }
            for (Monitor m : mons) {
                m.afterThreshold(step, dt);
            }
            for (Projection p : projs) {
                p.deliver(step);
            }
            for (Population p : pops) {
                p.finishStep(step);
            }
        }
        if (listener != null) {
            listener.progress(steps, steps, time(), System.nanoTime() - started);
        }
    }

    /**
     * Saves the network's full state (models and their parameters, synapses and weights, neuron state, jumps in
     * flight, random streams, the clock) to a versioned file; {@link #load} continues from it exactly. Monitors'
     * recordings are not part of it: export them as tables. Builds the network if it has not run yet.
     */
    public Network save(Path file) {
        build();
        NetworkState.save(this, file);
        return this;
    }

    /** {@link #save(java.nio.file.Path)} to a path given as text. */
    public Network save(String file) {
        return save(Path.of(file));
    }

    /**
     * Loads a state saved by {@link #save} into this network, which must be built as the saved one was (same
     * populations, models, parameters and projections; the file's synapses replace this network's). A run
     * afterwards continues exactly as the saved network would have. A file that is not a network state, of
     * another format version, truncated or damaged, or of another network is refused with the reason, and this
     * network is left as it was.
     */
    public Network load(Path file) {
        build();
        NetworkState.load(this, file);
        return this;
    }

    /** {@link #load(java.nio.file.Path)} from a path given as text. */
    public Network load(String file) {
        return load(Path.of(file));
    }

    void restoreClock(long savedSeed, long savedStep) {
        seed = savedSeed;
        step = savedStep;
    }

    /**
     * Builds the network now, as its first run would: every population's state and every projection's synapses,
     * drawn from the seed. Later calls do nothing. For what reads a network before running it (an export).
     */
    public Network build() {
        if (built) {
            return this;
        }
        // one independent stream per population and projection, derived from the seed in creation order,
        // so adding a monitor or changing one population's size does not reshuffle the others
        SplittableRandom root = new SplittableRandom(seed);
        for (Population p : populations.values()) {
            p.initialize(dt, root.split());
        }
        for (Projection p : projections) {
            p.build(dt, root.split());
        }
        built = true;
        return this;
    }

    private void requireNotBuilt(String what) {
        if (built) {
            throw new IllegalStateException("cannot " + what + ": the network has already run; "
                    + "build a new network to change its structure");
        }
    }

    private void requireMember(Population p) {
        if (populations.get(p.name()) != p) {
            throw new IllegalArgumentException("population '" + p.name() + "' is not part of this network");
        }
    }

    @Override
    public String toString() {
        int synapses = projections.stream().mapToInt(Projection::synapseCount).sum();
        return String.format(Locale.ROOT,
                "Network(dt=%s, t=%s, %d populations, %d projections%s, %d monitors)",
                new Time(dt), new Time(time()), populations.size(), projections.size(),
                built ? " with " + synapses + " synapses" : "", monitors.size());
    }
}
