package org.neuromorph.kernel.magic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

/**
 * {@code %maven group:artifact:version}: resolves an artifact and its runtime dependencies from Maven Central with
 * Maven's own resolver, caching them in the local Maven repository (~/.m2/repository, as Maven does), so a second
 * kernel finds them there without the network. The repository can be changed with
 * {@code -Dneuromorph.maven.repository=URL} (a mirror).
 */
final class Dependencies {
    static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

    private Dependencies() {
    }

    static String repositoryUrl() {
        return System.getProperty("neuromorph.maven.repository", CENTRAL);
    }

    static Path localRepository() {
        return Path.of(System.getProperty("neuromorph.maven.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
    }

    /** The jars of {@code coordinates} (group:artifact[:extension[:classifier]]:version) and everything it needs. */
    static List<Path> resolve(String coordinates) throws DependencyResolutionException {
        DefaultArtifact artifact = new DefaultArtifact(coordinates); // throws IllegalArgumentException when malformed
        RepositorySystem system = new RepositorySystemSupplier().get();
        try (RepositorySystemSession.CloseableSession session = new SessionBuilderSupplier(system).get()
                .withLocalRepositoryBaseDirectories(localRepository()).build()) {
            RemoteRepository remote = new RemoteRepository.Builder("central", "default", repositoryUrl()).build();
            CollectRequest collect = new CollectRequest(new Dependency(artifact, JavaScopes.RUNTIME), List.of(remote));
            DependencyRequest request = new DependencyRequest(collect,
                    DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
            List<Path> jars = new ArrayList<>();
            for (ArtifactResult result : system.resolveDependencies(session, request).getArtifactResults()) {
                jars.add(result.getArtifact().getPath());
            }
            return jars;
        } finally {
            system.shutdown();
        }
    }
}
