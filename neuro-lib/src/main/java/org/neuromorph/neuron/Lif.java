package org.neuromorph.neuron;

import java.util.Arrays;
import java.util.SplittableRandom;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.neuromorph.state.StateExchange;
import org.neuromorph.units.Resistance;
import org.neuromorph.units.Time;
import org.neuromorph.units.Voltage;

/**
 * Leaky integrate-and-fire neuron, integrated exactly for input that is constant over a step:
 * <pre>  tau_m dV/dt = -(V - V_rest) + R I(t),   V &gt; V_th  -&gt;  spike, V = V_reset, refractory for t_ref</pre>
 * Step rule: {@code V <- V_inf + (V - V_inf) exp(-dt/tau_m)}, {@code V_inf = V_rest + R I}.
 * Conventions follow Brian2 so spike times agree step for step: the threshold is strict, a spike is recorded at
 * the start of the step in which V crossed, and V is not integrated for {@code round(t_ref/dt)} steps counted
 * from the spike step (synaptic jumps still apply while refractory).
 * Defaults: tau_m 20 ms, V_rest -70 mV, V_reset -70 mV, V_th -50 mV, t_ref 2 ms, R 100 MΩ, V(0) = V_rest.
 * <p>
 * Exponential current synapses: {@link #synapse(String, Time)} adds a channel g (volts: the synaptic drive R·I_syn)
 * with {@code tau_s dg/dt = -g}, entering as {@code tau_m dV/dt = -(V - V_rest) + R I + g}. The step is exact for
 * the linear system: {@code V <- V_inf + (V - V_inf) e^(-dt/tau_m) + g tau_s/(tau_s - tau_m) (e^(-dt/tau_s) -
 * e^(-dt/tau_m))}, then {@code g <- g e^(-dt/tau_s)} (g decays while the neuron is refractory, as in Brian2).
 * <p>
 * A current channel is held scaled: {@code g = s·a}, with one factor {@code a} for the whole channel that decays
 * by {@code e^(-dt/tau_s)} each step, so a step reads {@code s} but never writes it (a third less memory traffic
 * than a pass that writes g back; a jump adds {@code w/a} to s). When {@code a} falls below 2^-256 the channel's
 * values take it in ({@code s <- s·a, a <- 1}): at steps fixed by the step count, and when the live array is asked
 * for ({@code variable("e")}). The values are the same exact decay as multiplying g each step, rounded differently
 * (to within a few units in the last place).
 */
public final class Lif implements NeuronModel {
    private double tauM = 20e-3;
    private double vRest = -70e-3;
    private double vReset = -70e-3;
    private double vThreshold = -50e-3;
    private double refractory = 2e-3;
    private double resistance = 100e6;
    private double v0Low = Double.NaN;
    private double v0High = Double.NaN;
    private final java.util.List<String> synapseNames = new java.util.ArrayList<>();
    private final java.util.List<Double> synapseTaus = new java.util.ArrayList<>();
    private final java.util.List<String> conductanceNames = new java.util.ArrayList<>();
    private final java.util.List<double[]> conductanceParams = new java.util.ArrayList<>(); // {tau, reversal}

    /** Adds an exponential current synapse channel with time constant tau, e.g. {@code synapse("e", ms(5))}. */
    public Lif synapse(String name, Time tau) {
        if (synapseNames.contains(name) || name.equals("v")) {
            throw new IllegalArgumentException("LIF already has a variable named '" + name + "'");
        }
        synapseNames.add(name);
        synapseTaus.add(Parameters.positive(tau.si(), "synapse " + name + " tau", tau));
        return this;
    }

    /**
     * Adds an exponential conductance synapse with reversal potential, e.g. {@code conductance("e", ms(5), mV(0))};
     * projections deliver onto it in siemens ({@code onto("e").weight(nS(1))}). With conductance g the membrane
     * obeys {@code tau_m dV/dt = -(V - V_rest) + R I + R g (E - V)}, integrated exactly with g held over the step
     * (Brian2's exponential Euler); g then decays exactly.
     */
    public Lif conductance(String name, Time tau, Voltage reversal) {
        if (synapseNames.contains(name) || conductanceNames.contains(name) || name.equals("v")) {
            throw new IllegalArgumentException("LIF already has a variable named '" + name + "'");
        }
        conductanceNames.add(name);
        conductanceParams.add(new double[] {Parameters.positive(tau.si(), "synapse " + name + " tau", tau),
                reversal.si()});
        return this;
    }

