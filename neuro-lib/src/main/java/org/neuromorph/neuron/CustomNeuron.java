package org.neuromorph.neuron;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import org.neuromorph.state.StateExchange;
import org.neuromorph.units.Time;

/**
 * A neuron model written in a notebook cell: its state variables with their initial values, the derivative of each
 * (a lambda over the neuron's state and its input current), a threshold, a reset, a refractory period, and the
 * integration method. The engine holds each variable as one array over the group and integrates neuron by neuron,
 * allocating nothing per step. A LIF in this form:
 *
 * <pre>{@code
 * var lif = new CustomNeuron("my LIF")
 *         .variable("v", -70e-3)
 *         .derivative("v", n -> (-70e-3 - n.get("v") + 100e6 * n.input()) / 10e-3)
 *         .threshold(n -> n.get("v") > -50e-3)
 *         .reset(n -> n.set("v", -60e-3))
 *         .refractory(ms(2))
 *         .method(CustomNeuron.Method.EXPONENTIAL_EULER);
 * }</pre>
 *
 * Derivatives are per second unless {@link #timeUnit} says otherwise (Izhikevich's equations are per ms). The
 * input current is in amperes. Order within a step, as for the built-in models: integrate (refractory neurons'
 * held variables are not integrated), test the threshold (never while refractory), deliver synaptic jumps, reset.
 */
public final class CustomNeuron implements NeuronModel {
    /** A derivative: the rate of change of one variable, given the neuron's state and input. */
    @FunctionalInterface
    public interface Derivative {
        double rate(Neuron n);
    }

    @FunctionalInterface
    public interface Condition {
        boolean test(Neuron n);
    }

    @FunctionalInterface
    public interface Action {
        void apply(Neuron n);
    }

    /** How the derivatives are integrated over a step h. */
    public enum Method {
        /** Forward Euler: x ← x + h f(x). Brian2's 'euler'. */
        EULER,
        /** The midpoint method (second order): x ← x + h f(x + h/2 f(x)). Brian2's 'rk2'. */
        RK2,
        /** Classical fourth-order Runge–Kutta. Brian2's 'rk4'. */
        RK4,
        /**
         * Each variable advanced exactly as if its derivative were linear in it, a + b·x with the others held
         * (exact for LIF's membrane and exponential synapses); Brian2's 'exponential_euler'. For equations not
         * linear in their own variable, use another method.
         */
        EXPONENTIAL_EULER
    }

    private final String name;
    private final List<String> variables = new ArrayList<>();
    private final List<Double> initial = new ArrayList<>();
    private final List<Derivative> derivatives = new ArrayList<>();
    private Condition threshold;
    private Action reset;
    private double refractory;
    private final List<String> held = new ArrayList<>();
    private Method method = Method.EULER;
    private double timeUnit = 1;
    private String jumpVariable;
    private double jumpScale = 1;
    private final List<String> channels = new ArrayList<>();
    private final List<String> channelUnits = new ArrayList<>();

    public CustomNeuron(String name) {
        this.name = Objects.requireNonNull(name, "a neuron model needs a name (it appears in its errors)");
    }

    @Override
    public String name() {
        return name;
    }

    /** A state variable and its initial value (in the units the derivatives use). */
    public CustomNeuron variable(String variable, double initialValue) {
        Objects.requireNonNull(variable, "variable name");
        if (variables.contains(variable)) {
            throw new IllegalArgumentException("neuron model '" + name + "' already has a variable '" + variable + "'");
        }
        if (!Double.isFinite(initialValue)) {
            throw new IllegalArgumentException("neuron model '" + name + "': initial value of '" + variable
                    + "' must be finite, got " + initialValue);
        }
        variables.add(variable);
        initial.add(initialValue);
        derivatives.add(null);
        return this;
    }

    /** dx/dt of a declared variable (a variable without one is constant between events). */
    public CustomNeuron derivative(String variable, Derivative rate) {
        derivatives.set(indexOf(variable, "derivative"), Objects.requireNonNull(rate));
        return this;
    }

