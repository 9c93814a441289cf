package org.neuromorph.kernel.cli;

import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.neuromorph.kernel.magic.OptionalModules;
import picocli.CommandLine.Command;

/**
 * {@code neuromorph spark-jars}: the class path of the Spark that sweeps run on, as the kernel resolves it, so a
 * standalone master and workers of the very same version can be started from it (docs/guide/sweeps.md).
 */
@Command(name = "spark-jars", description = "Print the class path of the Spark that sweeps use (to start a master "
        + "and workers of the same version).")
final class SparkJarsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.out.println(OptionalModules.jars("spark").stream().map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator)));
        return 0;
    }
}
