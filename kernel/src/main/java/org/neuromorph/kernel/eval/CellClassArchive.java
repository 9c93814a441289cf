package org.neuromorph.kernel.eval;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The class files of the session's cells, kept from when the compiler hands them over (a class that only an executor
 * loads is never defined here), so that code a cell compiled can run in other JVMs (a sweep's Spark executors load them
 * from the kernel: {@link KernelCellCode}). Cells' class names are unique in a session. Bounded: past
 * {@link #MAX_BYTES} the oldest go (a cell class that old, asked for by an executor, is named in its
 * ClassNotFoundException; running its cell again brings it back), so a day of cells cannot grow the heap without end.
 */
final class CellClassArchive {
    /** A few thousand cells' worth: a typical cell compiles to one to three classes of 1 to 4 KB. */
    static final long MAX_BYTES = 16L << 20;
    static final CellClassArchive SESSION = new CellClassArchive(MAX_BYTES);

    private final long maxBytes;
    /** Binary name to class file, oldest first. */
    private final LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
    private long bytes;

    CellClassArchive(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    synchronized void keep(String binaryName, byte[] classFile) {
        byte[] previous = files.put(binaryName, classFile);
        bytes += classFile.length - (previous == null ? 0 : previous.length);
        for (Iterator<byte[]> oldest = files.values().iterator(); bytes > maxBytes && oldest.hasNext(); ) {
            bytes -= oldest.next().length;
            oldest.remove();
        }
    }

    /** The class file of a cell class by its binary name, or null (not a cell class, or forgotten). */
    synchronized byte[] classFile(String binaryName) {
        return files.get(binaryName);
    }

    synchronized Map<String, byte[]> all() {
        return new LinkedHashMap<>(files);
    }
}
