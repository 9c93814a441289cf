package org.neuromorph.kernel.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.neuromorph.dsl.CellCode;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The kernel's cells' code for engines that run it in other JVMs ({@link CellCode}): their class files from the
 * {@link CellClassArchive}, with {@link CellGuard}, which guarded cell code calls; and the earlier cells' variables
 * a piece of cell code reads, found in its bytecode. A Java cell's variable is a static field of its cell's class or
 * of its generation's store ({@link JShellGenerations}; {@link CellBytecode}'s relinking points every generation's
 * code there), so reading it is a {@code getstatic} on a class the archive keeps: the scan follows the code from a lambda's body (or an object's methods) through
 * the cell methods and classes it calls, news and links to, and collects those; then the same for the code inside
 * the values it sends (see {@link #variablesReadBy}).
 */
public final class KernelCellCode implements CellCode {
    /** What guarded cell code calls back into, served beside the cells' classes. */
    private static final List<Class<?>> HOST_CLASSES = List.of(CellGuard.class, CellGuard.CellStopped.class);

    private final CellClassArchive archive;

    KernelCellCode(CellClassArchive archive) {
        this.archive = archive;
    }

    /** The session's cells. */
    public static CellCode session() {
        return new KernelCellCode(CellClassArchive.SESSION);
    }

    @Override
    public void exportClasses(Path directory) {
        try {
            for (String name : archive.names()) {
                writeIfAbsent(directory, name, () -> archive.classFile(name));
            }
            for (Class<?> host : HOST_CLASSES) {
                writeIfAbsent(directory, host.getName(), () -> hostClassFile(host));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the cells' classes to " + directory, e);
        }
    }

    /** Writes class {@code binaryName}'s file under {@code directory} unless an earlier sweep did. */
    private static void writeIfAbsent(Path directory, String binaryName, Supplier<byte[]> classFile)
            throws IOException {
        Path file = directory.resolve(binaryName.replace('.', '/') + ".class");
        byte[] bytes;
        if (!Files.exists(file) && (bytes = classFile.get()) != null) { // null: dropped from the archive meanwhile
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        }
    }

    private static byte[] hostClassFile(Class<?> host) {
        String resource = host.getName().replace('.', '/') + ".class";
        try (InputStream in = host.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the kernel's own " + resource + " is not on its class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the kernel's " + resource, e);
        }
    }

    /**
     * Follows the code from {@code code} (its lambda's method, or all of its class's) to the variables it reads,
     * then the code inside those variables' values (a rule whose lambdas a cell wrote reads the cell's variables in
     * turn) and inside what the body captures, until no new variable turns up: whatever cell code can run on an
     * executor has its variables sent.
     */
    @Override
    public Map<String, Map<String, Object>> variablesReadBy(Object code) {
        Scan scan = new Scan();
        ClassLoader loader = code.getClass().getClassLoader();
        Map<String, Map<String, Object>> variables = new LinkedHashMap<>();
        Deque<Object> values = new ArrayDeque<>(List.of(code));
        while (!values.isEmpty()) {
            codeInside(values.poll(), scan);
            scan.run();
            for (String[] read : scan.takeFieldsRead()) {
                String owner = read[0].replace('/', '.');
                try {
                    Field field = Class.forName(owner, false, loader).getDeclaredField(read[1]);
                    if (Modifier.isStatic(field.getModifiers()) && !Modifier.isFinal(field.getModifiers())) {
                        field.setAccessible(true);
                        Object value = field.get(null);
                        variables.computeIfAbsent(owner, o -> new LinkedHashMap<>()).put(read[1], value);
                        if (value != null) {
                            values.add(value);
                        }
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read the cell variable " + read[1] + " of " + owner
                            + ": " + e, e);
                }
            }
        }
        return variables;
    }

    /**
     * Queues the cell code inside {@code value}'s object graph as serialisation would walk it: each serializable
     * lambda's method and each cell class's methods. What cannot be serialised is left for the engine to name.
     */
    private void codeInside(Object value, Scan scan) {
        try (ObjectOutputStream walk = new ObjectOutputStream(OutputStream.nullOutputStream()) {
            {
                enableReplaceObject(true);
            }

            @Override
            protected Object replaceObject(Object object) {
                // a lambda comes here as its writeReplace made it
                if (object instanceof SerializedLambda lambda) {
                    scan.method(lambda.getImplClass(), lambda.getImplMethodName(), lambda.getImplMethodSignature());
                } else if (object != null) {
                    scan.wholeClass(object.getClass().getName().replace('.', '/'));
                }
                return object;
            }
        }) {
            walk.writeObject(value);
        } catch (IOException e) {
            // not serializable: the engine names it when it packs the experiment
        }
    }

    /** The walk over cell code: methods to visit (owner, name, descriptor; a null name: all of the owner's). */
    private final class Scan {
        private final Deque<String[]> todo = new ArrayDeque<>();
        private final Set<String> seen = new HashSet<>();
        private final Set<String[]> fieldsRead = new LinkedHashSet<>();
        private final Set<String> fieldKeys = new HashSet<>();

        void method(String owner, String name, String descriptor) {
            if (archive.has(owner.replace('/', '.')) && seen.add(owner + "." + name + descriptor)) {
                todo.add(new String[] {owner, name, descriptor});
            }
        }

        void wholeClass(String owner) {
            method(owner, null, null);
        }

        /** The fields read since the last call. */
        List<String[]> takeFieldsRead() {
            List<String[]> taken = List.copyOf(fieldsRead);
            fieldsRead.clear();
            return taken;
        }

        void run() {
            while (!todo.isEmpty()) {
                String[] next = todo.poll();
                byte[] classFile = archive.classFile(next[0].replace('/', '.'));
                new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
                    @Override
                    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                            String[] exceptions) {
                        boolean wanted = next[1] == null || (next[1].equals(name) && next[2].equals(descriptor));
                        return wanted ? new Reader() : null;
                    }
                }, ClassReader.SKIP_DEBUG);
            }
        }

        private final class Reader extends MethodVisitor {
            Reader() {
                super(Opcodes.ASM9);
            }

            @Override
            public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
                if (opcode == Opcodes.GETSTATIC && archive.has(owner.replace('/', '.'))
                        && fieldKeys.add(owner + "." + name)) {
                    fieldsRead.add(new String[] {owner, name});
                }
            }

            @Override
            public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean itf) {
                method(owner, name, descriptor);
            }

            @Override
            public void visitTypeInsn(int opcode, String type) {
                if (opcode == Opcodes.NEW) {
                    wholeClass(type);
                }
            }

            @Override
            public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
                for (Object argument : arguments) {
                    if (argument instanceof Handle h) {
                        method(h.getOwner(), h.getName(), h.getDesc());
                    }
                }
            }
        }
    }
}
