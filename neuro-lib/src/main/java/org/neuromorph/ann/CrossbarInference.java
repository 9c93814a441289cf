package org.neuromorph.ann;

import org.neuromorph.crossbar.Crossbar;
import org.neuromorph.crossbar.TiledCrossbar;
import org.neuromorph.data.Dataset;

/**
 * An MLP run on crossbars: each layer's W on tiles made by a factory (any devices and periphery), the products
 * read from the arrays, biases, activations and softmax in the digital periphery. Each layer's inputs are scaled
 * into the DAC's [−1, 1] by the largest activation seen on a calibration set. Optionally a global drift
 * compensation per layer (as in aihwkit): the summed |output| for an all-ones input, read right after programming,
 * divided by the same read now, rescales the layer's outputs.
 */
public final class CrossbarInference {
    private final Mlp mlp;
    private final TiledCrossbar[] layers;
    private final double[] inputScale;
    private final double[] reference;
    private boolean compensateDrift;
    private final long pulses;

    private CrossbarInference(Mlp mlp, TiledCrossbar[] layers, double[] inputScale, long pulses) {
        this.mlp = mlp;
        this.layers = layers;
        this.inputScale = inputScale;
        this.pulses = pulses;
        reference = new double[layers.length];
        for (int l = 0; l < layers.length; l++) {
            reference[l] = onesResponse(l);
        }
    }

    /**
     * Programs {@code mlp} onto tiles of at most {@code tile} × {@code tile} cells made by {@code tiles}, with
     * input scales from {@code calibration} (the training set, usually).
     */
    public static CrossbarInference program(Mlp mlp, Dataset calibration, int tile, TiledCrossbar.TileFactory tiles,
            Crossbar.Programming how) {
        return program(mlp, calibration, tile, tiles, how, 0);
    }

    /**
     * As {@link #program(Mlp, Dataset, int, TiledCrossbar.TileFactory, Crossbar.Programming)}, with every layer's
     * weight range [−maxWeight, maxWeight] given (0: each layer's largest |w|), room for in-situ training to grow.
     */
    public static CrossbarInference program(Mlp mlp, Dataset calibration, int tile, TiledCrossbar.TileFactory tiles,
            Crossbar.Programming how, double maxWeight) {
        int[] sizes = mlp.sizes();
        TiledCrossbar[] layers = new TiledCrossbar[mlp.layers()];
        double[] scale = new double[mlp.layers()];
        long pulses = 0;
        for (int l = 0; l < layers.length; l++) {
            int layer = l;
            layers[l] = new TiledCrossbar(sizes[l], sizes[l + 1], tile, tile,
                    (in, out, index) -> tiles.make(in, out, layer * 1000 + index));
            pulses += maxWeight > 0 ? layers[l].program(mlp.weights(l), how, maxWeight)
                    : layers[l].program(mlp.weights(l), how);
        }
        // the largest |input| of each layer over the calibration set, from the software network
        for (double[] x : calibration.features()) {
            double[] a = x;
            for (int l = 0; l < layers.length; l++) {
                for (double v : a) {
                    scale[l] = Math.max(scale[l], Math.abs(v));
                }
                if (l < layers.length - 1) {
                    double[] z = Mlp.multiply(mlp.weights(l), a);
                    double[] next = new double[z.length];
                    for (int j = 0; j < z.length; j++) {
                        next[j] = mlp.hiddenActivation().apply(z[j] + mlp.bias(l)[j]);
                    }
                    a = next;
                }
            }
        }
        for (int l = 0; l < scale.length; l++) {
            scale[l] = scale[l] == 0 ? 1 : scale[l];
        }
        return new CrossbarInference(mlp, layers, scale, pulses);
    }

    /** Sets the arrays' clock: seconds since programming (drift, read noise). */
    public CrossbarInference at(double seconds) {
        for (TiledCrossbar t : layers) {
            t.at(seconds);
        }
        return this;
    }

    /** Turns global drift compensation on or off. */
    public CrossbarInference compensateDrift(boolean on) {
        compensateDrift = on;
        return this;
    }

    private double onesResponse(int l) {
        double[] ones = new double[mlp.sizes()[l]];
        java.util.Arrays.fill(ones, 1);
        double sum = 0;
        for (double v : layers[l].mvm(ones)) {
            sum += Math.abs(v);
        }
        return sum;
    }

    private double[] product(int l, double[] x) {
        double[] scaled = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            scaled[i] = x[i] / inputScale[l];
        }
        double[] y = layers[l].mvm(scaled);
        double factor = inputScale[l] * (compensateDrift ? reference[l] / onesResponse(l) : 1);
        for (int j = 0; j < y.length; j++) {
            y[j] *= factor;
        }
        return y;
    }

    /** Class probabilities for one input, computed on the arrays. */
    public double[] forward(double[] x) {
        return mlp.forward(x, this::product);
    }

    public double accuracy(Dataset data) {
        int right = 0;
        for (int n = 0; n < data.size(); n++) {
            right += Mlp.argmax(forward(data.features()[n])) == data.labels()[n] ? 1 : 0;
        }
        return right / (double) data.size();
    }

    /**
     * In-situ training on the arrays, one sample at a time: the forward pass reads the arrays, the error flows
     * back through transpose reads, and each layer's update −rate·δ·xᵀ is applied as device pulses (the biases
     * learn in the digital periphery). Use a reference-column mapping: a differential pair potentiated from both
     * sides saturates. Returns the test accuracy after each epoch.
     */
    public double[] trainInSitu(Dataset train, Dataset test, int epochs, double rate, Crossbar.Update how, long seed) {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        int[] order = java.util.stream.IntStream.range(0, train.size()).toArray();
        double[] accuracy = new double[epochs];
        int count = layers.length;
        for (int e = 0; e < epochs; e++) {
            Mlp.shuffle(order, rng);
            for (int n : order) {
                double[][] inputs = new double[count][];
                double[][] pre = new double[count][];
                double[][] out = new double[count][];
                double[] a = train.features()[n];
                for (int l = 0; l < count; l++) {
                    inputs[l] = a;
                    pre[l] = product(l, a);
                    for (int j = 0; j < pre[l].length; j++) {
                        pre[l][j] += mlp.bias(l)[j];
                    }
                    out[l] = l == count - 1 ? Mlp.softmaxOf(pre[l]) : Mlp.activated(mlp.hiddenActivation(), pre[l]);
                    a = out[l];
                }
                double[] delta = out[count - 1].clone();
                delta[train.labels()[n]] -= 1;
                for (int l = count - 1; l >= 0; l--) {
                    double[] back = l > 0 ? layers[l].transpose(delta) : null;
                    layers[l].update(inputs[l], delta, -rate, how);
                    double[] bias = mlp.bias(l);
                    for (int j = 0; j < delta.length; j++) {
                        bias[j] -= rate * delta[j];
                    }
                    if (l > 0) {
                        for (int i = 0; i < back.length; i++) {
                            back[i] *= mlp.hiddenActivation().derivative(pre[l - 1][i], out[l - 1][i]);
                        }
                        delta = back;
                    }
                }
            }
            accuracy[e] = test == null ? Double.NaN : accuracy(test);
        }
        return accuracy;
    }

    /** Energy of one inference's array reads (all tiles of all layers), in joules. */
    public double energyPerInference() {
        double total = 0;
        for (TiledCrossbar t : layers) {
            total += t.energyPerRead();
        }
        return total;
    }

    /** Programming pulses spent. */
    public long programmingPulses() {
        return pulses;
    }

    public TiledCrossbar layer(int l) {
        return layers[l];
    }
}
