package org.neuromorph.kernel.eval;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The jars and class directories cells added ({@code %classpath}, {@code %maven}): one loader, the parent of all of a
 * session's cell loaders, so that every generation sees them. Not registered as parallel capable, as
 * {@link CellClassLoader} is not.
 */
final class CellJars extends URLClassLoader {
    private final Set<String> added = new HashSet<>();

    CellJars(String name, ClassLoader parent) {
        super(name, new URL[0], parent);
    }

    /** Adds {@code entry} unless added before (each generation's JShell hands the whole class path over again). */
    synchronized void add(Path entry) throws MalformedURLException {
        URL url = entry.toUri().toURL();
        if (added.add(url.toString())) {
            addURL(url);
        }
    }
}