    public CustomNeuron threshold(Condition condition) {
        threshold = Objects.requireNonNull(condition);
        return this;
    }

    public CustomNeuron reset(Action action) {
        reset = Objects.requireNonNull(action);
        return this;
    }

    /**
     * After a spike, for {@code period}, the neuron cannot spike and the {@code heldVariables} (default: the first
     * variable, the membrane potential) are not integrated; synaptic jumps still apply, as for the built-in LIF.
     */
    public CustomNeuron refractory(Time period, String... heldVariables) {
        if (!(period.si() >= 0)) {
            throw new IllegalArgumentException("refractory period must be ≥ 0, got " + period);
        }
        refractory = period.si();
        held.clear();
        held.addAll(List.of(heldVariables));
        return this;
    }

    public CustomNeuron method(Method value) {
        method = Objects.requireNonNull(value);
        return this;
    }

    /** The time unit of the derivatives (default 1 s), e.g. {@code ms(1)} for equations written per millisecond. */
    public CustomNeuron timeUnit(Time unit) {
        if (!(unit.si() > 0)) {
            throw new IllegalArgumentException("time unit must be > 0, got " + unit);
        }
        timeUnit = unit.si();
        return this;
    }

    /**
     * Where a delta synapse's jump (a weight in volts) lands: {@code variable += scale × jump}. Default: the first
     * variable, scale 1 (a variable in volts); 1e3 for a potential in mV.
     */
    public CustomNeuron jumpsOnto(String variable, double scale) {
        jumpVariable = variable;
        jumpScale = scale;
        return this;
    }

    /**
     * Makes a declared variable a synaptic channel that projections can target with {@code onto(variable)}: a
     * presynaptic spike adds the weight to it. {@code unit} is the SI unit of those weights ("S", "A", "V").
     */
    public CustomNeuron channel(String variable, String unit) {
        indexOf(variable, "channel");
        channels.add(variable);
        channelUnits.add(Objects.requireNonNull(unit));
        return this;
    }

    private int indexOf(String variable, String what) {
        int k = variables.indexOf(variable);
        if (k < 0) {
            throw new IllegalArgumentException("neuron model '" + name + "': " + what + " of '" + variable
                    + "', which is not declared; declare it first with variable(name, initial value); there are "
                    + variables);
        }
        return k;
    }

