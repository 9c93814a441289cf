package org.neuromorph.kernel.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code neuromorph install}: writes the kernelspec where {@code jupyter kernelspec install} would. */
@Command(name = "install", mixinStandardHelpOptions = true,
        description = "Install the \"Neuromorph (Java)\" kernelspec (replaces an earlier install of the same name).")
final class InstallCommand implements Callable<Integer> {
    @Option(names = "--name", defaultValue = "neuromorph-java", description = "kernelspec name (default ${DEFAULT-VALUE})")
    String name;

    @Option(names = "--display-name", defaultValue = "Neuromorph (Java)", description = "name shown in Jupyter")
    String displayName;

    @picocli.CommandLine.Mixin
    CommandLineLocation location = new CommandLineLocation();

    @Option(names = "--jvm-option", paramLabel = "OPT", description = "an option for the kernel's JVM (repeatable)")
    java.util.List<String> jvmOptions = new java.util.ArrayList<>();

    @Override
    public Integer call() throws IOException {
        Path dir = location.kernelsDir().resolve(name);
        Path jar = CommandLineLocation.runningJar();
        if (jar == null) {
            System.err.println("neuromorph install: run this from the jar (java -jar neuromorph.jar install)");
            return 2;
        }
        if (Files.exists(dir)) {
            CommandLineLocation.deleteTree(dir);
        }
        Files.createDirectories(dir);
        ObjectMapper json = new ObjectMapper();
        ObjectNode spec = json.createObjectNode();
        ArrayNode argv = spec.putArray("argv");
        argv.add(ProcessHandle.current().info().command().orElse("java"));
        // lets the kernel refuse System.exit from cells on JVMs after 17 (see ExitGuard)
        argv.add("-Djava.security.manager=allow");
        jvmOptions.forEach(argv::add);
        argv.add("-jar").add(jar.toString()).add("kernel").add("--connection-file").add("{connection_file}");
        spec.put("display_name", displayName);
        spec.put("language", "java");
        spec.put("interrupt_mode", "message");
        spec.putObject("metadata").put("debugger", false);
        Files.writeString(dir.resolve("kernel.json"), json.writerWithDefaultPrettyPrinter().writeValueAsString(spec));
        for (String logo : new String[] {"logo-32x32.png", "logo-64x64.png"}) {
            try (InputStream in = InstallCommand.class.getResourceAsStream("/org/neuromorph/kernel/kernelspec/" + logo)) {
                if (in == null) {
                    throw new IOException("logo " + logo + " is missing from the jar");
                }
                Files.copy(in, dir.resolve(logo), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        System.out.println("Installed kernelspec " + name + " (\"" + displayName + "\") in " + dir);
        return 0;
    }
}
