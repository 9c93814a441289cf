package org.neuromorph.kernel.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.neuromorph.kernel.Log;
import org.neuromorph.kernel.SessionFiles;
import org.neuromorph.kernel.protocol.Kernel;
import org.neuromorph.kernel.wire.ConnectionInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code neuromorph kernel --connection-file F}: what a front end starts, via the kernelspec. */
@Command(name = "kernel", mixinStandardHelpOptions = true,
        description = "Run the Jupyter kernel on the sockets a connection file names.")
final class KernelCommand implements Callable<Integer> {
    @Option(names = {"-f", "--connection-file"}, required = true, paramLabel = "FILE",
            description = "the JSON connection file written by the Jupyter front end")
    Path connectionFile;

    @Option(names = "--language", defaultValue = "java", paramLabel = "LANG",
            description = "language of the cells: java or kotlin (default ${DEFAULT-VALUE})")
    String language;

    @Option(names = "--debug", description = "log every message type to stderr")
    boolean debug;

    @Override
    public Integer call() {
        Log.init();
        Log.debug(debug);
        SessionFiles.sweepInBackground();
        // before anything that loads JShell's classes, so a JRE gets a message rather than a NoClassDefFoundError
        String missing = JdkCheck.missing();
        if (missing != null) {
            System.err.println("neuromorph kernel: " + missing);
            return 2;
        }
        KernelLanguage chosen = KernelLanguage.of(language);
        if (chosen == null) {
            System.err.println("neuromorph kernel: unknown language '" + language + "'; use --language java or kotlin");
            return 2;
        }
        ConnectionInfo info;
        try {
            info = ConnectionInfo.read(connectionFile);
        } catch (IllegalArgumentException e) {
            System.err.println("neuromorph kernel: " + e.getMessage());
            return 2;
        }
        ParentWatch.start();
        try {
            new Kernel(info, Main.version(), chosen.info.apply(Main.version()), chosen.evaluator).run();
        } catch (IllegalStateException e) {
            Log.error("kernel stopped: " + e.getMessage(), null);
            return 1;
        }
        return 0;
    }
}
