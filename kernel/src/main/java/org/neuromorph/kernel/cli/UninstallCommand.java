package org.neuromorph.kernel.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code neuromorph uninstall}: removes a kernelspec that {@code install} wrote. */
@Command(name = "uninstall", mixinStandardHelpOptions = true, description = "Remove the Neuromorph kernelspec.")
final class UninstallCommand implements Callable<Integer> {
    @Option(names = "--name", defaultValue = "neuromorph-java", description = "kernelspec name (default ${DEFAULT-VALUE})")
    String name;

    @picocli.CommandLine.Mixin
    CommandLineLocation location = new CommandLineLocation();

    @Override
    public Integer call() throws IOException {
        Path dir = location.kernelsDir().resolve(name);
        if (!Files.exists(dir.resolve("kernel.json"))) {
            System.err.println("neuromorph uninstall: no kernelspec " + name + " in " + location.kernelsDir());
            return 1;
        }
        CommandLineLocation.deleteTree(dir);
        System.out.println("Removed kernelspec " + name + " from " + dir);
        return 0;
    }
}
