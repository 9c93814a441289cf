package org.neuromorph.kernel.magic;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.neuromorph.dsl.Cells;

/**
 * The kernel's optional modules, loaded on first use so that a session that never needs one never pays for it (the
 * Spark engine's 220 MB of jars; issue 29). A module's own classes are in the kernel's jar; the large library it
 * runs on is resolved from the local Maven repository (which install/install.sh fills, so this works offline) and
 * loaded in a loader of its own, its classes before the kernel's (Spark wants its own Jackson, Scala and logging),
 * except the JDK's and Neuromorph's, which both sides must share. The DSL asks through
 * {@link Cells#optionalModule}.
 */
public final class OptionalModules {
    /** Module name to the resource in the kernel's jar that names what it runs on ({@code coordinates=g:a:v}). */
    private static final Map<String, String> DESCRIPTORS = Map.of("spark", "org/neuromorph/spark/spark.properties");
    private static final Map<String, ClassLoader> LOADED = new HashMap<>();

    private OptionalModules() {
    }

    /** Has the DSL find modules here. */
    public static void install() {
        Cells.optionalModules(OptionalModules::loader);
    }

    static synchronized ClassLoader loader(String name) {
        return LOADED.computeIfAbsent(name, OptionalModules::load);
    }

    private static ClassLoader load(String name) {
        List<URL> urls = new ArrayList<>();
        for (Path jar : jars(name)) {
            try {
                urls.add(jar.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalStateException("the jar " + jar + " has no URL: " + e, e);
            }
        }
        return new ModuleLoader(name, urls.toArray(URL[]::new), OptionalModules.class.getClassLoader());
    }

    /**
     * The jars of what module {@code name} runs on, with their dependencies, from the local Maven repository (or
     * fetched into it): for Spark, the same jars a standalone master and workers can run from
     * ({@code neuromorph spark-jars}).
     */
    public static List<Path> jars(String name) {
        String descriptor = DESCRIPTORS.get(name);
        if (descriptor == null) {
            throw new IllegalArgumentException("no optional module '" + name + "'; there are " + DESCRIPTORS.keySet());
        }
        String coordinates;
        try (InputStream in = OptionalModules.class.getClassLoader().getResourceAsStream(descriptor)) {
            if (in == null) {
                throw new IllegalStateException("the kernel was built without the " + name + " module (" + descriptor
                        + " is missing): rebuild with install/install.sh");
            }
            Properties properties = new Properties();
            properties.load(in);
            coordinates = properties.getProperty("coordinates");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + descriptor + ": " + e, e);
        }
        try {
            return Dependencies.resolve(coordinates);
        } catch (DependencyResolutionException e) {
            throw new IllegalStateException("the " + name + " module needs " + coordinates + ", which is not in "
                    + "~/.m2/repository and could not be fetched from " + Dependencies.repositoryUrl() + " ("
                    + e.getMessage() + "): run install/install.sh once with the network", e);
        }
    }

    /**
     * Its own jars first, then the kernel's; the JDK's classes and Neuromorph's from the kernel, so that the DSL's
     * types are one and the same on both sides. The module's classes ({@code org.neuromorph.<name>}) are defined
     * here from the kernel jar's class files, so they link against the module's library, not the kernel's.
     */
    private static final class ModuleLoader extends URLClassLoader {
        private final String ownPackage;

        ModuleLoader(String name, URL[] jars, ClassLoader kernel) {
            super("neuromorph-" + name, jars, kernel);
            this.ownPackage = "org.neuromorph." + name + ".";
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> type = findLoadedClass(name);
                if (type == null) {
                    if (name.startsWith(ownPackage)) {
                        type = defineFromKernel(name);
                    } else if (name.startsWith("java.") || name.startsWith("org.neuromorph.")) {
                        type = getParent().loadClass(name);
                    } else {
                        try {
                            type = findClass(name);
                        } catch (ClassNotFoundException e) {
                            type = getParent().loadClass(name);
                        }
                    }
                }
                if (resolve) {
                    resolveClass(type);
                }
                return type;
            }
        }

        private Class<?> defineFromKernel(String name) throws ClassNotFoundException {
            try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                if (in == null) {
                    throw new ClassNotFoundException(name);
                }
                byte[] bytes = in.readAllBytes();
                return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }

        @Override
        public URL getResource(String name) {
            URL own = findResource(name);
            return own != null ? own : getParent().getResource(name);
        }

        /** Service files from the module's jars alone: the kernel's name providers (slf4j-nop) of its own API. */
        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            if (name.startsWith("META-INF/services/")) {
                return findResources(name);
            }
            List<URL> all = Collections.list(findResources(name));
            all.addAll(Collections.list(getParent().getResources(name)));
            return Collections.enumeration(all);
        }
    }
}
