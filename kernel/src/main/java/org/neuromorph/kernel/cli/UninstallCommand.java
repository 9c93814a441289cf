package org.neuromorph.kernel.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code neuromorph uninstall}: removes the kernelspecs that {@code install} wrote. */
@Command(name = "uninstall", mixinStandardHelpOptions = true, description = "Remove the Neuromorph kernelspecs.")
final class UninstallCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    LanguageOption language = new LanguageOption();

    @Option(names = "--name", description = "kernelspec name (default: neuromorph-java and neuromorph-kotlin)")
    String name;

    @picocli.CommandLine.Mixin
    CommandLineLocation location = new CommandLineLocation();

    @Override
    public Integer call() throws IOException {
        List<KernelLanguage> languages = language.chosen("uninstall");
        if (languages == null) {
            return 2;
        }
        List<String> names = name != null ? List.of(name)
                : languages.stream().map(KernelLanguage::kernelspecName).toList();
        int removed = 0;
        for (String specName : names) {
            Path dir = location.kernelsDir().resolve(specName);
            if (Files.exists(dir.resolve("kernel.json"))) {
                CommandLineLocation.deleteTree(dir);
                System.out.println("Removed kernelspec " + specName + " from " + dir);
                removed++;
            }
        }
        if (removed == 0) {
            System.err.println("neuromorph uninstall: no kernelspec " + String.join(" or ", names) + " in "
                    + location.kernelsDir());
            return 1;
        }
        return 0;
    }
}
