package org.neuromorph.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Feature vectors with integer class labels: what the perceptrons and MLPs of {@code ann} learn from. */
public record Dataset(String name, double[][] features, int[] labels, int classes) {
    public Dataset {
        if (features.length != labels.length) {
            throw new IllegalArgumentException("dataset '" + name + "' has " + features.length + " samples but "
                    + labels.length + " labels");
        }
    }

    public int size() {
        return labels.length;
    }

    public int dimension() {
        return features.length == 0 ? 0 : features[0].length;
    }

    /** Samples [from, to) as a dataset of their own. */
    public Dataset slice(String part, int from, int to) {
        return new Dataset(name + " " + part, Arrays.copyOfRange(features, from, to),
                Arrays.copyOfRange(labels, from, to), classes);
    }

    /**
     * The 8×8 handwritten digits shipped with Neuromorph: 1797 images, pixels scaled from 0..16 to [0, 1]. Source:
     * the UCI "Optical Recognition of Handwritten Digits" data (Alpaydin &amp; Kaynak 1998, CC BY 4.0,
     * doi:10.24432/C50P49), as distributed with scikit-learn; see digits-README.md beside the data.
     */
    public static Dataset digits() {
        try (InputStream raw = Dataset.class.getResourceAsStream("digits.csv.gz")) {
            if (raw == null) {
                throw new IllegalStateException("the digits data is missing from neuro-lib's resources");
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw),
                    StandardCharsets.US_ASCII));
            List<double[]> x = new ArrayList<>();
            List<Integer> y = new ArrayList<>();
            for (String line; (line = in.readLine()) != null; ) {
                String[] cells = line.split(",");
                double[] pixels = new double[cells.length - 1];
                for (int k = 0; k < pixels.length; k++) {
                    pixels[k] = Integer.parseInt(cells[k]) / 16.0;
                }
                x.add(pixels);
                y.add(Integer.parseInt(cells[cells.length - 1]));
            }
            return new Dataset("digits", x.toArray(new double[0][]), y.stream().mapToInt(Integer::intValue).toArray(),
                    10);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the digits data", e);
        }
    }

    /** The usual split of the digits: the first 1347 images to train on, the last 450 to test. */
    public static Dataset[] digitsSplit() {
        Dataset all = digits();
        return new Dataset[] {all.slice("train", 0, 1347), all.slice("test", 1347, all.size())};
    }
}
