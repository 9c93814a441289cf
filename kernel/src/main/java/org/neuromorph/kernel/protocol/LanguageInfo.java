package org.neuromorph.kernel.protocol;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import kotlin.KotlinVersion;
import org.neuromorph.random.Seeds;

/** What kernel_info says about the language of a kernel's cells. */
public record LanguageInfo(String name, String version, String mimetype, String fileExtension,
                           String codemirrorMode, String pygmentsLexer, String banner, String kernelVersion) {

    public static LanguageInfo java(String kernelVersion) {
        String javaVersion = System.getProperty("java.version");
        return new LanguageInfo("java", javaVersion, "text/x-java", ".java", "text/x-java", "java",
                "Neuromorph " + kernelVersion + " (Java " + javaVersion + ", JShell)\n"
                        + "Neurons, networks, plasticity, devices and crossbars: "
                        + "import static org.neuromorph.dsl.Neuro.* is already done.", kernelVersion);
    }

    public static LanguageInfo kotlin(String kernelVersion) {
        String kotlinVersion = KotlinVersion.CURRENT.toString();
        return new LanguageInfo("kotlin", kotlinVersion, "text/x-kotlin", ".kt", "text/x-kotlin", "kotlin",
                "Neuromorph " + kernelVersion + " (Kotlin " + kotlinVersion + " scripting host, Java "
                        + System.getProperty("java.version") + ")\n"
                        + "Neurons, networks, plasticity, devices and crossbars: the DSL, its Kotlin builders and "
                        + "units (20.ms, (-65).mV) are already imported.", kernelVersion);
    }

    /** kernel_info's language_info, with what a reviewer needs to rerun a notebook (clients copy it into it). */
    Map<String, Object> asContent() {
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("library_version", kernelVersion);
        provenance.put("kernel", "Neuromorph (" + (name.equals("java") ? "Java" : "Kotlin") + ")");
        provenance.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        provenance.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        provenance.put("seed_at_start", Seeds.base());
        provenance.put("started", Instant.now().toString());
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("name", name);
        info.put("version", version);
        info.put("mimetype", mimetype);
        info.put("file_extension", fileExtension);
        info.put("codemirror_mode", codemirrorMode);
        info.put("pygments_lexer", pygmentsLexer);
        info.put("neuromorph", provenance);
        return info;
    }
}
