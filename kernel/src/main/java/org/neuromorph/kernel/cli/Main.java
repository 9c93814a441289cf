package org.neuromorph.kernel.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar neuromorph.jar <subcommand>}: the kernel, and the commands that install its kernelspec. */
@Command(name = "neuromorph", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Neuromorph: a Jupyter kernel and DSL for neuromorphic-computing research.",
        subcommands = {KernelCommand.class, RunCommand.class, InstallCommand.class, UninstallCommand.class,
                WarmUpCommand.class, SparkJarsCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // exit explicitly: threads a cell started must not keep a finished kernel alive
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The project version, from the build. */
    public static String version() {
        try (InputStream in = Main.class.getResourceAsStream("/org/neuromorph/kernel/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"neuromorph " + version() + " (Java " + System.getProperty("java.version") + ")"};
        }
    }
}
