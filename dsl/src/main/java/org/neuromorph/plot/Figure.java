package org.neuromorph.plot;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Base64;
import javax.imageio.ImageIO;

/**
 * A figure drawn from data: a PNG image (shown inline by every notebook viewer, no JavaScript needed) and a text
 * summary for consoles. Save it with {@link #savePng}.
 */
public final class Figure {
    private final String title;
    private final String summary;
    private final BufferedImage image;

    Figure(String title, String summary, BufferedImage image) {
        this.title = title;
        this.summary = summary;
        this.image = image;
    }

    public String title() {
        return title;
    }

    public int width() {
        return image.getWidth();
    }

    public int height() {
        return image.getHeight();
    }

    /** The PNG encoding of the figure. */
    public byte[] png() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The PNG as base64, as a notebook's image/png output carries it. */
    public String pngBase64() {
        return Base64.getEncoder().encodeToString(png());
    }

    public Figure savePng(Path file) {
        org.neuromorph.data.AtomicFiles.write(file, "the figure", png());
        return this;
    }

    @Override
    public String toString() {
        return title + " (" + summary + ")";
    }
}
