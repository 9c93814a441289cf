package org.neuromorph.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neuromorph.dsl.Sweep;

/**
 * An experiment as bytes for executors, with the values of the cells' variables it reads. Packed by the engine, so
 * that what cannot go is named before any task starts; opened on an executor with the loader that sees the cells'
 * classes (the task's context loader), where each variable is set into its field before the experiment runs.
 */
final class Shipment implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String WHAT_MAY_GO = "A sweep body may capture numbers, strings, arrays, lists and maps of "
            + "them, records and classes that implement Serializable, and the library's quantities (ms(20), Hz(5)); "
            + "build anything else (rules, devices, networks, crossbars, monitors, tables) inside the body. In Kotlin, "
            + "a body that calls a cell's function or reads a cell's val captures that cell's script object, which "
            + "cannot go: declare what the body needs in an object (object Experiment { fun run(p: Sweep.Point) = "
            + "... }).";

    private final Sweep.Experiment experiment;
    /** The cells' variables it reads: binary name of the class that holds each, field name, value. */
    private final Map<String, Map<String, Object>> variables;

    private Shipment(Sweep.Experiment experiment, Map<String, Map<String, Object>> variables) {
        this.experiment = experiment;
        this.variables = variables;
    }

    /**
     * The experiment and the variables it reads, as bytes; when something in them cannot be serialised, the parts
     * are tried one by one to name it (the experiment's capture, or which variable).
     */
    static byte[] pack(Sweep.Experiment experiment, Map<String, Map<String, Object>> variables) {
        try {
            return bytes(new Shipment(experiment, new LinkedHashMap<>(variables)));
        } catch (NotSerializableException whole) {
            for (var owner : variables.values()) {
                for (var variable : owner.entrySet()) {
                    try {
                        bytes(variable.getValue());
                    } catch (NotSerializableException e) {
                        throw new IllegalArgumentException("the sweep body reads the variable '" + variable.getKey()
                                + "' of an earlier cell, a " + variable.getValue().getClass().getName() + ", which "
                                + "cannot be sent to Spark's executors (" + e.getMessage() + " is not Serializable). "
                                + WHAT_MAY_GO, e);
                    }
                }
            }
            throw new IllegalArgumentException("the sweep body cannot be sent to Spark's executors: it captures a "
                    + whole.getMessage() + ", which is not Serializable. " + WHAT_MAY_GO, whole);
        }
    }

    /** Refuses, by name, a parameter value that cannot go to executors (each run's point travels with its task). */
    static void checkParameters(List<Sweep.Point> points) {
        Set<Object> checked = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Sweep.Point point : points) {
            for (var parameter : point.parameters().entrySet()) {
                if (!checked.add(parameter.getValue())) {
                    continue; // a grid's points share their values
                }
                try {
                    bytes(parameter.getValue());
                } catch (NotSerializableException e) {
                    throw new IllegalArgumentException("the sweep's parameter '" + parameter.getKey() + "' has a value "
                            + "(" + parameter.getValue() + ") that cannot be sent to Spark's executors: "
                            + e.getMessage() + " is not Serializable. Sweep over what builds it (a name, a number) "
                            + "and build it inside the body.", e);
                }
            }
        }
    }

    /** The experiment, after setting the variables it reads in the classes {@code loader} gives. */
    static Sweep.Experiment open(byte[] packed, ClassLoader loader) {
        Shipment shipment;
        try (ObjectInputStream in = new LoaderInputStream(new ByteArrayInputStream(packed), loader)) {
            shipment = (Shipment) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("an executor could not read the sweep's experiment: " + e, e);
        }
        for (var owner : shipment.variables.entrySet()) {
            try {
                Class<?> holder = Class.forName(owner.getKey(), true, loader);
                for (var variable : owner.getValue().entrySet()) {
                    Field field = holder.getDeclaredField(variable.getKey());
                    if (Modifier.isStatic(field.getModifiers()) && !Modifier.isFinal(field.getModifiers())) {
                        field.setAccessible(true);
                        field.set(null, variable.getValue());
                    }
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("an executor could not set the cells' variables the sweep reads ("
                        + owner.getKey() + "): " + e, e);
            }
        }
        return shipment.experiment;
    }

    private static byte[] bytes(Object value) throws NotSerializableException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(buffer)) {
            out.writeObject(value);
        } catch (NotSerializableException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalArgumentException("the sweep cannot be serialised: " + e, e);
        }
        return buffer.toByteArray();
    }

    /** Resolves classes with the given loader (the cells' classes are not in this module's loader). */
    private static final class LoaderInputStream extends ObjectInputStream {
        private final ClassLoader loader;

        LoaderInputStream(InputStream in, ClassLoader loader) throws IOException {
            super(in);
            this.loader = loader;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass description) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(description.getName(), false, loader);
            } catch (ClassNotFoundException e) {
                return super.resolveClass(description);
            }
        }
    }
}
