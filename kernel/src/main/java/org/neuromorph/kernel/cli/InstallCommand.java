package org.neuromorph.kernel.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code neuromorph install}: writes the kernelspecs where {@code jupyter kernelspec install} would, both
 * "Neuromorph (Java)" and "Neuromorph (Kotlin)" unless one language is chosen.
 */
@Command(name = "install", mixinStandardHelpOptions = true,
        description = "Install the \"Neuromorph (Java)\" and \"Neuromorph (Kotlin)\" kernelspecs "
                + "(replacing earlier installs of the same names).")
final class InstallCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    LanguageOption language = new LanguageOption();

    @Option(names = "--name", description = "kernelspec name (default neuromorph-LANG; needs one --language)")
    String name;

    @Option(names = "--display-name", description = "name shown in Jupyter (default \"Neuromorph (Java)\" or "
            + "\"Neuromorph (Kotlin)\"; needs one --language)")
    String displayName;

    @picocli.CommandLine.Mixin
    CommandLineLocation location = new CommandLineLocation();

    @Option(names = "--jvm-option", paramLabel = "OPT", description = "an option for the kernel's JVM (repeatable)")
    List<String> jvmOptions = new ArrayList<>();

    @Option(names = "--jvm-opts", paramLabel = "\"OPTS\"", description = "options for the kernel's JVM in one "
            + "string, e.g. \"-Xmx8g -XX:+UseG1GC\" (also read from the NEUROMORPH_JVM_OPTS environment variable)")
    String jvmOpts;

    /** Ours, minus those the user's replace, then the user's (from the environment, --jvm-opts, --jvm-option). */
    List<String> effectiveJvmOptions() {
        List<String> user = new ArrayList<>();
        for (String source : new String[] {System.getenv("NEUROMORPH_JVM_OPTS"), jvmOpts}) {
            if (source != null && !source.isBlank()) {
                user.addAll(List.of(source.trim().split("\\s+")));
            }
        }
        user.addAll(jvmOptions);
        boolean ownCollector = user.stream().anyMatch(o -> o.matches("-XX:\\+Use\\w*GC"));
        boolean ownInitialHeap = user.stream().anyMatch(o -> o.startsWith("-Xms") || o.startsWith("-XX:InitialHeapSize"));
        List<String> options = new ArrayList<>();
        for (String o : KernelJvm.DEFAULT_OPTIONS) {
            boolean replaced = o.startsWith("-XX:+Use") ? ownCollector : o.startsWith("-Xms") && ownInitialHeap;
            if (!replaced) {
                options.add(o);
            }
        }
        options.addAll(user);
        return options;
    }

    @Option(names = "--no-class-archive", description = "skip the class-data-sharing archive that makes kernels "
            + "start faster (it takes some seconds per language to build)")
    boolean noClassArchive;

    @Override
    public Integer call() throws IOException {
        String missing = JdkCheck.missing();
        if (missing != null) {
            System.err.println("neuromorph install: " + missing);
            return 2;
        }
        List<KernelLanguage> languages = language.chosen("install");
        if (languages == null) {
            return 2;
        }
        if (languages.size() > 1 && (name != null || displayName != null)) {
            System.err.println("neuromorph install: --name and --display-name name one kernelspec; "
                    + "add --language java or --language kotlin");
            return 2;
        }
        Path jar = CommandLineLocation.runningJar();
        if (jar == null) {
            System.err.println("neuromorph install: run this from the jar (java -jar neuromorph.jar install)");
            return 2;
        }
        for (KernelLanguage lang : languages) {
            install(jar, lang.id, name != null ? name : lang.kernelspecName(),
                    displayName != null ? displayName : lang.displayName);
        }
        return 0;
    }

    private void install(Path jar, String lang, String specName, String shownName) throws IOException {
        Path dir = location.kernelsDir().resolve(specName);
        if (Files.exists(dir)) {
            CommandLineLocation.deleteTree(dir);
        }
        Files.createDirectories(dir);
        ObjectMapper json = new ObjectMapper();
        ObjectNode spec = json.createObjectNode();
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        List<String> arguments = new ArrayList<>();
        if (!noClassArchive) {
            Path archive = dir.resolve("classes.jsa");
            if (buildClassArchive(javaCommand, jar, lang, archive, effectiveJvmOptions())) {
                // an archive that no longer matches the jar (rebuilt since) is ignored quietly
                arguments.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto",
                        "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
            }
        }
        arguments.addAll(effectiveJvmOptions());
        arguments.addAll(List.of("-jar", jar.toString(), "kernel", "--language", lang,
                "--connection-file", "{connection_file}"));
        ArrayNode argv = spec.putArray("argv");
        KernelJvm.launch(javaCommand, arguments).forEach(argv::add);
        spec.put("display_name", shownName);
        spec.put("language", lang);
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
        System.out.println("Installed kernelspec " + specName + " (\"" + shownName + "\") in " + dir);
    }

    /** Runs the warm-up under -XX:ArchiveClassesAtExit; false (with the reason on stderr) if no archive came of it. */
    private static boolean buildClassArchive(String javaCommand, Path jar, String lang, Path archive,
            List<String> jvmOptions) {
        try {
            // the kernel's own options, so the archive is made under the collector it will be used with
            List<String> command = new ArrayList<>(List.of(javaCommand,
                    "-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", jar.toString(), "warm-up", "--language", lang));
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                System.err.println("neuromorph install: the class archive for " + lang + " took too long; skipped");
                return false;
            }
            if (p.exitValue() != 0 || !Files.isRegularFile(archive)) {
                System.err.println("neuromorph install: no class archive for " + lang + " (warm-up exit code "
                        + p.exitValue() + "); the kernel starts without it");
                return false;
            }
            return true;
        } catch (IOException e) {
            System.err.println("neuromorph install: no class archive for " + lang + ": " + e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
