package org.neuromorph.ann;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.neuromorph.data.Dataset;
import org.neuromorph.jobs.Interrupts;
import org.neuromorph.jobs.JobProgress;

/**
 * A multilayer perceptron, the seed's Figure 1: each unit a McCulloch-Pitts-style weighted sum passed through an
 * activation, hidden layers of one activation, and a softmax output trained on cross-entropy by mini-batch SGD
 * with backpropagation (momentum optional). Weights are W_l (outputs × inputs) and biases b_l; every random
 * choice (initial weights, batch order, injected noise) comes from the seed given, so training is reproducible.
 */
public final class Mlp {
    private final int[] sizes;
    private final Activation hidden;
    private final double[][][] w;
    private final double[][] b;
    private double weightNoise;

    /** Layer sizes from input to output, e.g. 64, 32, 10; initial weights uniform in ±sqrt(6/(in + out)). */
    public Mlp(long seed, Activation hidden, int... sizes) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("an MLP needs at least an input and an output size");
        }
        this.sizes = sizes.clone();
        this.hidden = hidden;
        SplittableRandom rng = new SplittableRandom(seed);
        w = new double[sizes.length - 1][][];
        b = new double[sizes.length - 1][];
        for (int l = 0; l < w.length; l++) {
            double limit = Math.sqrt(6.0 / (sizes[l] + sizes[l + 1]));
            w[l] = new double[sizes[l + 1]][sizes[l]];
            b[l] = new double[sizes[l + 1]];
            for (double[] row : w[l]) {
                for (int i = 0; i < row.length; i++) {
                    row[i] = rng.nextDouble(-limit, limit);
                }
            }
        }
    }

    /**
     * Hardware-aware training: during training each forward pass sees every weight perturbed by Gaussian noise of
     * σ = {@code sigma} × the layer's largest |w| (0: off), so the network learns to tolerate device spread.
     */
    public Mlp weightNoise(double sigma) {
        weightNoise = sigma;
        return this;
    }

    public int layers() {
        return w.length;
    }

    public int[] sizes() {
        return sizes.clone();
    }

    public Activation hiddenActivation() {
        return hidden;
    }

    /** The live weight matrix of layer l (outputs × inputs). */
    public double[][] weights(int layer) {
        return w[layer];
    }

    public double[] bias(int layer) {
        return b[layer];
    }

    /** A product W_l·x; the software one by default, a crossbar's for inference on arrays. */
    @FunctionalInterface
    public interface LayerProduct {
        double[] apply(int layer, double[] x);
    }

    /** Class probabilities for one input. */
    public double[] forward(double[] x) {
        return forward(x, (l, in) -> multiply(w[l], in));
    }

    /** Class probabilities with the layer products computed by {@code product} (biases and activations digital). */
    public double[] forward(double[] x, LayerProduct product) {
        return pass(x, product).probabilities();
    }

    /** One forward pass, kept for backpropagation: each layer's input, pre-activation (bias added) and output. */
    record Pass(double[][] inputs, double[][] pre, double[][] out) {
        double[] probabilities() {
            return out[out.length - 1];
        }
    }

    Pass pass(double[] x, LayerProduct product) {
        int layers = w.length;
        Pass pass = new Pass(new double[layers][], new double[layers][], new double[layers][]);
        double[] a = x;
        for (int l = 0; l < layers; l++) {
            pass.inputs()[l] = a;
            double[] z = product.apply(l, a);
            for (int j = 0; j < z.length; j++) {
                z[j] += b[l][j];
            }
            pass.pre()[l] = z;
            a = l == layers - 1 ? softmax(z) : activate(z);
            pass.out()[l] = a;
        }
        return pass;
    }

    /** What backpropagation does with a layer: its input and its error δ (dL/dz). */
    @FunctionalInterface
    interface LayerUpdate {
        void apply(int layer, double[] input, double[] delta);
    }

    /**
     * Backpropagates cross-entropy from a pass: from the last layer down, carries δ to the layer below through
     * {@code transposed} (Wᵀ·δ, read before the layer changes) and the hidden activation's derivative, and hands
     * each layer's input and δ to {@code update}. Returns the sample's loss.
     */
    double backward(Pass pass, int label, LayerProduct transposed, LayerUpdate update) {
        double[] delta = pass.probabilities().clone();
        delta[label] -= 1; // softmax with cross-entropy: dL/dz = p − onehot
        double loss = -Math.log(Math.max(1e-300, pass.probabilities()[label]));
        for (int l = w.length - 1; l >= 0; l--) {
            double[] back = l > 0 ? transposed.apply(l, delta) : null;
            update.apply(l, pass.inputs()[l], delta);
            if (l > 0) {
                for (int i = 0; i < back.length; i++) {
                    back[i] *= hidden.derivative(pass.pre()[l - 1][i], pass.out()[l - 1][i]);
                }
                delta = back;
            }
        }
        return loss;
    }

    private double[] activate(double[] z) {
        double[] y = new double[z.length];
        for (int j = 0; j < z.length; j++) {
            y[j] = hidden.apply(z[j]);
        }
        return y;
    }

    static double[] multiply(double[][] m, double[] x) {
        double[] y = new double[m.length];
        for (int j = 0; j < m.length; j++) {
            double s = 0;
            double[] row = m[j];
            for (int i = 0; i < x.length; i++) {
                s += row[i] * x[i];
            }
            y[j] = s;
        }
        return y;
    }

    private static double[] softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] p = new double[z.length];
        for (int j = 0; j < z.length; j++) {
            p[j] = Math.exp(z[j] - max);
            sum += p[j];
        }
        for (int j = 0; j < z.length; j++) {
            p[j] /= sum;
        }
        return p;
    }

    public int predict(double[] x) {
        return argmax(forward(x));
    }

    static int argmax(double[] p) {
        int best = 0;
        for (int j = 1; j < p.length; j++) {
            if (p[j] > p[best]) {
                best = j;
            }
        }
        return best;
    }

    public double accuracy(Dataset data) {
        int right = 0;
        for (int n = 0; n < data.size(); n++) {
            right += predict(data.features()[n]) == data.labels()[n] ? 1 : 0;
        }
        return right / (double) data.size();
    }

    /** Mean cross-entropy. */
    public double loss(Dataset data) {
        double total = 0;
        for (int n = 0; n < data.size(); n++) {
            total -= Math.log(Math.max(1e-300, forward(data.features()[n])[data.labels()[n]]));
        }
        return total / data.size();
    }

    /** Per-epoch mean training loss and accuracies (test accuracy NaN without a test set). */
    public record TrainingLog(int[] epoch, double[] loss, double[] trainAccuracy, double[] testAccuracy) {
    }

    /** Mini-batch SGD with momentum on cross-entropy; batch order and injected noise from {@code seed}. */
    public TrainingLog train(Dataset train, Dataset test, int epochs, int batch, double rate, double momentum,
            long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][][] vw = new double[w.length][][];
        double[][] vb = new double[w.length][];
        double[][][] gw = new double[w.length][][];
        double[][] gb = new double[w.length][];
        for (int l = 0; l < w.length; l++) {
            vw[l] = new double[w[l].length][w[l][0].length];
            gw[l] = new double[w[l].length][w[l][0].length];
            vb[l] = new double[b[l].length];
            gb[l] = new double[b[l].length];
        }
        int[] order = IntStream.range(0, train.size()).toArray();
        TrainingLog log = new TrainingLog(new int[epochs], new double[epochs], new double[epochs], new double[epochs]);
        JobProgress progress = new JobProgress("epoch", epochs);
        for (int e = 0; e < epochs; e++) {
            shuffle(order, rng);
            double lossSum = 0;
            for (int start = 0; start < order.length; start += batch) {
                if (Interrupts.requested()) {
                    throw Interrupts.stopped("the training in epoch " + (e + 1));
                }
                int end = Math.min(order.length, start + batch);
                double[][][] used = weightNoise > 0 ? noisyWeights(rng) : w;
                for (int l = 0; l < w.length; l++) {
                    for (double[] row : gw[l]) {
                        Arrays.fill(row, 0);
                    }
                    Arrays.fill(gb[l], 0);
                }
                for (int k = start; k < end; k++) {
                    int n = order[k];
                    lossSum += backprop(used, train.features()[n], train.labels()[n], gw, gb);
                }
                double scale = rate / (end - start);
                for (int l = 0; l < w.length; l++) {
                    for (int j = 0; j < w[l].length; j++) {
                        for (int i = 0; i < w[l][j].length; i++) {
                            vw[l][j][i] = momentum * vw[l][j][i] - scale * gw[l][j][i];
                            w[l][j][i] += vw[l][j][i];
                        }
                        vb[l][j] = momentum * vb[l][j] - scale * gb[l][j];
                        b[l][j] += vb[l][j];
                    }
                }
            }
            log.epoch()[e] = e + 1;
            log.loss()[e] = lossSum / train.size();
            log.trainAccuracy()[e] = accuracy(train);
            log.testAccuracy()[e] = test == null ? Double.NaN : accuracy(test);
            progress.done(e + 1);
        }
        return log;
    }

    /** Fisher–Yates: a fresh sample order for each epoch. */
    static void shuffle(int[] order, SplittableRandom rng) {
        for (int k = order.length - 1; k > 0; k--) {
            int swap = rng.nextInt(k + 1);
            int t = order[k];
            order[k] = order[swap];
            order[swap] = t;
        }
    }

    private double[][][] noisyWeights(SplittableRandom rng) {
        double[][][] noisy = new double[w.length][][];
        for (int l = 0; l < w.length; l++) {
            double largest = 0;
            for (double[] row : w[l]) {
                for (double v : row) {
                    largest = Math.max(largest, Math.abs(v));
                }
            }
            noisy[l] = new double[w[l].length][];
            for (int j = 0; j < w[l].length; j++) {
                noisy[l][j] = w[l][j].clone();
                for (int i = 0; i < noisy[l][j].length; i++) {
                    noisy[l][j][i] += weightNoise * largest * rng.nextGaussian();
                }
            }
        }
        return noisy;
    }

    /** Adds this sample's gradients (of cross-entropy) to gw, gb and returns its loss. */
    double backprop(double[][][] weights, double[] x, int label, double[][][] gw, double[][] gb) {
        Pass pass = pass(x, (l, in) -> multiply(weights[l], in));
        return backward(pass, label, (l, delta) -> {
            double[] back = new double[weights[l][0].length];
            for (int j = 0; j < delta.length; j++) {
                double[] row = weights[l][j];
                for (int i = 0; i < back.length; i++) {
                    back[i] += row[i] * delta[j];
                }
            }
            return back;
        }, (l, input, delta) -> {
            for (int j = 0; j < delta.length; j++) {
                gb[l][j] += delta[j];
                double[] row = gw[l][j];
                for (int i = 0; i < input.length; i++) {
                    row[i] += delta[j] * input[i];
                }
            }
        });
    }

    /** The cross-entropy gradient of one sample (for checks): per layer, weights then biases. */
    public double[][][] gradient(double[] x, int label) {
        double[][][] gw = new double[w.length][][];
        double[][] gb = new double[w.length][];
        for (int l = 0; l < w.length; l++) {
            gw[l] = new double[w[l].length][w[l][0].length];
            gb[l] = new double[b[l].length];
        }
        backprop(w, x, label, gw, gb);
        double[][][] result = new double[w.length][][];
        for (int l = 0; l < w.length; l++) {
            result[l] = Arrays.copyOf(gw[l], gw[l].length + 1);
            result[l][gw[l].length] = gb[l];
        }
        return result;
    }

    @Override
    public String toString() {
        return "Mlp" + Arrays.toString(sizes) + " (" + hidden + ", softmax)";
    }
}
