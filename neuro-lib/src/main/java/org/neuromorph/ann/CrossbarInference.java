package org.neuromorph.ann;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.neuromorph.crossbar.Crossbar;
import org.neuromorph.crossbar.TiledCrossbar;
import org.neuromorph.data.Dataset;
import org.neuromorph.jobs.Interrupts;
import org.neuromorph.jobs.JobProgress;
import org.neuromorph.units.Energy;
import org.neuromorph.units.Time;

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
    private long inferences;
    /** Each tile's activity once programmed and calibrated, so that costs count the inferences' reads alone. */
    private final List<List<Crossbar.Activity>> programmed;
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
        programmed = Arrays.stream(layers).map(t -> t.tiles().stream().map(Crossbar::activity).toList()).toList();
    }

    /**
     * What layer {@code l}'s tiles have done since programming (its calibration reads left out): the inferences'
     * reads, those of drift compensation and of in-situ training included.
     */
    public List<Crossbar.Activity> activitySinceProgramming(int l) {
        List<Crossbar> tiles = layers[l].tiles();
        return IntStream.range(0, tiles.size())
                .mapToObj(k -> tiles.get(k).activity().since(programmed.get(l).get(k))).toList();
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
            double[][] inputs = mlp.pass(x, (l, in) -> Mlp.multiply(mlp.weights(l), in)).inputs();
            for (int l = 0; l < layers.length; l++) {
                for (double v : inputs[l]) {
                    scale[l] = Math.max(scale[l], Math.abs(v));
                }
            }
        }
        for (int l = 0; l < scale.length; l++) {
            scale[l] = scale[l] == 0 ? 1 : scale[l];
        }
        return new CrossbarInference(mlp, layers, scale, pulses);
    }

    /** Sets the arrays' clock: time since programming (drift, read noise). */
    public CrossbarInference at(Time sinceProgramming) {
        for (TiledCrossbar t : layers) {
            t.at(sinceProgramming);
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
        Arrays.fill(ones, 1);
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
        inferences++;
        return mlp.forward(x, this::product);
    }

    /** Inferences run so far ({@link #forward} calls, those of {@link #accuracy} included). */
    public long inferences() {
        return inferences;
    }

    /** The layers' arrays, input layer first. */
    public List<TiledCrossbar> layers() {
        return List.of(layers);
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
        SplittableRandom rng = new SplittableRandom(seed);
        int[] order = IntStream.range(0, train.size()).toArray();
        double[] accuracy = new double[epochs];
        JobProgress progress = new JobProgress("epoch", epochs);
        for (int e = 0; e < epochs; e++) {
            Mlp.shuffle(order, rng);
            for (int n : order) {
                if (Interrupts.requested()) {
                    throw Interrupts.stopped("the in-situ training in epoch " + (e + 1));
                }
                Mlp.Pass pass = mlp.pass(train.features()[n], this::product);
                mlp.backward(pass, train.labels()[n], (l, delta) -> layers[l].transpose(delta), (l, input, delta) -> {
                    layers[l].update(input, delta, -rate, how);
                    double[] bias = mlp.bias(l);
                    for (int j = 0; j < delta.length; j++) {
                        bias[j] -= rate * delta[j];
                    }
                });
            }
            accuracy[e] = test == null ? Double.NaN : accuracy(test);
            progress.done(e + 1);
        }
        return accuracy;
    }

    /** Energy of one inference's array reads (all tiles of all layers). */
    public Energy energyPerInference() {
        double total = 0;
        for (TiledCrossbar t : layers) {
            total += t.energyPerRead().si();
        }
        return new Energy(total);
    }

    /** Programming pulses spent. */
    public long programmingPulses() {
        return pulses;
    }

    public TiledCrossbar layer(int l) {
        return layers[l];
    }
}
