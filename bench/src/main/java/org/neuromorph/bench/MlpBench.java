package org.neuromorph.bench;

import java.util.Arrays;
import java.util.Locale;
import org.neuromorph.ann.Activation;
import org.neuromorph.ann.Mlp;
import org.neuromorph.data.Dataset;

/** Training time per epoch of the digits MLPs (1347 images, batch 16, SGD with momentum): median of 20 epochs. */
public final class MlpBench {
    private MlpBench() {
    }

    public static void main(String[] args) {
        Dataset[] split = Dataset.digitsSplit();
        StringBuilder rows = new StringBuilder();
        for (int hidden : new int[] {32, 64}) {
            Mlp mlp = new Mlp(1, Activation.RELU, 64, hidden, 10);
            double[] epochs = new double[20];
            for (int e = 0; e < epochs.length; e++) {
                long start = System.nanoTime();
                mlp.train(split[0], null, 1, 16, 0.05, 0.9, e);
                epochs[e] = (System.nanoTime() - start) / 1e9;
            }
            double first = epochs[0];
            Arrays.sort(epochs);
            rows.append(rows.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT,
                    "{\"sizes\": \"64-%d-10\", \"epoch_s_median\": %.5f, \"epoch_s_first\": %.5f, "
                            + "\"test_accuracy_after_20\": %.4f}", hidden, epochs[10], first, mlp.accuracy(split[1])));
        }
        System.out.println("{\"benchmark\": \"mlp_digits\", \"runs\": [" + rows + "]}");
    }
}