    /** Membrane time constant tau_m, e.g. {@code ms(20)} (default 20 ms); must be positive. */
    public Lif tauM(Time value) {
        tauM = Parameters.positive(value.si(), "tauM", value);
        return this;
    }

    /** Resting (leak reversal) potential V_rest, e.g. {@code mV(-70)} (default -70 mV). */
    public Lif vRest(Voltage value) {
        vRest = value.si();
        return this;
    }

    /** Potential V_reset the membrane is set to after a spike, e.g. {@code mV(-70)} (default -70 mV). */
    public Lif vReset(Voltage value) {
        vReset = value.si();
        return this;
    }

    /** Firing threshold V_th, crossed strictly, e.g. {@code mV(-50)} (default -50 mV). */
    public Lif vThreshold(Voltage value) {
        vThreshold = value.si();
        return this;
    }

    /** Absolute refractory period t_ref after a spike, e.g. {@code ms(2)} (default 2 ms); 0 for none. */
    public Lif refractory(Time value) {
        refractory = Parameters.nonNegative(value.si(), "refractory", value);
        return this;
    }

    /** Membrane resistance R, which turns an input current into a drive R·I. */
    public Lif resistance(Resistance value) {
        resistance = Parameters.positive(value.si(), "resistance", value);
        return this;
    }

    /** Initial membrane potential of every neuron (default V_rest). */
    public Lif v0(Voltage value) {
        v0Low = value.si();
        v0High = value.si();
        return this;
    }

    /** Initial membrane potentials drawn uniformly from [low, high), seeded by the network. */
    public Lif v0Uniform(Voltage low, Voltage high) {
        if (high.si() < low.si()) {
            throw new IllegalArgumentException("v0Uniform needs low ≤ high, got " + low + " and " + high);
        }
        v0Low = low.si();
        v0High = high.si();
        return this;
    }

    @Override
    public String name() {
        return "LIF";
    }

    /** tau_m in seconds. */
    public double tauM() {
        return tauM;
    }

    /** V_rest in volts. */
    public double vRest() {
        return vRest;
    }

    /** V_reset in volts. */
    public double vReset() {
        return vReset;
    }

    /** V_th in volts. */
    public double vThreshold() {
        return vThreshold;
    }

    /** t_ref in seconds. */
    public double refractory() {
        return refractory;
    }

    /** R in ohms. */
    public double resistance() {
        return resistance;
    }

