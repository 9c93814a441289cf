package org.neuromorph.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reader of the IDX files MNIST and its relatives come in (plain or gzipped): an images file (magic 0x00000803,
 * unsigned bytes, count × rows × cols) and a labels file (magic 0x00000801). Pixels are scaled to [0, 1].
 */
public final class Idx {
    private Idx() {
    }

    /** Images and labels as a dataset of {@code classes} classes. */
    public static Dataset read(String name, Path images, Path labels, int classes) {
        double[][] x = readImages(images);
        int[] y = readLabels(labels);
        if (x.length != y.length) {
            throw new IllegalArgumentException(images + " has " + x.length + " images but " + labels + " has "
                    + y.length + " labels");
        }
        for (int label : y) {
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException(labels + " holds label " + label + ", outside 0.." + (classes - 1));
            }
        }
        return new Dataset(name, x, y, classes);
    }

    public static double[][] readImages(Path file) {
        try (DataInputStream in = open(file)) {
            expectMagic(in, 0x00000803, file, "images");
            int count = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            double[][] images = new double[count][rows * cols];
            byte[] buffer = new byte[rows * cols];
            for (int n = 0; n < count; n++) {
                in.readFully(buffer);
                for (int k = 0; k < buffer.length; k++) {
                    images[n][k] = (buffer[k] & 0xff) / 255.0;
                }
            }
            return images;
        } catch (EOFException e) {
            throw new IllegalArgumentException(file + " ends before the images its header announces (truncated?)");
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
    }

    public static int[] readLabels(Path file) {
        try (DataInputStream in = open(file)) {
            expectMagic(in, 0x00000801, file, "labels");
            int count = in.readInt();
            int[] labels = new int[count];
            for (int n = 0; n < count; n++) {
                labels[n] = in.readUnsignedByte();
            }
            return labels;
        } catch (EOFException e) {
            throw new IllegalArgumentException(file + " ends before the labels its header announces (truncated?)");
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file));
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        InputStream in = b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(raw) : raw;
        return new DataInputStream(new BufferedInputStream(in));
    }

    private static void expectMagic(DataInputStream in, int magic, Path file, String what) throws IOException {
        int found = in.readInt();
        if (found != magic) {
            throw new IllegalArgumentException(file + " is not an IDX " + what + " file (magic "
                    + String.format("0x%08x", found) + ", expected " + String.format("0x%08x", magic) + ")");
        }
    }
}
