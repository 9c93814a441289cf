package org.neuromorph.kernel.magic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.neuromorph.kernel.eval.Evaluator;

/** {@code %maven group:artifact:version...}: resolves each with its dependencies and adds the jars. */
record MavenMagic(ClassPathAdditions added) implements Magic {
    @Override
    public Evaluator.Outcome run(Call call) {
        if (call.argument().isEmpty()) {
            return Magic.usage("%maven", "name an artifact: %maven org.apache.commons:commons-text:1.12.0");
        }
        List<Path> jars = new ArrayList<>();
        for (String coordinates : call.argument().split("\\s+")) {
            try {
                jars.addAll(Dependencies.resolve(coordinates));
            } catch (IllegalArgumentException e) {
                return Magic.usage("%maven", "'" + coordinates + "' is not group:artifact:version (" + e.getMessage()
                        + ")");
            } catch (DependencyResolutionException e) {
                return new Evaluator.Failure("MavenError", "could not resolve " + coordinates + " from "
                        + Dependencies.repositoryUrl() + ": " + rootMessage(e) + ". Check the coordinates and the "
                        + "network (offline, only what ~/.m2/repository holds resolves); a jar you have can be "
                        + "added with %classpath add PATH. Nothing was added.", List.of("MavenError: could not "
                        + "resolve " + coordinates));
            }
        }
        return added.add(jars, call.evaluator());
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.getMessage() : e.getMessage() + " (" + root.getMessage() + ")";
    }
}
