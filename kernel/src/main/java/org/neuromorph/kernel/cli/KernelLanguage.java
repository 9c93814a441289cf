package org.neuromorph.kernel.cli;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.neuromorph.kernel.eval.Evaluator;
import org.neuromorph.kernel.eval.JShellEvaluator;
import org.neuromorph.kernel.eval.KotlinEvaluator;
import org.neuromorph.kernel.protocol.LanguageInfo;

/** The languages the jar serves: each one's evaluator, kernel_info and kernelspec name, in one place. */
enum KernelLanguage {
    JAVA("java", "Neuromorph (Java)", JShellEvaluator::new, LanguageInfo::java),
    KOTLIN("kotlin", "Neuromorph (Kotlin)", KotlinEvaluator::new, LanguageInfo::kotlin);

    final String id;
    final String displayName;
    final Supplier<Evaluator> evaluator;
    final Function<String, LanguageInfo> info;

    KernelLanguage(String id, String displayName, Supplier<Evaluator> evaluator, Function<String, LanguageInfo> info) {
        this.id = id;
        this.displayName = displayName;
        this.evaluator = evaluator;
        this.info = info;
    }

    String kernelspecName() {
        return "neuromorph-" + id;
    }

    /** The language a --language value names, or null. */
    static KernelLanguage of(String id) {
        for (KernelLanguage language : values()) {
            if (language.id.equals(id)) {
                return language;
            }
        }
        return null;
    }

    /** The languages an install/uninstall --language value names ("all" is every one), or null for none. */
    static List<KernelLanguage> chosen(String option) {
        if (option.equals("all")) {
            return List.of(values());
        }
        KernelLanguage one = of(option);
        return one == null ? null : List.of(one);
    }
}
