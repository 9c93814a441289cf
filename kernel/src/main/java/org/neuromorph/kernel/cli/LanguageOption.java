package org.neuromorph.kernel.cli;

import java.util.List;
import picocli.CommandLine.Option;

/** The --language option install and uninstall share. */
final class LanguageOption {
    @Option(names = "--language", defaultValue = "all", paramLabel = "LANG",
            description = "java, kotlin or all (default ${DEFAULT-VALUE})")
    String value;

    /** The languages chosen, or null after telling the user the value is unknown. */
    List<KernelLanguage> chosen(String command) {
        List<KernelLanguage> languages = KernelLanguage.chosen(value);
        if (languages == null) {
            System.err.println("neuromorph " + command + ": unknown --language '" + value + "'; use java, kotlin or all");
        }
        return languages;
    }
}
