package org.neuromorph.bench;

import static org.neuromorph.units.Units.days;
import static org.neuromorph.units.Units.uS;

import java.util.Locale;
import java.util.function.Supplier;
import org.neuromorph.ann.Activation;
import org.neuromorph.ann.CrossbarInference;
import org.neuromorph.ann.Mlp;
import org.neuromorph.crossbar.Crossbar;
import org.neuromorph.data.Dataset;
import org.neuromorph.device.DeviceModel;
import org.neuromorph.device.Devices;
import org.neuromorph.units.Time;

/**
 * The digits MLP against device non-idealities, one JSON line per setting: software accuracy over seeds 1–5 for
 * 64-32-10 and 64-64-10, then for seeds 1–3 the 64-32-10 on RRAM tiles (plain and hardware-aware training), on PCM
 * right after programming, a day and ten years later without and with drift compensation, and trained in situ on
 * RRAM (pulse counts, 10 epochs; mixed precision, 20 + 10 epochs) and, for the procedure's own ceiling, on
 * 4096-level linear devices.
 */
public final class DigitsBench {
    private DigitsBench() {
    }

    private static Mlp trained(long seed, int hidden, double weightNoise, Dataset train) {
        Mlp mlp = new Mlp(seed, Activation.RELU, 64, hidden, 10).weightNoise(weightNoise);
        mlp.train(train, null, 40, 16, 0.05, 0.9, seed);
        return mlp;
    }

    /** Mixed-precision in-situ training: 20 epochs at a rate of 0.05 (per sample, no momentum), then 10 at 0.01. */
    private static final int[] MIXED_EPOCHS = {20, 10};
    private static final double[] MIXED_RATES = {0.05, 0.01};
    private static final Time TEN_YEARS = days(3650);

    /**
     * A fresh 64-32-10 network on reference-column tiles of {@code device}, trained in situ in phases (epochs[p] at
     * rates[p]); the test accuracy after the last epoch.
     */
    private static double inSitu(long seed, Supplier<DeviceModel> device, Dataset[] split, int[] epochs,
            double[] rates, Crossbar.Update how) {
        CrossbarInference arrays = CrossbarInference.program(new Mlp(seed, Activation.RELU, 64, 32, 10), split[0],
                128, (in, out, i) -> Crossbar.of(device.get(), in, out).mapping(Crossbar.Mapping.REFERENCE_COLUMN)
                        .seed(i + 5), Crossbar.Programming.VERIFY, 1.5);
        double[] accuracy = {};
        for (int p = 0; p < epochs.length; p++) {
            accuracy = arrays.trainInSitu(split[0], split[1], epochs[p], rates[p], how, seed + p);
        }
        return accuracy[accuracy.length - 1];
    }

    public static void main(String[] args) {
        Dataset[] split = Dataset.digitsSplit();
        for (int hidden : new int[] {32, 64}) {
            StringBuilder accuracies = new StringBuilder();
            for (long seed = 1; seed <= 5; seed++) {
                accuracies.append(seed == 1 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f",
                        trained(seed, hidden, 0, split[0]).accuracy(split[1])));
            }
            System.out.println("{\"setting\": \"software 64-" + hidden + "-10\", \"seeds\": [1, 2, 3, 4, 5], "
                    + "\"accuracy\": [" + accuracies + "]}");
        }
        for (long s = 1; s <= 3; s++) {
            long seed = s;
            Mlp mlp = trained(seed, 32, 0, split[0]);
            Mlp aware = trained(seed, 32, 0.05, split[0]);
            CrossbarInference rram = CrossbarInference.program(mlp, split[0], 128,
                    (in, out, i) -> Crossbar.of(Devices.rram(), in, out).seed(i + 100 * seed),
                    Crossbar.Programming.VERIFY);
            CrossbarInference rramAware = CrossbarInference.program(aware, split[0], 128,
                    (in, out, i) -> Crossbar.of(Devices.rram(), in, out).seed(i + 100 * seed),
                    Crossbar.Programming.VERIFY);
            CrossbarInference pcm = CrossbarInference.program(mlp, split[0], 128,
                    (in, out, i) -> Crossbar.of(Devices.pcm(), in, out).seed(i + 100 * seed),
                    Crossbar.Programming.VERIFY);
            double pcmNow = pcm.accuracy(split[1]);
            double pcmDay = pcm.at(days(1)).accuracy(split[1]);
            double pcmCompensated = pcm.compensateDrift(true).accuracy(split[1]);
            // ten years on, where drift costs more than the read noise moves an evaluation
            double pcmDecade = pcm.compensateDrift(false).at(TEN_YEARS).accuracy(split[1]);
            double pcmDecadeCompensated = pcm.compensateDrift(true).accuracy(split[1]);
            double inSituAccuracy = inSitu(seed, Devices::rram, split, new int[] {10}, new double[] {0.01},
                    Crossbar.Update.PULSE_COUNT);
            double mixedAccuracy = inSitu(seed, Devices::rram, split, MIXED_EPOCHS, MIXED_RATES,
                    Crossbar.Update.MIXED_PRECISION);
            // the same procedure on linear devices of 4096 levels: what in-situ SGD reaches when devices cost nothing
            double idealAccuracy = inSitu(seed, () -> new DeviceModel("linear, 4096 levels").range(uS(5), uS(100))
                    .linear(4096), split, MIXED_EPOCHS, MIXED_RATES, Crossbar.Update.MIXED_PRECISION);
            System.out.println(String.format(Locale.ROOT, "{\"seed\": %d, \"software\": %.4f, \"rram\": %.4f, "
                            + "\"software_aware\": %.4f, \"rram_aware\": %.4f, \"pcm_t0\": %.4f, \"pcm_day\": %.4f, "
                            + "\"pcm_day_compensated\": %.4f, \"pcm_10y\": %.4f, \"pcm_10y_compensated\": %.4f, "
                            + "\"in_situ_rram\": %.4f, \"in_situ_rram_mixed\": %.4f, "
                            + "\"in_situ_linear_mixed\": %.4f, "
                            + "\"rram_energy_pJ\": %.1f}",
                    seed, mlp.accuracy(split[1]), rram.accuracy(split[1]), aware.accuracy(split[1]),
                    rramAware.accuracy(split[1]), pcmNow, pcmDay, pcmCompensated, pcmDecade,
                    pcmDecadeCompensated, inSituAccuracy, mixedAccuracy,
                    idealAccuracy,
                    rram.energyPerInference().si() * 1e12));
        }
    }
}
