package org.neuromorph.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MNIST-style IDX files written here, read back plain and gzipped; malformed ones refused. */
class IdxTest {
    @TempDir
    Path dir;

    private void write(Path file, boolean gzip, int magic, int[] header, byte[] body) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
                DataOutputStream out = new DataOutputStream(gzip ? new GZIPOutputStream(raw) : raw)) {
            out.writeInt(magic);
            for (int h : header) {
                out.writeInt(h);
            }
            out.write(body);
        }
    }

    @Test
    void readsImagesAndLabelsPlainAndGzipped() throws IOException {
        byte[] pixels = {0, (byte) 255, 51, 102, (byte) 204, 0, 0, (byte) 255}; // two 2×2 images
        for (boolean gzip : new boolean[] {false, true}) {
            Path images = dir.resolve("images" + gzip + ".idx");
            Path labels = dir.resolve("labels" + gzip + ".idx");
            write(images, gzip, 0x803, new int[] {2, 2, 2}, pixels);
            write(labels, gzip, 0x801, new int[] {2}, new byte[] {7, 3});
            Dataset d = Idx.read("tiny", images, labels, 10);
            assertEquals(2, d.size());
            assertArrayEquals(new double[] {0, 1, 0.2, 0.4}, d.features()[0], 1e-12);
            assertArrayEquals(new int[] {7, 3}, d.labels());
        }
    }

    @Test
    void refusesOtherFilesAndTruncatedOnes() throws IOException {
        Path labels = dir.resolve("labels.idx");
        write(labels, false, 0x801, new int[] {2}, new byte[] {1, 2});
        var e = assertThrows(IllegalArgumentException.class, () -> Idx.readImages(labels));
        assertTrue(e.getMessage().contains("not an IDX images file"), e.getMessage());
        Path short_ = dir.resolve("short.idx");
        write(short_, false, 0x803, new int[] {5, 2, 2}, new byte[] {1, 2, 3});
        e = assertThrows(IllegalArgumentException.class, () -> Idx.readImages(short_));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }
}
