package org.neuromorph.plasticity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.neuromorph.state.StateExchange;
import org.neuromorph.units.Time;

/**
 * A learning rule written in a notebook cell: the traces it keeps and what it does to a synapse on a pre spike, on a
 * post spike, every step, or when a modulator (reward) signal arrives. It runs through the same event-driven path as
 * the built-in rules: neuron traces decay lazily when read, synapse variables too, and nothing is allocated per
 * spike or step. Pair STDP in this form:
 *
 * <pre>{@code
 * var mine = new CustomRule("my pair STDP")
 *         .preTrace("x", ms(20), 1).postTrace("y", ms(20), 1)
 *         .onPre(s -> s.w -= 0.0105 * s.post("y"))
 *         .onPost(s -> s.w += 0.01 * s.pre("x"))
 *         .bounds(0, 1);
 * }</pre>
 *
 * Order within an event, as in the built-ins (and Brian2): the hook runs for each synapse of the spiking neuron,
 * reading the traces as they were just before the spike, then the spiking side's traces jump (all-to-all: add the
 * increment; nearest-spike: set to it). After each hook the weight is checked (a NaN or infinity is an error naming
 * the rule, the synapse and the time) and clipped to the bounds, or with {@link #requireWithin} an error if it left
 * them.
 */
public final class CustomRule implements Plasticity {
    /** What a rule does to one synapse; it reads and writes {@link Synapse#w} and the synapse variables. */
    @FunctionalInterface
    public interface Hook {
        void apply(Synapse s);
    }

    private record TraceSpec(String name, double tau, double increment, Pairing pairing) {
    }

