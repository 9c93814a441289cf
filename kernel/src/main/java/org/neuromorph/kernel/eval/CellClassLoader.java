package org.neuromorph.kernel.eval;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.HashMap;
import java.util.Map;

/**
 * A loader of the classes cells compiled, defined from the class files the compiler handed over when first asked for
 * (a file is forgotten once its class is defined), and of the jars cells add. A cell's classes are never asked of the
 * parents first, as loaders do: each parallel-capable loader up the chain would keep a lock object per name, for
 * good. Not registered as parallel capable itself, for the same reason: a session defines a class per declaration.
 */
abstract class CellClassLoader extends URLClassLoader {
    private final Map<String, byte[]> declared = new HashMap<>();

    CellClassLoader(String name, ClassLoader parent) {
        super(name, new URL[0], parent);
    }

    /** A class to define when first asked for; kept in the archive from now, used or not (see there). */
    synchronized void declare(String name, byte[] classFile) {
        declared.put(name, classFile);
        CellClassArchive.SESSION.keep(name, classFile);
    }

    /**
     * Where a class that is neither loaded nor declared here comes from: another loader of cells, the jars, the
     * parents.
     */
    abstract Class<?> elsewhere(String name) throws ClassNotFoundException;

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        Class<?> type;
        synchronized (this) {
            type = findLoadedClass(name);
            if (type == null && declared.containsKey(name)) {
                type = findClass(name);
            }
        }
        if (type == null) {
            type = elsewhere(name);
        }
        if (resolve) {
            resolveClass(type);
        }
        return type;
    }

    /** The parents' way, for classes that are not cells'. */
    Class<?> fromParents(String name) throws ClassNotFoundException {
        return super.loadClass(name, false);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes;
        synchronized (this) {
            bytes = declared.remove(name);
        }
        return bytes == null ? super.findClass(name) : defineClass(name, bytes, 0, bytes.length);
    }
}
