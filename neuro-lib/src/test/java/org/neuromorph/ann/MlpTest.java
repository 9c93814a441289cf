package org.neuromorph.ann;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuromorph.units.Units.uS;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neuromorph.crossbar.Crossbar;
import org.neuromorph.data.Dataset;
import org.neuromorph.device.DeviceModel;
import org.neuromorph.device.Devices;

class MlpTest {
    private static final Dataset[] SPLIT = Dataset.digitsSplit();

    @Test
    void theDigitsAreShippedAndSplitAsUsual() {
        Dataset all = Dataset.digits();
        assertEquals(1797, all.size());
        assertEquals(64, all.dimension());
        assertEquals(1347, SPLIT[0].size());
        assertEquals(450, SPLIT[1].size());
        assertTrue(Arrays.stream(all.features()).flatMapToDouble(Arrays::stream).allMatch(v -> v >= 0 && v <= 1));
        assertEquals(10, Arrays.stream(all.labels()).distinct().count());
    }

    @Test
    void backpropagationMatchesFiniteDifferences() {
        for (Activation activation : new Activation[] {Activation.TANH, Activation.SIGMOID, Activation.RELU}) {
            Mlp mlp = new Mlp(3, activation, 5, 4, 3);
            double[] x = new SplittableRandom(4).doubles(5, -1, 1).toArray();
            int label = 2;
            double[][][] gradient = mlp.gradient(x, label);
            double h = 1e-6;
            for (int l = 0; l < mlp.layers(); l++) {
                double[][] w = mlp.weights(l);
                for (int j = 0; j < w.length; j++) {
                    for (int i = 0; i < w[j].length; i++) {
                        double keep = w[j][i];
                        w[j][i] = keep + h;
                        double up = -Math.log(mlp.forward(x)[label]);
                        w[j][i] = keep - h;
                        double down = -Math.log(mlp.forward(x)[label]);
                        w[j][i] = keep;
                        double numeric = (up - down) / (2 * h);
                        assertEquals(numeric, gradient[l][j][i], 1e-6 * Math.max(1, Math.abs(numeric)),
                                activation + " layer " + l + " w[" + j + "][" + i + "]");
                    }
                }
            }
        }
    }

    private static Mlp trained(long seed) {
        Mlp mlp = new Mlp(seed, Activation.RELU, 64, 32, 10);
        mlp.train(SPLIT[0], null, 40, 16, 0.05, 0.9, seed);
        return mlp;
    }

    @Test
    void softwareMlpLearnsTheDigitsAndIdealCrossbarsReproduceIt() {
        Mlp mlp = trained(2);
        double software = mlp.accuracy(SPLIT[1]);
        // a standard library MLP of this size scores about 92 % on this split
        assertTrue(software >= 0.92, "test accuracy " + software);
        Mlp again = trained(2);
        assertEquals(software, again.accuracy(SPLIT[1]), 0, "the same seed trains the same network");

        DeviceModel ideal = new DeviceModel("ideal").range(uS(1), uS(101)).linear(1000);
        CrossbarInference arrays = CrossbarInference.program(mlp, SPLIT[0], 40,
                (in, out, index) -> Crossbar.of(ideal, in, out), Crossbar.Programming.IDEAL);
        for (double[] x : SPLIT[1].features()) {
            double[] expected = mlp.forward(x);
            double[] actual = arrays.forward(x);
            for (int c = 0; c < 10; c++) {
                assertEquals(expected[c], actual[c], 1e-9, "class probability on ideal arrays");
            }
        }
        assertEquals(software, arrays.accuracy(SPLIT[1]), 0);
        assertEquals(2, arrays.layer(0).tileCount(), "64 inputs × 32 outputs on 40 × 40 tiles: two tiles");
        assertEquals(1, arrays.layer(1).tileCount(), "32 × 10 on one");
    }

    @Test
    void rramInferenceStaysWithinTwoPointsOfSoftware() {
        Mlp mlp = trained(2);
        double software = mlp.accuracy(SPLIT[1]);
        CrossbarInference rram = CrossbarInference.program(mlp, SPLIT[0], 128,
                (in, out, index) -> Crossbar.of(Devices.rram(), in, out).seed(index + 7), Crossbar.Programming.VERIFY);
        double onDevices = rram.accuracy(SPLIT[1]);
        assertEquals(software, onDevices, 0.02, "RRAM (64 nonlinear levels, 1 % c2c, 5 % d2d) after program-and-verify");
        assertTrue(rram.energyPerInference().si() > 0 && rram.programmingPulses() > 0);
    }

    @Test
    void inSituTrainingLearnsOnTheArrays() {
        // from the random initial weights, trained only through array reads and pulses
        Mlp mlp = new Mlp(2, Activation.RELU, 64, 32, 10);
        DeviceModel ideal = new DeviceModel("ideal").range(uS(1), uS(101)).linear(1000);
        CrossbarInference arrays = CrossbarInference.program(mlp, SPLIT[0], 128,
                (in, out, index) -> Crossbar.of(ideal, in, out).mapping(Crossbar.Mapping.REFERENCE_COLUMN).seed(index),
                Crossbar.Programming.IDEAL, 1.5);
        double before = arrays.accuracy(SPLIT[1]);
        double[] accuracy = arrays.trainInSitu(SPLIT[0], SPLIT[1], 4, 0.02, Crossbar.Update.STOCHASTIC, 3);
        assertTrue(before < 0.3, "untrained: " + before);
        assertTrue(accuracy[3] > 0.8, "after 4 epochs of stochastic pulse updates on ideal devices: "
                + Arrays.toString(accuracy));
    }
}
