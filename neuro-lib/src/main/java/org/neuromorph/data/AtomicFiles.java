package org.neuromorph.data;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that a crash or an error never leaves a half-written one in its place: the content goes to a
 * temporary file beside the target, is forced to disk, and is moved over the target in one atomic rename. Used for
 * everything the library writes (saved networks, exported tables and figures).
 */
public final class AtomicFiles {
    /** Writes the content to the stream it is given (buffered; closed by {@link #write}). */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Writes {@code file} atomically; {@code what} names the content in the error ("the network", "the figure"). */
    public static Path write(Path file, String what, Content content) {
        Path absolute = file.toAbsolutePath();
        Path temporary = null;
        try {
            Path directory = absolute.getParent();
            Files.createDirectories(directory);
            temporary = Files.createTempFile(directory, "." + absolute.getFileName(), ".partial");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16)) {
                content.writeTo(out);
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return absolute;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + what + " to " + absolute + ": " + e.getMessage(), e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // the move succeeded or the write failed; either way the error, if any, is already reported
                }
            }
        }
    }

    /** {@link #write} of bytes already in memory. */
    public static Path write(Path file, String what, byte[] bytes) {
        return write(file, what, out -> out.write(bytes));
    }
}