    @Override
    public NeuronDynamics instantiate(int size, double dt, SplittableRandom rng) {
        if (variables.isEmpty()) {
            throw new IllegalStateException("neuron model '" + name + "' has no variables: declare them with "
                    + "variable(name, initial value)");
        }
        if (threshold != null && reset == null) {
            throw new IllegalStateException("neuron model '" + name + "' has a threshold but no reset: a neuron "
                    + "would spike at every step once above it; add reset(n -> ...)");
        }
        return new State(size, dt);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "CustomNeuron(%s: variables %s, %s, refractory %s)", name, variables,
                method, new Time(refractory));
    }

    /**
     * One neuron as the lambdas see it: its variables by name, its input current, the time. One instance serves
     * every call (nothing is allocated per step): do not keep it beyond the call.
     */
    public static final class Neuron {
        private final State state;
        private double[] values;
        private int index;
        private double input;
        private long step;

        private Neuron(State state) {
            this.state = state;
        }

        public double get(String variable) {
            return values[state.find(variable, this)];
        }

        public void set(String variable, double value) {
            values[state.find(variable, this)] = value;
        }

        public void add(String variable, double amount) {
            values[state.find(variable, this)] += amount;
        }

        /** The input current in amperes, constant over the step. */
        public double input() {
            return input;
        }

        /** The time at the step's start, in seconds. */
        public double t() {
            return step * state.dt;
        }

        public int index() {
            return index;
        }
    }

    private static final double[] RK4_STAGE = {0.5, 0.5, 1};

    private final class State implements NeuronDynamics {
        private final String[] names = variables.toArray(new String[0]);
        private final double[][] x;
        private final Derivative[] f = derivatives.toArray(new Derivative[0]);
        /** The variables a refractory period holds (not integrated while it lasts). */
        private final boolean[] heldMask;
        private final double dt;
        private final double h;
        private final long refractorySteps;
        private final long[] lastSpike;
        private final int jumpIndex;
        private final int[] channelIndex;
        private final Neuron view = new Neuron(this);
        // scratch vectors for one neuron: the state, the stage states and slopes
        private final double[] s;
        private final double[] stage;
        private final double[][] k;
        private final Condition spikes = threshold;
        private final Action resetAction = reset;
        private final Method scheme = method;

        State(int size, double dt) {
            int n = names.length;
            x = new double[n][size];
            for (int v = 0; v < n; v++) {
                Arrays.fill(x[v], initial.get(v));
            }
            this.dt = dt;
            h = dt * (1 / timeUnit); // as the built-ins do for ms equations: dt·1000, not dt/0.001
            refractorySteps = Math.round(refractory / dt);
            lastSpike = new long[size];
            Arrays.fill(lastSpike, Long.MIN_VALUE / 2);
            heldMask = new boolean[n];
            for (String name : held.isEmpty() ? List.of(names[0]) : held) {
                heldMask[indexOf(name, "refractory hold")] = true;
            }
            jumpIndex = jumpVariable == null ? 0 : indexOf(jumpVariable, "jumpsOnto");
            channelIndex = channels.stream().mapToInt(variables::indexOf).toArray();
            s = new double[n];
            stage = new double[n];
            k = new double[4][n];
        }

        int find(String variable, Neuron at) {
            for (int v = 0; v < names.length; v++) {
                if (names[v] == variable) {
                    return v;
                }
            }
            for (int v = 0; v < names.length; v++) {
                if (names[v].equals(variable)) {
                    return v;
                }
            }
            throw new IllegalArgumentException(String.format(Locale.ROOT, "neuron model '%s' reads '%s', which it "
                    + "does not declare (it has %s), at neuron %d, t = %s: declare it with variable(name, initial "
                    + "value)", name, variable, List.of(names), at.index, new Time(at.t())));
        }

        @Override
        public int size() {
            return lastSpike.length;
        }

        /** Evaluates every derivative at state {@code at} into {@code out} (held variables' slopes are 0). */
        private void slopes(double[] at, double[] out, boolean refractoryNow) {
            view.values = at;
            for (int v = 0; v < f.length; v++) {
                out[v] = f[v] != null && !(refractoryNow && heldMask[v]) ? f[v].rate(view) : 0;
            }
        }

        @Override
        public void integrate(long step, double[] current) {
            int n = names.length;
            view.step = step;
            for (int i = 0; i < lastSpike.length; i++) {
                for (int v = 0; v < n; v++) {
                    s[v] = x[v][i];
                }
                view.index = i;
                view.input = current[i];
                boolean refractoryNow = step - lastSpike[i] < refractorySteps;
                switch (scheme) {
                    case EULER -> {
                        slopes(s, k[0], refractoryNow);
                        for (int v = 0; v < n; v++) {
                            x[v][i] = s[v] + h * k[0][v];
                        }
                    }
                    case RK2 -> {
                        slopes(s, k[0], refractoryNow);
                        for (int v = 0; v < n; v++) {
                            stage[v] = s[v] + 0.5 * h * k[0][v];
                        }
                        slopes(stage, k[1], refractoryNow);
                        for (int v = 0; v < n; v++) {
                            x[v][i] = s[v] + h * k[1][v];
                        }
                    }
                    case RK4 -> rk4(i, refractoryNow);
                    case EXPONENTIAL_EULER -> exponentialEuler(i, refractoryNow);
                }
                for (int v = 0; v < n; v++) {
                    if (!Double.isFinite(x[v][i])) {
                        throw new ArithmeticException(String.format(Locale.ROOT, "neuron model '%s': variable '%s' "
                                + "became %s at neuron %d, t = %s (it was %s): check its derivative, or take a "
                                + "smaller dt or another method", name, names[v], x[v][i], i,
                                new Time((step + 1) * dt), s[v]));
                    }
                }
            }
        }

        private void rk4(int i, boolean refractoryNow) {
            int n = names.length;
            slopes(s, k[0], refractoryNow);
            for (int r = 1; r < 4; r++) {
                for (int v = 0; v < n; v++) {
                    stage[v] = s[v] + RK4_STAGE[r - 1] * h * k[r - 1][v];
                }
                slopes(stage, k[r], refractoryNow);
            }
            for (int v = 0; v < n; v++) {
                x[v][i] = s[v] + h / 6 * (k[0][v] + 2 * k[1][v] + 2 * k[2][v] + k[3][v]);
            }
        }

        /** x ← −b/a + (x + b/a)·e^(a h), with a and b read off the derivative at x = 0 and x = 1, others held. */
        private void exponentialEuler(int i, boolean refractoryNow) {
            int n = names.length;
            view.values = stage;
            for (int v = 0; v < n; v++) {
                if (f[v] == null || (refractoryNow && heldMask[v])) {
                    x[v][i] = s[v];
                    continue;
                }
                System.arraycopy(s, 0, stage, 0, n);
                stage[v] = 0;
                double b = f[v].rate(view);
                stage[v] = 1;
                double a = f[v].rate(view) - b;
                x[v][i] = a == 0 ? s[v] + h * b : -b / a + (s[v] + b / a) * Math.exp(a * h);
            }
        }

        @Override
        public int threshold(long step, int[] out) {
            if (spikes == null) {
                return 0;
            }
            int count = 0;
            view.step = step + 1;
            view.values = s;
            for (int i = 0; i < lastSpike.length; i++) {
                if (step - lastSpike[i] < refractorySteps) {
                    continue;
                }
                load(i);
                if (spikes.test(view)) {
                    out[count++] = i;
                    lastSpike[i] = step;
                }
            }
            return count;
        }

        private void load(int i) {
            for (int v = 0; v < names.length; v++) {
                s[v] = x[v][i];
            }
            view.index = i;
        }

        @Override
        public void reset(long step, int[] spiking, int count) {
            view.step = step + 1;
            view.values = s;
            for (int c = 0; c < count; c++) {
                int i = spiking[c];
                load(i);
                resetAction.apply(view);
                for (int v = 0; v < names.length; v++) {
                    x[v][i] = s[v];
                }
            }
        }

        @Override
        public void addVoltage(int neuron, double dv) {
            x[jumpIndex][neuron] += jumpScale * dv;
        }

        @Override
        public int channel(String channelName) {
            int c = channels.indexOf(channelName);
            if (c < 0) {
                throw new IllegalArgumentException("neuron model '" + name + "' has no synaptic channel '"
                        + channelName + "'; its channels are " + channels + " (declare one with channel(variable,"
                        + " unit))");
            }
            return c;
        }

        @Override
        public String channelUnit(int c) {
            return channelUnits.get(c);
        }

        @Override
        public void addToChannel(int c, int neuron, double amount) {
            x[channelIndex[c]][neuron] += amount;
        }

        @Override
        public String[] variables() {
            return names.clone();
        }

        @Override
        public void exchangeState(StateExchange state) {
            NeuronDynamics.super.exchangeState(state);
            state.longs("lastSpike", lastSpike);
        }

        @Override
        public double[] variable(String variable) {
            int v = Arrays.asList(names).indexOf(variable);
            if (v < 0) {
                throw new IllegalArgumentException("neuron model '" + name + "' has no variable '" + variable
                        + "'; it has " + List.of(names));
            }
            return x[v];
        }
    }
}
