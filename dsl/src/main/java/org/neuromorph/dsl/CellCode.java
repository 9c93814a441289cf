package org.neuromorph.dsl;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a host that compiles cells (the kernel) tells an engine that runs cell code in other JVMs (a Spark
 * cluster's executors): the classes the cells compiled, which exist nowhere but in the host's memory, and the
 * earlier cells' variables a piece of cell code reads. A Java cell's variables are static fields of classes the
 * host made (the class of the cell that declared them, or a store of many), so another JVM that loads that class
 * sees them at their defaults unless given their values.
 */
public interface CellCode {
    /** Outside a kernel: code comes from the class path, and no variables belong to cells. */
    CellCode NONE = new CellCode() {
        @Override
        public void exportClasses(Path directory) {
        }

        @Override
        public Map<String, Map<String, Object>> variablesReadBy(Object code) {
            return Map.of();
        }
    };

    /**
     * Writes the class file of every cell class defined so far (and of the host's classes that cell code calls)
     * under {@code directory}, as {@code package/Name.class}, skipping those already there.
     */
    void exportClasses(Path directory);

    /**
     * The cells' variables that {@code code} (a lambda or an object written in a cell) reads, directly or through
     * the cells' methods and classes it calls: by the binary name of the class that holds each, then by field name,
     * with its value now.
     */
    Map<String, Map<String, Object>> variablesReadBy(Object code);
}