    /**
     * The continuous-time firing rate (Hz) under a constant current (A), from the closed form
     * {@code 1 / (t_ref + tau_m ln((R I + V_rest - V_reset) / (R I + V_rest - V_th)))}; 0 below rheobase.
     */
    public double analyticRate(double current) {
        double drive = resistance * current;
        double denominator = drive + vRest - vThreshold;
        if (denominator <= 0) {
            return 0;
        }
        return 1 / (refractory + tauM * Math.log((drive + vRest - vReset) / denominator));
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "LIF(tauM=%s, vRest=%s, vReset=%s, vThreshold=%s, refractory=%s, R=%s%s%s)",
                new Time(tauM), new Voltage(vRest), new Voltage(vReset),
                new Voltage(vThreshold), new Time(refractory), new Resistance(resistance),
                synapseNames.isEmpty() ? "" : ", synapses " + synapseNames,
                conductanceNames.isEmpty() ? "" : ", conductances " + conductanceNames);
    }

    @Override
    public NeuronDynamics instantiate(int size, double dt, SplittableRandom rng) {
        return new State(this, size, dt, rng);
    }

    private static final class State implements NeuronDynamics {
        /** Neurons per block of {@link #advance}: a few 4 KiB arrays, well inside a 32 KiB L1 cache. */
        private static final int BLOCK = 512;
        private final double[] v;
        private final long[] lastSpike;
        private final double decay;
        private final long refractorySteps;
        private final double vRest;
        private final double vReset;
        private final double vThreshold;
        private final double resistance;
        private final String[] channelNames;
        /** Current channels, scaled: the channel's value is {@code g[k][i] * scale[k]}. */
        private final double[][] g;
        private final double[] scale;
        /** 1/scale, kept so that a synaptic jump costs a multiplication, not a division. */
        private final double[] inverseScale;
        private final double[] channelDecay;
        private final double[] channelToV;
        private final double[][] gc;
        private final double[] conductanceDecay;
        private final double[] reversal;
        private final double dtOverTauM;
        /** Neurons in their refractory period, in spike order (a ring of capacity size). */
        private final int[] refractory;
        private int refractoryHead;
        private int refractoryCount;
        /**
         * The refractory neurons of a range [start, end) and their V, kept from index start on: each thread of a
         * split step holds and restores its own neurons, whose state its cache holds.
         */
        private final int[] heldNeuron;
        private final double[] heldV;
        /** The current of a step when none is injected, for the passes that read one. */
        private final double[] zeros;
        /** Integration and threshold test in SIMD lanes ({@link Lanes}): two current channels, no conductance. */
        private final boolean lanes;

        State(Lif p, int size, double dt, SplittableRandom rng) {
            int channels = p.synapseNames.size();
            java.util.List<String> names = new java.util.ArrayList<>(p.synapseNames);
            names.addAll(p.conductanceNames);
            channelNames = names.toArray(new String[0]);
            int conductances = p.conductanceNames.size();
            gc = new double[conductances][size];
            conductanceDecay = new double[conductances];
            reversal = new double[conductances];
            for (int k = 0; k < conductances; k++) {
                conductanceDecay[k] = Math.exp(-dt / p.conductanceParams.get(k)[0]);
                reversal[k] = p.conductanceParams.get(k)[1];
            }
            dtOverTauM = dt / p.tauM;
            g = new double[channels][size];
            scale = new double[channels];
            inverseScale = new double[channels];
            Arrays.fill(scale, 1);
            Arrays.fill(inverseScale, 1);
            channelDecay = new double[channels];
            channelToV = new double[channels];
            double em = Math.exp(-dt / p.tauM);
            for (int k = 0; k < channels; k++) {
                double tau = p.synapseTaus.get(k);
                channelDecay[k] = Math.exp(-dt / tau);
                channelToV[k] = Math.abs(tau - p.tauM) < 1e-15
                        ? (dt / p.tauM) * em // the limit tau_s -> tau_m
                        : tau / (tau - p.tauM) * (channelDecay[k] - em);
            }
            v = new double[size];
            lastSpike = new long[size];
            refractory = new int[size];
            heldNeuron = new int[size];
            heldV = new double[size];
            zeros = new double[size];
            lanes = conductances == 0 && channels == 2 && Lanes.enabled();
            Arrays.fill(lastSpike, Long.MIN_VALUE / 2);
            decay = Math.exp(-dt / p.tauM);
            refractorySteps = Math.round(p.refractory / dt);
            vRest = p.vRest;
            vReset = p.vReset;
            vThreshold = p.vThreshold;
            resistance = p.resistance;
            if (Double.isNaN(p.v0Low)) {
                Arrays.fill(v, p.vRest);
            } else {
                for (int i = 0; i < size; i++) {
                    v[i] = p.v0Low == p.v0High ? p.v0Low : p.v0Low + (p.v0High - p.v0Low) * rng.nextDouble();
                }
            }
        }

        @Override
        public int size() {
            return v.length;
        }

        @Override
        public void integrate(long step, double[] current) {
            advance(step, current, null);
        }

        /**
         * Integrates, and detects spikes when {@code spikes} is given, block by block so that a block's arrays
         * stay in the first-level cache across the passes. The passes are plain loops the JIT vectorises; the few
         * refractory neurons are integrated too and their potentials put back afterwards, which is cheaper than a
         * branch per neuron and does the same arithmetic as one neuron at a time.
         */
        @Override
        public int advance(long step, double[] current, int[] spikes) {
            beginStep(step);
            int count = advanceRange(step, current, 0, v.length, spikes);
            endStep(step);
            return count;
        }

        @Override
        public boolean splitsByNeuron() {
            return true;
        }

        @Override
        public boolean takesNullCurrent() {
            return true;
        }

        @Override
        public void beginStep(long step) {
            releaseRefractory(step);
        }

        @Override
        public int advanceRange(long step, double[] injected, int start, int end, int[] spikes) {
            double[] current = injected == null ? zeros : injected;
            int heldEnd = holdRefractory(start, end);
            int count = start;
            int from = start;
            if (lanes) {
                // whole vectors in lanes, the remainder (fewer than a vector's length) in the scalar block below
                int laneEnd = start + LaneKernel.wholeVectors(end - start);
                count = LaneKernel.advance(this, step, injected, start, laneEnd, spikes, count);
                from = laneEnd;
            }
            for (; from < end; from += BLOCK) {
                int to = Math.min(end, from + BLOCK);
                int k = 0;
                if (gc.length == 0 && g.length >= 2) {
                    // the common case (excitatory and inhibitory current synapses) in one pass: the same
                    // operations in the same order as the separate passes below, V loaded and stored once
                    integrateWithTwoChannels(from, to, injected);
                    k = 2;
                } else if (gc.length == 0) {
                    for (int i = from; i < to; i++) {
                        double vInf = vRest + resistance * current[i];
                        v[i] = vInf + (v[i] - vInf) * decay;
                    }
                } else {
                    integrateConductances(from, to, current);
                }
                for (; k < g.length; k++) {
                    double[] gk = g[k];
                    double gain = channelToV[k] * scale[k];
                    for (int i = from; i < to; i++) {
                        v[i] += gk[i] * gain;
                    }
                }
                if (spikes != null) {
                    count = testThreshold(step, from, to, spikes, count);
                }
            }
            for (int m = start; m < heldEnd; m++) {
                v[heldNeuron[m]] = heldV[m];
            }
            return count - start;
        }

        /**
         * Appends to spikes, from index count, the neurons of [from, to) above threshold and not refractory; returns
         * the new count. Refractory neurons fail the lastSpike test whatever their (not yet restored) potential.
         */
        int testThreshold(long step, int from, int to, int[] spikes, int count) {
            for (int i = from; i < to; i++) {
                if (v[i] > vThreshold && step - lastSpike[i] >= refractorySteps) {
                    spikes[count++] = i;
                }
            }
            return count;
        }

        /**
         * Keeps the refractory neurons of [start, end) and their V in heldNeuron/heldV from index start on; returns
         * where they end. Branch-free: in a split step about half the queue belongs to another range, in no
         * order a branch predictor could learn.
         */
        private int holdRefractory(int start, int end) {
            int n = start;
            int width = end - start;
            // n reaching end means every neuron of the range is held: the rest of the queue is other ranges'
            for (int k = 0; k < refractoryCount && n < end; k++) {
                int j = refractory[ringIndex(k)];
                heldNeuron[n] = j;
                n += Integer.compareUnsigned(j - start, width) < 0 ? 1 : 0;
            }
            for (int m = start; m < n; m++) {
                heldV[m] = v[heldNeuron[m]];
            }
            return n;
        }

        @Override
        public void endStep(long step) {
            for (int k = 0; k < g.length; k++) {
                scale[k] *= channelDecay[k];
                if (scale[k] < SMALLEST_SCALE) {
                    takeInScale(k);
                }
                inverseScale[k] = 1 / scale[k];
            }
        }

        /** Far below 1, so that it is rare, and far above the smallest double, so that w/a cannot overflow. */
        private static final double SMALLEST_SCALE = 0x1p-256;

        /** Multiplies a current channel's factor into its values: the same values, the factor back at 1. */
        private void takeInScale(int k) {
            if (scale[k] == 1) {
                return;
            }
            double[] gk = g[k];
            double a = scale[k];
            for (int i = 0; i < gk.length; i++) {
                gk[i] *= a;
            }
            scale[k] = 1;
            inverseScale[k] = 1;
        }

        /** The ring position of the k-th refractory neuron (a compare instead of a division per neuron). */
        private int ringIndex(int k) {
            int index = refractoryHead + k;
            return index >= v.length ? index - v.length : index;
        }

        /** With {@code current} null (nothing injected) V relaxes to vRest: vRest + R·0 exactly, without the reads. */
        private void integrateWithTwoChannels(int from, int to, double[] current) {
            double[] g0 = g[0];
            double[] g1 = g[1];
            double gain0 = channelToV[0] * scale[0];
            double gain1 = channelToV[1] * scale[1];
            if (current == null) {
                for (int i = from; i < to; i++) {
                    v[i] = ((vRest + (v[i] - vRest) * decay) + g0[i] * gain0) + g1[i] * gain1;
                }
                return;
            }
            for (int i = from; i < to; i++) {
                double vInf = vRest + resistance * current[i];
                v[i] = ((vInf + (v[i] - vInf) * decay) + g0[i] * gain0) + g1[i] * gain1;
            }
        }

        /** Linear in V with the conductances held over the step: an exact exponential step; then they decay. */
        private void integrateConductances(int from, int to, double[] current) {
            for (int i = from; i < to; i++) {
                double total = 0;
                double driven = 0;
                for (int k = 0; k < gc.length; k++) {
                    total += gc[k][i];
                    driven += gc[k][i] * reversal[k];
                }
                double leak = 1 + resistance * total;
                double vInf = (vRest + resistance * (current[i] + driven)) / leak;
                v[i] = vInf + (v[i] - vInf) * Math.exp(-dtOverTauM * leak);
            }
            for (int k = 0; k < gc.length; k++) {
                double[] values = gc[k];
                double factor = conductanceDecay[k];
                for (int i = from; i < to; i++) {
                    values[i] *= factor;
                }
            }
        }

        /** Drops from the refractory queue the neurons whose refractory period is over at this step. */
        private void releaseRefractory(long step) {
            while (refractoryCount > 0 && step - lastSpike[refractory[refractoryHead]] >= refractorySteps) {
                refractoryHead = (refractoryHead + 1) % v.length;
                refractoryCount--;
            }
        }

        @Override
        public int channel(String name) {
            return Parameters.channelIndex(channelNames, name, "LIF", "lif().synapse(\"" + name + "\", ms(5)) or "
                    + "lif().conductance(\"" + name + "\", ms(5), mV(0))");
        }

        @Override
        public String channelUnit(int channel) {
            return channel < g.length ? "V" : "S";
        }

        @Override
        public void addToChannel(int channel, int neuron, double amount) {
            if (channel < g.length) {
                g[channel][neuron] += amount * inverseScale[channel];
            } else {
                gc[channel - g.length][neuron] += amount;
            }
        }

        @Override
        public int threshold(long step, int[] spikes) {
            return testThreshold(step, 0, v.length, spikes, 0);
        }

        @Override
        public void addVoltage(int neuron, double dv) {
            v[neuron] += dv;
        }

        @Override
        public void reset(long step, int[] spikes, int count) {
            for (int k = 0; k < count; k++) {
                int i = spikes[k];
                v[i] = vReset;
                lastSpike[i] = step;
                if (refractorySteps > 0) {
                    refractory[(refractoryHead + refractoryCount++) % v.length] = i;
                }
            }
        }

        @Override
        public void exchangeState(StateExchange state) {
            // the channels as held, with their factors, so that a loaded run continues to the bit
            state.doubles("v", v);
            for (int k = 0; k < channelNames.length; k++) {
                state.doubles(channelNames[k], k < g.length ? g[k] : gc[k - g.length]);
            }
            state.doubles("channel scale", scale);
            state.longs("lastSpike", lastSpike);
        }

        @Override
        public void stateLoaded(long step) {
            for (int k = 0; k < g.length; k++) {
                inverseScale[k] = 1 / scale[k];
            }
            // the refractory queue, in spike order, is whoever spiked within the last refractorySteps steps
            refractoryHead = 0;
            refractoryCount = 0;
            java.util.stream.IntStream.range(0, v.length)
                    .filter(i -> step - lastSpike[i] < refractorySteps)
                    .boxed()
                    .sorted(java.util.Comparator.comparingLong((Integer i) -> lastSpike[i]).thenComparing(i -> i))
                    .forEach(i -> refractory[refractoryCount++] = i);
        }

        @Override
        public String[] variables() {
            String[] names = new String[1 + channelNames.length];
            names[0] = "v";
            System.arraycopy(channelNames, 0, names, 1, channelNames.length);
            return names;
        }

        @Override
        public double[] variable(String name) {
            if (name.equals("v")) {
                return v;
            }
            int k = variableIndex(name);
            if (k < g.length) {
                takeInScale(k); // the live array holds the values only with the factor at 1
                return g[k];
            }
            return gc[k - g.length];
        }

        @Override
        public java.util.function.IntToDoubleFunction reader(String name) {
            if (name.equals("v")) {
                return i -> v[i];
            }
            int k = variableIndex(name);
            if (k < g.length) {
                double[] values = g[k];
                return i -> values[i] * scale[k];
            }
            double[] values = gc[k - g.length];
            return i -> values[i];
        }

        private int variableIndex(String name) {
            for (int k = 0; k < channelNames.length; k++) {
                if (channelNames[k].equals(name)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("LIF has no variable '" + name + "'; it has: "
                    + String.join(", ", variables()));
        }
    }

    /**
     * LIF's step with two current channels in SIMD lanes. Each lane does the scalar pass's operations in their order
     * (a lane's IEEE arithmetic is a scalar's), so the bits agree with the scalar path; the threshold is compared a
     * whole vector at a time and only a vector with a lane above it is looked at neuron by neuron. It names Vector
     * API types, so it is loaded only when {@link Lanes#enabled()}. Two straight-line loops for exactly two channels:
     * a first version that looped over any number of channels and chose the injected current inside the loop ran
     * slower than the scalar pass (a 4000-neuron CUBA second in 0.053 against 0.030 s), most likely because JDK 17's
     * compiler makes objects of vectors that meet from a branch or an inner loop.
     */
    private static final class LaneKernel {
        private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

        private LaneKernel() {
        }

        /** The largest multiple of the vector length not above n. */
        static int wholeVectors(int n) {
            return SPECIES.loopBound(n);
        }

        /** Integrates [from, to) (whole vectors), appends its spikes from index count; returns the new count. */
        static int advance(State s, long step, double[] current, int from, int to, int[] spikes, int count) {
            // read once: the stores into v could, for all the compiler knows, change any double[] in the loop
            double[] g0 = s.g[0];
            double[] g1 = s.g[1];
            double gain0 = s.channelToV[0] * s.scale[0];
            double gain1 = s.channelToV[1] * s.scale[1];
            double[] v = s.v;
            DoubleVector vRest = DoubleVector.broadcast(SPECIES, s.vRest);
            double decay = s.decay;
            int width = SPECIES.length();
            if (current == null) {
                for (int i = from; i < to; i += width) {
                    DoubleVector relaxed = DoubleVector.fromArray(SPECIES, v, i).sub(vRest).mul(decay).add(vRest);
                    count = addChannelsAndTest(s, step, i, relaxed, g0, gain0, g1, gain1, spikes, count);
                }
            } else {
                double resistance = s.resistance;
                for (int i = from; i < to; i += width) {
                    DoubleVector vInf = DoubleVector.fromArray(SPECIES, current, i).mul(resistance).add(vRest);
                    DoubleVector relaxed = DoubleVector.fromArray(SPECIES, v, i).sub(vInf).mul(decay).add(vInf);
                    count = addChannelsAndTest(s, step, i, relaxed, g0, gain0, g1, gain1, spikes, count);
                }
            }
            return count;
        }

        private static int addChannelsAndTest(State s, long step, int i, DoubleVector relaxed, double[] g0,
                double gain0, double[] g1, double gain1, int[] spikes, int count) {
            DoubleVector x = relaxed
                    .add(DoubleVector.fromArray(SPECIES, g0, i).mul(gain0))
                    .add(DoubleVector.fromArray(SPECIES, g1, i).mul(gain1));
            x.intoArray(s.v, i);
            if (spikes != null && x.compare(VectorOperators.GT, s.vThreshold).anyTrue()) {
                return s.testThreshold(step, i, i + SPECIES.length(), spikes, count);
            }
            return count;
        }
    }
}
