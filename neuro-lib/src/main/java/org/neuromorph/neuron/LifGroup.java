package org.neuromorph.neuron;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;
import org.neuromorph.jobs.Lanes;
import org.neuromorph.state.StateExchange;

/**
 * The state of a group of {@link Lif} neurons and its step, on primitive arrays: the membrane potentials, the
 * current channels (held scaled, see {@link Lif}), the conductance channels and the refractory ring. A step runs
 * block by block so a block's arrays stay in the first-level cache, splits by neuron ranges for several threads,
 * and with two current channels runs in SIMD lanes ({@link LifLanes}). Fields the lanes read are package-private.
 */
final class LifGroup implements SplitStepping {
    /** Neurons per block of {@link #advance}: a few 4 KiB arrays, well inside a 32 KiB L1 cache. */
    private static final int BLOCK = 512;
    final double[] v;
    private final long[] lastSpike;
    final double decay;
    private final long refractorySteps;
    final double vRest;
    private final double vReset;
    final double vThreshold;
    final double resistance;
    private final String[] channelNames;
    /** Current channels, scaled: the channel's value is {@code g[k][i] * scale[k]}. */
    final double[][] g;
    final double[] scale;
    /** 1/scale, kept so that a synaptic jump costs a multiplication, not a division. */
    private final double[] inverseScale;
    private final double[] channelDecay;
    final double[] channelToV;
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

    LifGroup(Lif p, int size, double dt, SplittableRandom rng) {
        int channels = p.synapseNames.size();
        List<String> names = new ArrayList<>(p.synapseNames);
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

    @Override
    public boolean takesNullCurrent() {
        return true;
    }

    @Override
    public void beginStep(long step) {
        releaseRefractory(step);
    }

    /**
     * Integrates, and detects spikes when {@code spikes} is given, block by block so that a block's arrays
     * stay in the first-level cache across the passes. The passes are plain loops the JIT vectorises; the few
     * refractory neurons are integrated too and their potentials put back afterwards, which is cheaper than a
     * branch per neuron and does the same arithmetic as one neuron at a time.
     */
    @Override
    public int advanceRange(long step, double[] injected, int start, int end, int[] spikes) {
        double[] current = injected == null ? zeros : injected;
        int heldEnd = holdRefractory(start, end);
        int count = start;
        int from = start;
        if (lanes) {
            // whole vectors in lanes, the remainder (fewer than a vector's length) in the scalar block below
            int laneEnd = start + LifLanes.wholeVectors(end - start);
            count = LifLanes.advance(this, step, injected, start, laneEnd, spikes, count);
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
        IntStream.range(0, v.length)
                .filter(i -> step - lastSpike[i] < refractorySteps)
                .boxed()
                .sorted(Comparator.comparingLong((Integer i) -> lastSpike[i]).thenComparing(i -> i))
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
    public IntToDoubleFunction reader(String name) {
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