    private final String name;
    private final List<TraceSpec> preTraces = new ArrayList<>();
    private final List<TraceSpec> postTraces = new ArrayList<>();
    private final List<TraceSpec> synapseVariables = new ArrayList<>();
    private Hook onPre;
    private Hook onPost;
    private Hook everyStep;
    private Hook onModulator;
    private WeightBounds bounds = new WeightBounds(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    private boolean failOutside;

    public CustomRule(String name) {
        this.name = Objects.requireNonNull(name, "a rule needs a name (it appears in its errors)");
    }

    public String name() {
        return name;
    }

    /** A presynaptic trace: decays with {@code tau}, jumps by {@code increment} at each pre spike (all-to-all). */
    public CustomRule preTrace(String trace, Time tau, double increment) {
        return preTrace(trace, tau, increment, Pairing.ALL_TO_ALL);
    }

    public CustomRule preTrace(String trace, Time tau, double increment, Pairing pairing) {
        preTraces.add(spec(trace, tau, increment, pairing));
        return this;
    }

    /** A postsynaptic trace: decays with {@code tau}, jumps by {@code increment} at each post spike (all-to-all). */
    public CustomRule postTrace(String trace, Time tau, double increment) {
        return postTrace(trace, tau, increment, Pairing.ALL_TO_ALL);
    }

    public CustomRule postTrace(String trace, Time tau, double increment, Pairing pairing) {
        postTraces.add(spec(trace, tau, increment, pairing));
        return this;
    }

    /**
     * A variable per synapse (an eligibility trace, a tag, a counter) that decays with {@code tau} between the
     * times it is read; {@code null} for one that does not decay. The hooks read it with {@link Synapse#get} and
     * change it with {@link Synapse#set} and {@link Synapse#add}.
     */
    public CustomRule synapseVariable(String variable, Time tau) {
        synapseVariables.add(spec(variable, tau == null ? new Time(Double.POSITIVE_INFINITY) : tau, 0, Pairing.ALL_TO_ALL));
        return this;
    }

    private TraceSpec spec(String trace, Time tau, double increment, Pairing pairing) {
        Objects.requireNonNull(trace, "a trace needs a name");
        Objects.requireNonNull(pairing, "pairing");
        if (!(tau.si() > 0)) {
            throw new IllegalArgumentException("rule '" + name + "': the time constant of '" + trace
                    + "' must be > 0, got " + tau);
        }
        if (!Double.isFinite(increment)) {
            throw new IllegalArgumentException("rule '" + name + "': the increment of '" + trace
                    + "' must be finite, got " + increment);
        }
        for (List<TraceSpec> list : List.of(preTraces, postTraces, synapseVariables)) {
            for (TraceSpec t : list) {
                if (t.name.equals(trace)) {
                    throw new IllegalArgumentException("rule '" + name + "' already has a variable '" + trace
                            + "': give each trace and synapse variable its own name");
                }
            }
        }
        return new TraceSpec(trace, tau.si(), increment, pairing);
    }

    /** What a presynaptic spike does to each of its synapses (before the pre traces jump). */
    public CustomRule onPre(Hook hook) {
        onPre = Objects.requireNonNull(hook);
        return this;
    }

    /** What a postsynaptic spike does to each synapse onto the neuron (before the post traces jump). */
    public CustomRule onPost(Hook hook) {
        onPost = Objects.requireNonNull(hook);
        return this;
    }

    /** What happens to every synapse at every step (costs one call per synapse per step: use events where you can). */
    public CustomRule everyStep(Hook hook) {
        everyStep = Objects.requireNonNull(hook);
        return this;
    }

    /**
     * What a modulator signal (reward, dopamine) does to every synapse when {@code Projection.modulate(value)} is
     * called; the hook reads the value with {@link Synapse#signal()}. For three-factor rules.
     */
    public CustomRule onModulator(Hook hook) {
        onModulator = Objects.requireNonNull(hook);
        return this;
    }

    /** Hard bounds: the weight is clipped to [min, max] after each hook, as the built-in rules do. */
    public CustomRule bounds(double min, double max) {
        bounds = new WeightBounds(min, max);
        failOutside = false;
        return this;
    }

    /** Bounds the rule must keep itself: a weight outside [min, max] after a hook is an error, not clipped. */
    public CustomRule requireWithin(double min, double max) {
        bounds = new WeightBounds(min, max);
        failOutside = true;
        return this;
    }

    @Override
    public Learning instantiate(int preSize, int postSize, int synapses, double dt) {
        if (onPre == null && onPost == null && everyStep == null && onModulator == null) {
            throw new IllegalStateException("rule '" + name + "' does nothing: give it onPre, onPost, everyStep or "
                    + "onModulator");
        }
        return new State(preSize, postSize, synapses, dt);
    }

    @Override
    public String toString() {
        return "CustomRule(" + name + ": pre traces " + names(preTraces) + ", post traces " + names(postTraces)
                + ", synapse variables " + names(synapseVariables) + ", " + bounds + ")";
    }

    private static List<String> names(List<TraceSpec> specs) {
        return specs.stream().map(TraceSpec::name).toList();
    }

    /**
     * The synapse a hook is working on. One instance is reused for every call (so nothing is allocated per spike):
     * do not keep it beyond the call. {@link #w} is a public field so that a hook reads as the rule's equation.
     */
    public static final class Synapse {
        /** The synapse's weight: read it, assign it. */
        public double w;
        private final State state;
        private long step;
        private int index;
        private int pre;
        private int post;
        private double signal;

        private Synapse(State state) {
            this.state = state;
        }

        /** Presynaptic trace {@code name} of this synapse's pre neuron, now. */
        public double pre(String name) {
            return state.preTrace(name, this).at(pre, step);
        }

        /** Postsynaptic trace {@code name} of this synapse's post neuron, now. */
        public double post(String name) {
            return state.postTrace(name, this).at(post, step);
        }

        /** Synapse variable {@code name}, decayed to now. */
        public double get(String name) {
            return state.variable(name, this).at(index, step);
        }

        public void set(String name, double value) {
            Trace v = state.variable(name, this);
            v.at(index, step);
            v.set(index, value);
        }

        public void add(String name, double amount) {
            Trace v = state.variable(name, this);
            v.set(index, v.at(index, step) + amount);
        }

        /** The modulator's value, inside {@code onModulator} (0 elsewhere). */
        public double signal() {
            return signal;
        }

        /** The simulation time of the event, in seconds. */
        public double t() {
            return step * state.dt;
        }

        public double dt() {
            return state.dt;
        }

        public int index() {
            return index;
        }

        public int preIndex() {
            return pre;
        }

        public int postIndex() {
            return post;
        }

        String where() {
            return String.format(Locale.ROOT, "synapse %d (pre %d → post %d), t = %s", index, pre, post,
                    new Time(t()));
        }
    }

    private final class State implements Learning {
        private final double dt;
        private final String[] preNames;
        private final Trace[] pre;
        private final boolean[] preNearest;
        private final double[] preIncrement;
        private final String[] postNames;
        private final Trace[] post;
        private final boolean[] postNearest;
        private final double[] postIncrement;
        private final String[] variableNames;
        private final Trace[] variables;
        private final Synapse synapse = new Synapse(this);
        private final Hook preHook = onPre;
        private final Hook postHook = onPost;
        private final Hook stepHook = everyStep;
        private final Hook modulatorHook = onModulator;
        private final WeightBounds limits = bounds;
        private final boolean strict = failOutside;

        State(int preSize, int postSize, int synapses, double dt) {
            this.dt = dt;
            preNames = names(preTraces).toArray(new String[0]);
            pre = traces("pre.", preTraces, preSize, dt);
            preNearest = nearest(preTraces);
            preIncrement = increments(preTraces);
            postNames = names(postTraces).toArray(new String[0]);
            post = traces("post.", postTraces, postSize, dt);
            postNearest = nearest(postTraces);
            postIncrement = increments(postTraces);
            variableNames = names(synapseVariables).toArray(new String[0]);
            variables = traces("synapse.", synapseVariables, synapses, dt);
        }

        private Trace[] traces(String prefix, List<TraceSpec> specs, int size, double dt) {
            Trace[] out = new Trace[specs.size()];
            for (int k = 0; k < out.length; k++) {
                out[k] = new Trace(prefix + specs.get(k).name, size, specs.get(k).tau, dt);
            }
            return out;
        }

        private static boolean[] nearest(List<TraceSpec> specs) {
            boolean[] out = new boolean[specs.size()];
            for (int k = 0; k < out.length; k++) {
                out[k] = specs.get(k).pairing == Pairing.NEAREST;
            }
            return out;
        }

        private static double[] increments(List<TraceSpec> specs) {
            return specs.stream().mapToDouble(TraceSpec::increment).toArray();
        }

        // Names are looked up by identity first: the literals in a hook are interned, so the usual lookup is one
        // or two reference comparisons; equals covers names built at run time.
        private static int find(String[] names, String name) {
            for (int k = 0; k < names.length; k++) {
                if (names[k] == name) {
                    return k;
                }
            }
            for (int k = 0; k < names.length; k++) {
                if (names[k].equals(name)) {
                    return k;
                }
            }
            return -1;
        }

        Trace preTrace(String name, Synapse s) {
            int k = find(preNames, name);
            if (k < 0) {
                throw undefined("presynaptic trace", name, s);
            }
            return pre[k];
        }

        Trace postTrace(String name, Synapse s) {
            int k = find(postNames, name);
            if (k < 0) {
                throw undefined("postsynaptic trace", name, s);
            }
            return post[k];
        }

        Trace variable(String name, Synapse s) {
            int k = find(variableNames, name);
            if (k < 0) {
                throw undefined("synapse variable", name, s);
            }
            return variables[k];
        }

        private IllegalArgumentException undefined(String kind, String missing, Synapse s) {
            return new IllegalArgumentException(String.format(Locale.ROOT,
                    "rule '%s' reads %s '%s', which it does not declare (pre traces %s, post traces %s, synapse "
                            + "variables %s), at %s: declare it with %s", name, kind, missing,
                    List.of(preNames), List.of(postNames), List.of(variableNames), s.where(),
                    kind.startsWith("pre") ? "preTrace" : kind.startsWith("post") ? "postTrace" : "synapseVariable"));
        }

        private void run(Hook hook, String event, long step, int s, int i, int j, double[] weight) {
            Synapse view = synapse;
            view.step = step;
            view.index = s;
            view.pre = i;
            view.post = j;
            view.w = weight[s];
            hook.apply(view);
            double w = view.w;
            if (!Double.isFinite(w)) {
                throw new ArithmeticException("rule '" + name + "' " + event + " made the weight " + w + " at "
                        + view.where() + " (it was " + weight[s] + ")");
            }
            if (w < limits.min() || w > limits.max()) {
                if (strict) {
                    throw new IllegalStateException("rule '" + name + "' " + event + " took the weight to " + w
                            + ", outside its bounds [" + limits.min() + ", " + limits.max() + "], at " + view.where());
                }
                w = limits.clip(w);
            }
            weight[s] = w;
        }

        @Override
        public void onPre(long step, int i, int from, int to, int[] target, double[] weight) {
            if (preHook != null) {
                for (int s = from; s < to; s++) {
                    run(preHook, "on a pre spike", step, s, i, target[s], weight);
                }
            }
            for (int k = 0; k < pre.length; k++) {
                pre[k].bump(i, step, preIncrement[k], preNearest[k]);
            }
        }

        @Override
        public void onPost(long step, int j, int[] synapses, int from, int to, int[] source, double[] weight) {
            if (postHook != null) {
                for (int k = from; k < to; k++) {
                    int s = synapses[k];
                    run(postHook, "on a post spike", step, s, source[s], j, weight);
                }
            }
            for (int k = 0; k < post.length; k++) {
                post[k].bump(j, step, postIncrement[k], postNearest[k]);
            }
        }

        @Override
        public boolean actsEveryStep() {
            return stepHook != null;
        }

        @Override
        public void onStep(long step, int[] source, int[] target, double[] weight) {
            if (stepHook != null) {
                for (int s = 0; s < weight.length; s++) {
                    run(stepHook, "every step", step, s, source[s], target[s], weight);
                }
            }
        }

        @Override
        public void onModulator(long step, double signal, int[] source, int[] target, double[] weight) {
            if (modulatorHook == null) {
                throw new IllegalStateException("rule '" + name + "' has no onModulator hook: add one to use "
                        + "modulate(value)");
            }
            synapse.signal = signal;
            try {
                for (int s = 0; s < weight.length; s++) {
                    run(modulatorHook, "on the modulator", step, s, source[s], target[s], weight);
                }
            } finally {
                synapse.signal = 0;
            }
        }

        @Override
        public void exchangeState(StateExchange state) {
            for (Trace[] group : new Trace[][] {pre, post, variables}) {
                for (Trace t : group) {
                    t.exchangeState(state);
                }
            }
        }
    }
}
