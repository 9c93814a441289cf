package org.neuromorph.kernel.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.neuromorph.kernel.Log;
import org.neuromorph.kernel.SessionFiles;

/**
 * The class files of the session's cells, kept from when the compiler hands them over (a class that only an executor
 * loads is never defined here), so that code a cell compiled can run in other JVMs (a sweep's Spark executors load them
 * from the kernel: {@link KernelCellCode}). Cells' class names are unique in a session.
 * <p>
 * Kept in a temporary directory, not on the heap: every declaration compiles a class, and a day of cells held in
 * memory grew the kernel by half a kilobyte of heap per declaration (issue 26's soak declares 40,000). Bounded on
 * disk: past {@link #MAX_BYTES} the oldest files go (a cell class that old, asked for by an executor, is named in its
 * ClassNotFoundException; running its cell again brings it back). If the directory cannot be written the archive
 * says so once in the kernel log and keeps nothing more; only shipping cell code to other JVMs is affected.
 */
final class CellClassArchive {
    /** Hundreds of thousands of cells' worth: a cell compiles to one to three classes of 0.5 to 4 KB. */
    static final long MAX_BYTES = 256L << 20;
    static final CellClassArchive SESSION = new CellClassArchive(MAX_BYTES);

    private final long maxBytes;
    /** Made at the first class kept, deleted when the JVM exits. */
    private Path directory;
    private boolean failed;
    private long bytes;

    CellClassArchive(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    synchronized void keep(String binaryName, byte[] classFile) {
        if (failed) {
            return;
        }
        try {
            Path file = file(binaryName);
            long previous = Files.exists(file) ? Files.size(file) : 0;
            Files.write(file, classFile);
            bytes += classFile.length - previous;
            if (bytes > maxBytes) {
                dropOldest();
            }
        } catch (IOException | UncheckedIOException e) {
            failed = true;
            Log.warn("cell classes are no longer kept for other JVMs (Spark sweeps): " + e);
        }
    }

    /** The class file of a cell class by its binary name, or null (not a cell class, or forgotten). */
    synchronized byte[] classFile(String binaryName) {
        if (directory == null) {
            return null;
        }
        try {
            return Files.readAllBytes(directory.resolve(binaryName));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the kept class " + binaryName, e);
        }
    }

    /** Whether the class of this binary name is a cell class still kept. */
    synchronized boolean has(String binaryName) {
        return directory != null && Files.exists(directory.resolve(binaryName));
    }

    /** The binary names of the classes kept, oldest first. */
    synchronized List<String> names() {
        if (directory == null) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted(Comparator.comparing(CellClassArchive::modified))
                    .map(f -> f.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the kept cell classes in " + directory, e);
        }
    }

    /** One flat directory, files named by binary name: no folder per package to make or walk. */
    private Path file(String binaryName) throws IOException {
        if (directory == null) {
            directory = SessionFiles.directory("cell-archive");
            Path made = directory;
            Runtime.getRuntime().addShutdownHook(
                    new Thread(() -> SessionFiles.delete(made), "neuromorph-cell-archive-cleanup"));
        }
        return directory.resolve(binaryName);
    }

    /** Down to three quarters of the bound, oldest first: a rare event, so a listing by age will do. */
    private void dropOldest() throws IOException {
        for (String name : names()) {
            if (bytes <= maxBytes * 3 / 4) {
                return;
            }
            Path file = directory.resolve(name);
            bytes -= Files.size(file);
            Files.delete(file);
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE; // gone meanwhile: last
        }
    }
}
