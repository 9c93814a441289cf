package org.neuromorph.kernel.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kotlin.KotlinVersion;

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

    void writeTo(ObjectNode content) {
        ObjectNode info = content.putObject("language_info");
        info.put("name", name);
        info.put("version", version);
        info.put("mimetype", mimetype);
        info.put("file_extension", fileExtension);
        info.put("codemirror_mode", codemirrorMode);
        info.put("pygments_lexer", pygmentsLexer);
        // clients copy language_info into the notebook's metadata: what a reviewer needs to rerun it
        ObjectNode provenance = info.putObject("neuromorph");
        provenance.put("library_version", kernelVersion);
        provenance.put("kernel", "Neuromorph (" + (name.equals("java") ? "Java" : "Kotlin") + ")");
        provenance.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        provenance.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        provenance.put("seed_at_start", org.neuromorph.random.Seeds.base());
        provenance.put("started", java.time.Instant.now().toString());
        content.put("banner", banner);
    }
}
