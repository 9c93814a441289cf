package org.neuromorph.kernel.eval;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.ref.WeakReference;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;
import jdk.jshell.spi.ExecutionControl.InternalException;
import org.neuromorph.kernel.Log;
import org.neuromorph.kernel.SessionFiles;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The Java evaluator's JShell generations. JShell keeps every snippet it compiled, and compiles each new one with an
 * import of every earlier declaration: over a long session its memory grows with the square of the declarations and
 * every cell compiles more slowly (issue 26's soak: 350 to 1,689 MiB and execute p99 31 to 155 ms in 10 minutes).
 * So after a bound of snippets the evaluator starts a fresh JShell and carries the session over, and what JShell kept
 * for the old snippets goes. What is carried, and how:
 * <ul>
 * <li>each generation defines its classes in a class loader of its own, under names of its own ({@code
 * REPL.$JShell$12} of generation 3 is {@code REPL.Cells3_12}), so generations never clash, objects keep their
 * classes, and a generation that nothing uses any more is unloaded whole. Cell classes' members are public
 * ({@link CellBytecode}), as a later generation is another runtime package;</li>
 * <li>a variable lives in one static field for good: the field of the wrapper that declared it while other code of
 * its generation (a lambda, a method, a class) uses that field, otherwise, from the end of its generation, the
 * field of that generation's <em>store</em> ({@code REPL.Store3}), where its value moves. So a generation of plain
 * declarations leaves one field per variable behind, not a class (issue 26's soak: 2 KB a variable).
 * Generated holder classes name the carried variables for the compiler, and {@link CellBytecode} sends every read
 * and write of a holder's fields to the real ones, so code of every generation, lambdas the library keeps included,
 * sees one variable. A generation imports only the carried variables its cells mention ({@link #importFor}): javac
 * reads every member of a statically imported class at each compile, and a holder of all of a day's variables made
 * every cell and completion slower;</li>
 * <li>types are imported from their generation (same classes: existing objects remain instances); methods, which
 * hold no state, are declared again from their source, so they follow later redefinitions as in JShell; imports
 * are made again.</li>
 * </ul>
 * Not carried: JShell's result variables ($1, $2, ...), whose names a new generation hands out again.
 */
final class JShellGenerations implements AutoCloseable {
    private static final String JSHELL_PREFIX = "REPL/$JShell$";
    /** A generation's prefix for JShell's REPL.$JShell$N, which the next JShell, counting from 1 again, hands out. */
    private static final String GENERATION_PREFIX = "REPL/Cells";
    /** The holders live beside the cells: javac resolves the cells' nested types named in their fields only there. */
    private static final String HOLDER_PREFIX = "REPL/CarriedVariables";
    /** A generation's store of the variables that moved out of its wrappers when it ended. */
    private static final String STORE_PREFIX = "REPL/Store";
    private static final String CELL_LOADER = "neuromorph-cells";
    private static final Pattern GENERATION_CLASS = Pattern.compile("REPL/Cells(\\d+)_.*");
    private static final Pattern IDENTIFIER =
            Pattern.compile("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*");
    private static final Pattern CLASS_NAME = Pattern.compile("L([^;<>]+)[;<]");

    /** What a new generation evaluates to hold the session, in order. */
    record Carry(List<String> sources) {
    }

    /**
     * A variable carried over: the internal name of the class whose static field holds it (a store's name is one
     * string for all its variables) and its type for the compiler.
     */
    record CarriedVariable(String name, String typeName, String owner, String descriptor, String signature) {
    }

    private final CellJars jars = new CellJars("neuromorph-cell-jars", JShellGenerations.class.getClassLoader());
    /** Each generation's loader by number; one unloaded leaves a cleared reference. */
    private final Map<Integer, WeakReference<CellClassLoader>> loaders = new HashMap<>();
    /** The loader of every generation's store: stores are small and stay. */
    private final CellClassLoader stores = new Loader();
    /** The classes holding carried variables, by internal name: kept loaded, and where {@link #valueOf} reads. */
    private Map<String, Class<?>> owners = Map.of();
    /** The wrappers of the types carried: kept loaded, for later generations import them. */
    private final List<Class<?>> carriedTypes = new ArrayList<>();
    /** Class files of earlier generations and the holders, on every later generation's compile class path. */
    private final Path classes;
    private final Map<String, CarriedVariable> carried = new LinkedHashMap<>();
    /** The carried names in order, for completion by prefix. */
    private final NavigableSet<String> carriedNames = new TreeSet<>();
    /** Nested classes named in cell classes (internal name to outer, simple name and access): see {@link #carryOver}. */
    private final Map<String, Object[]> nested = new HashMap<>();
    private final Map<String, Field> carriedFields = new HashMap<>();
    private Generation current;

    JShellGenerations() {
        try {
            classes = SessionFiles.directory("cell-classes");
        } catch (IOException e) {
            throw new UncheckedIOException("no temporary directory for the evaluator's classes", e);
        }
    }

    int generation() {
        return current.number;
    }

    /** The directory to put on each generation's class path. */
    Path classDirectory() {
        return classes;
    }

    /** Starts the next generation. */
    Generation next() {
        if (current != null) {
            current.holders.forEach(this::delete); // the next generation's code names only its own holders
        }
        current = new Generation(current == null ? 1 : current.number + 1);
        return current;
    }

    /**
     * Ends the current generation, whose JShell is {@code shell}: what a fresh JShell evaluates to hold the session
     * (the default imports, the user's imports, an on-demand import for each type's wrapper, then the methods'
     * sources). The variables are carried ({@link #carried()}); {@link #importFor} names them to the next
     * generation's cells that mention them. What cannot be carried is added to {@code lost}.
     */
    Carry carryOver(JShell shell, List<String> defaultImports, List<String> lost) {
        List<String> sources = new ArrayList<>(defaultImports);
        String holderImport = "import static " + HOLDER_PREFIX.replace('/', '.');
        shell.imports().filter(i -> shell.status(i).isActive()).map(Snippet::source).map(String::strip)
                .filter(i -> !defaultImports.contains(i) && !i.startsWith(holderImport))
                .forEach(sources::add);
        shell.types().filter(t -> shell.status(t).isActive()).forEach(t -> {
            String wrapper = current.types.get(t.name());
            if (wrapper != null) {
                sources.add("import " + wrapper.replace('/', '.') + ".*;");
            } else {
                lost.add("type " + t.name());
            }
        });
        Map<String, String> variables = new LinkedHashMap<>();
        shell.variables().filter(v -> shell.status(v).isActive() && !v.name().startsWith("$"))
                .forEach(v -> variables.put(v.name(), v.typeName()));
        carryVariables(variables, lost);
        shell.methods().filter(m -> shell.status(m).isActive()).map(Snippet::source).forEach(sources::add);
        return new Carry(sources);
    }

    /**
     * Writes the ending generation's type classes where the next one's compiler finds them, and notes
     * {@code variables} (this generation's, with their JShell type names) as carried, replacing any carried before
     * under the same names: in this generation's store if no code of it but the initializers uses them.
     */
    private void carryVariables(Map<String, String> variables, List<String> lost) {
        Generation ending = current;
        // the compiler needs the classes of the types carried (imported by their wrappers), nothing else: the
        // wrappers of variables and methods are named by no later source, and each file in package REPL is listed
        // at every compile (one per declaration made later cells 20 to 100 ms slower over a soak's 8000)
        Set<String> typeWrappers = new HashSet<>(ending.types.values());
        for (Map.Entry<String, byte[]> c : ending.jshellFiles.entrySet()) {
            int nestedAt = c.getKey().indexOf('$');
            if (typeWrappers.contains(nestedAt < 0 ? c.getKey() : c.getKey().substring(0, nestedAt))) {
                write(c.getKey(), CellBytecode.guard(c.getValue(), ending, false));
            }
        }
        for (String wrapper : typeWrappers) {
            try {
                carriedTypes.add(ending.loader.loadClass(wrapper.replace('/', '.')));
            } catch (ClassNotFoundException e) {
                lost.add("the class of " + wrapper);
            }
        }
        Set<String> usedElsewhere = ending.fieldsUsedBeyondInitializers();
        String store = STORE_PREFIX + ending.number;
        List<CarriedVariable> moving = new ArrayList<>();
        for (Map.Entry<String, String> v : variables.entrySet()) {
            String[] field = ending.fields.get(v.getKey());
            if (field != null) {
                boolean moves = !usedElsewhere.contains(field[0] + "." + v.getKey());
                // the type names and descriptors repeat across a session's variables: one copy of each
                CarriedVariable variable = new CarriedVariable(v.getKey(), v.getValue().intern(),
                        moves ? store : field[0], field[1].intern(), field[2] == null ? null : field[2].intern());
                if (moves) {
                    moving.add(variable);
                }
                carried.remove(v.getKey()); // a redeclaration replaces the variable carried before
                carried.put(v.getKey(), variable);
                carriedNames.add(v.getKey());
            }
        }
        if (!moving.isEmpty()) {
            moveToStore(store, moving, ending);
        }
        keepOwners(lost);
    }

    /**
     * Defines {@code store} with a field for each of {@code moving} and copies their values there from the
     * wrappers of {@code ending}, which no code uses afterwards (the carried variables say where they live now).
     */
    private void moveToStore(String store, List<CarriedVariable> moving, Generation ending) {
        try {
            stores.declare(store.replace('/', '.'), fieldsClass(store, moving));
            Class<?> storeClass = stores.loadClass(store.replace('/', '.'));
            for (CarriedVariable v : moving) {
                String wrapper = ending.fields.get(v.name())[0];
                Field from = ending.loader.loadClass(wrapper.replace('/', '.')).getField(v.name());
                // a method handle, not reflection, on the store, which stays: reflection would leave a field and its
                // accessor cached in the store's class for each variable (100 B)
                MethodHandles.publicLookup().findStaticSetter(storeClass, v.name(), from.getType())
                        .invoke(from.get(null));
            }
        } catch (Throwable e) { // the setter's invoke declares Throwable; a linkage error is as likely
            // the variables stay where they are, in the generation's wrappers, kept loaded
            Log.warn("the variables of generation " + ending.number + " stay in their cells' classes: " + e);
            for (CarriedVariable v : moving) {
                carried.put(v.name(), new CarriedVariable(v.name(), v.typeName(), ending.fields.get(v.name())[0],
                        v.descriptor(), v.signature()));
            }
        }
    }

    /**
     * Loads and keeps the classes holding the carried variables, and only those: a generation whose wrappers hold
     * none and whose classes nothing else uses can then be unloaded. A variable whose class cannot be loaded is
     * named in {@code lost}.
     */
    private void keepOwners(List<String> lost) {
        Map<String, Class<?>> kept = new HashMap<>();
        for (var it = carried.values().iterator(); it.hasNext();) {
            CarriedVariable v = it.next();
            if (kept.containsKey(v.owner())) {
                continue;
            }
            Class<?> owner = owners.get(v.owner());
            CellClassLoader loader = owner != null ? null : loaderOf(v.owner());
            try {
                if (owner == null && loader == null) {
                    throw new ClassNotFoundException(v.owner());
                }
                kept.put(v.owner(), owner != null ? owner : loader.loadClass(v.owner().replace('/', '.')));
            } catch (ClassNotFoundException e) {
                lost.add("variable " + v.name());
                carriedNames.remove(v.name());
                it.remove();
            }
        }
        owners = kept;
        carriedFields.clear();
    }

    /**
     * The import that lets the current generation's compiler see the carried variables among {@code code}'s
     * identifiers that it does not see yet, or null when there are none: a holder class naming just those, whose
     * fields {@link CellBytecode} relinks to where the variables live.
     */
    String importFor(String code) {
        Set<String> wanted = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(code);
        while (m.find()) {
            String name = m.group();
            if (carried.containsKey(name) && !current.imported.contains(name)) {
                wanted.add(name);
            }
        }
        if (wanted.isEmpty()) {
            return null;
        }
        String holder = current.holderPrefix + current.holders.size();
        write(holder, fieldsClass(holder, wanted.stream().map(carried::get).toList()));
        current.holders.add(holder);
        current.imported.addAll(wanted);
        return "import static " + holder.replace('/', '.') + ".*;";
    }

    /** A class named {@code internalName} with a public static field for each of {@code variables}. */
    private byte[] fieldsClass(String internalName, List<CarriedVariable> variables) {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, internalName, null,
                "java/lang/Object", null);
        Set<String> named = new TreeSet<>();
        for (CarriedVariable v : variables) {
            writer.visitField(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, v.name(), v.descriptor(), v.signature(), null)
                    .visitEnd();
            Matcher c = CLASS_NAME.matcher(v.descriptor() + (v.signature() == null ? "" : v.signature()));
            while (c.find()) {
                for (String n = c.group(1); nested.containsKey(n); n = (String) nested.get(n)[0]) {
                    named.add(n);
                }
            }
        }
        // javac reads a nested class named in a descriptor as nested only if the class file says so
        for (String c : named) {
            Object[] entry = nested.get(c);
            writer.visitInnerClass(c, (String) entry[0], (String) entry[1], (Integer) entry[2]);
        }
        writer.visitEnd();
        return writer.toByteArray();
    }

    /** The carried variables whose names start with {@code prefix}, in alphabetical order. */
    SortedSet<String> carriedStartingWith(String prefix) {
        return carriedNames.subSet(prefix, prefix + Character.MAX_VALUE);
    }

    /** The variables carried so far, in the order they were declared. */
    Map<String, CarriedVariable> carried() {
        return carried;
    }

    /** The current value of a carried variable. */
    Object valueOf(String name) throws ReflectiveOperationException {
        Field field = carriedFields.get(name);
        if (field == null) {
            Class<?> owner = owners.get(carried.get(name).owner());
            if (owner == null) {
                throw new ClassNotFoundException("the class holding " + name);
            }
            field = owner.getField(name);
            carriedFields.put(name, field);
        }
        return field.get(null);
    }

    /** How many generations' loaders are alive (not unloaded), the current one included. */
    synchronized int liveGenerations() {
        return (int) loaders.values().stream().filter(r -> r.get() != null).count();
    }

    private synchronized Loader register(int generation) {
        loaders.values().removeIf(r -> r.get() == null);
        Loader loader = new Loader();
        loaders.put(generation, new WeakReference<>(loader));
        return loader;
    }

    /** The loader that defines the cell class or store {@code internalName}, or null if unloaded or none. */
    private synchronized CellClassLoader loaderOf(String internalName) {
        if (internalName.startsWith(STORE_PREFIX)) {
            return stores;
        }
        Matcher m = GENERATION_CLASS.matcher(internalName);
        WeakReference<CellClassLoader> loader = m.matches() ? loaders.get(Integer.parseInt(m.group(1))) : null;
        return loader == null ? null : loader.get();
    }

    private void write(String internalName, byte[] bytes) {
        Path file = classes.resolve(internalName + ".class");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the class " + internalName + " for the next generation", e);
        }
    }

    private void delete(String internalName) {
        try {
            Files.deleteIfExists(classes.resolve(internalName + ".class"));
        } catch (IOException e) {
            // a stale holder only costs the compiler a file to list
        }
    }

    @Override
    public void close() {
        SessionFiles.delete(classes);
    }

    /** One JShell's classes: named, relinked and defined in its loader; what they declare, for the carry. */
    final class Generation implements LoaderDelegate, CellBytecode.Relinking {
        final int number;
        private final Loader loader;
        /** This generation's holders of carried variables ({@link #importFor}), and the names they hold. */
        private final String holderPrefix;
        private final List<String> holders = new ArrayList<>();
        private final Set<String> imported = new HashSet<>();
        /** The classes as defined, and as JShell made them, by their names in this generation. */
        private final Map<String, byte[]> classFiles = new LinkedHashMap<>();
        private final Map<String, byte[]> jshellFiles = new HashMap<>();
        private final Map<String, Class<?>> loaded = new HashMap<>();
        /** Variable name to {owner, descriptor, signature} of the latest wrapper field declaring it. */
        private final Map<String, String[]> fields = new HashMap<>();
        /** Declared type's simple name to the latest wrapper class holding it. */
        private final Map<String, String> types = new HashMap<>();

        private Generation(int number) {
            this.number = number;
            this.holderPrefix = HOLDER_PREFIX + number + "_";
            this.loader = register(number);
        }

        @Override
        public String className(String internalName) {
            return internalName.startsWith(JSHELL_PREFIX)
                    ? GENERATION_PREFIX + number + "_" + internalName.substring(JSHELL_PREFIX.length()) : internalName;
        }

        /** JShell's own name for a binary class name of this generation, or null for any other class. */
        String jshellName(String binaryName) {
            String prefix = GENERATION_PREFIX.replace('/', '.') + number + "_";
            return binaryName.startsWith(prefix) ? "REPL.$JShell$" + binaryName.substring(prefix.length()) : null;
        }

        @Override
        public boolean isCellClass(String internalName) {
            return internalName.startsWith(JSHELL_PREFIX);
        }

        @Override
        public boolean isWrapper(String internalName) {
            return isCellClass(internalName) && internalName.indexOf('$', JSHELL_PREFIX.length()) < 0;
        }

        @Override
        public String fieldOwner(String owner, String name) {
            CarriedVariable v = owner.startsWith(holderPrefix) ? carried.get(name) : null;
            return v == null ? null : v.owner();
        }

        /**
         * The type of the static field {@code name} that the wrapper class {@code cell} (JShell's {@code className})
         * declares, from the class file (no reflection, which would keep a cache per class: see
         * KernelExecutionControl's invoke).
         */
        Class<?> fieldType(String className, Class<?> cell, String name) throws ReflectiveOperationException {
            String[] field = fields.get(name);
            if (field == null || !field[0].equals(className(className.replace('.', '/')))) {
                return cell.getDeclaredField(name).getType(); // an older declaration of the name: seldom asked
            }
            try {
                return MethodType.fromMethodDescriptorString("()" + field[1], cell.getClassLoader()).returnType();
            } catch (TypeNotPresentException e) {
                throw new ClassNotFoundException(e.typeName(), e);
            }
        }

        /** JShell's class, renamed, guarded and relinked, its declarations noted. */
        ClassBytecodes relink(ClassBytecodes c) {
            byte[] bytes = CellBytecode.guard(c.bytecodes(), this);
            String name = className(c.name().replace('.', '/'));
            classFiles.put(name, bytes);
            jshellFiles.put(name, c.bytecodes());
            note(bytes);
            return new ClassBytecodes(name.replace('/', '.'), bytes);
        }

        /**
         * The fields of this generation's wrappers ({@code owner.name}) that code other than a wrapper's initializer
         * ({@code do_it$}, which has run) reads or writes: a lambda, a method, a class. Those variables stay.
         */
        Set<String> fieldsUsedBeyondInitializers() {
            String own = GENERATION_PREFIX + number + "_";
            Set<String> used = new HashSet<>();
            MethodVisitor collect = new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
                    if (owner.startsWith(own)) {
                        used.add(owner + "." + name);
                    }
                }

                @Override
                public void visitLdcInsn(Object value) {
                    if (value instanceof Handle h && h.getTag() <= Opcodes.H_PUTSTATIC) { // a field's handle
                        visitFieldInsn(Opcodes.GETSTATIC, h.getOwner(), h.getName(), h.getDesc());
                    }
                }

                @Override
                public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap,
                        Object... arguments) {
                    for (Object argument : arguments) {
                        visitLdcInsn(argument);
                    }
                }
            };
            for (Map.Entry<String, byte[]> c : classFiles.entrySet()) {
                boolean wrapper = c.getKey().indexOf('$') < 0;
                new ClassReader(c.getValue()).accept(new ClassVisitor(Opcodes.ASM9) {
                    @Override
                    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                            String[] exceptions) {
                        return wrapper && name.equals("do_it$") ? null : collect;
                    }
                }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            }
            return used;
        }

        private void note(byte[] bytes) {
            new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
                private String name;
                private boolean wrapper;

                @Override
                public void visit(int version, int access, String name, String signature, String superName,
                        String[] interfaces) {
                    this.name = name;
                    this.wrapper = name.indexOf('$') < 0;
                }

                @Override
                public FieldVisitor visitField(int access, String field, String descriptor, String signature,
                        Object value) {
                    if (wrapper && (access & Opcodes.ACC_STATIC) != 0 && (access & Opcodes.ACC_SYNTHETIC) == 0) {
                        fields.put(field, new String[] {name, descriptor, signature});
                    }
                    return null;
                }

                @Override
                public void visitInnerClass(String inner, String outer, String simpleName, int access) {
                    if (name.equals(outer) && wrapper && simpleName != null) {
                        types.put(simpleName, outer);
                    }
                    if (outer != null && simpleName != null) {
                        nested.put(inner, new Object[] {outer, simpleName, access});
                    }
                }
            }, ClassReader.SKIP_CODE);
        }

        @Override
        public void load(ClassBytecodes[] cbcs) throws ClassInstallException {
            boolean[] installed = new boolean[cbcs.length];
            try {
                for (ClassBytecodes c : cbcs) {
                    loader.declare(c.name(), c.bytecodes());
                }
                for (int i = 0; i < cbcs.length; i++) {
                    Class<?> type = loader.loadClass(cbcs[i].name());
                    loaded.put(cbcs[i].name(), type);
                    installed[i] = true;
                }
            } catch (Throwable t) {
                throw new ClassInstallException("load: " + t, installed);
            }
        }

        @Override
        public void classesRedefined(ClassBytecodes[] cbcs) {
            // never called: cells run in this JVM, where JShell does not redefine classes
        }

        /** The jars and directories of the kernel and of the cells, for all generations; not the carried classes. */
        @Override
        public void addToClasspath(String path) throws InternalException {
            try {
                for (String entry : path.split(File.pathSeparator)) {
                    if (!Path.of(entry).equals(classes)) { // their classes are loaded, in their generations
                        jars.add(Path.of(entry));
                    }
                }
            } catch (IOException | InvalidPathException e) {
                throw new InternalException(e.toString());
            }
        }

        @Override
        public Class<?> findClass(String name) throws ClassNotFoundException {
            String renamed = className(name.replace('.', '/')).replace('/', '.');
            Class<?> type = loaded.get(renamed);
            return type != null ? type : loader.loadClass(renamed);
        }
    }

    /**
     * The loader of one generation's classes, or of the stores. A class it did not define
     * is another generation's (asked of that generation's loader), a store, or the jars' and the kernel's.
     */
    private final class Loader extends CellClassLoader {
        Loader() {
            super(CELL_LOADER, jars);
        }

        @Override
        Class<?> elsewhere(String name) throws ClassNotFoundException {
            String internalName = name.replace('.', '/');
            CellClassLoader owner = loaderOf(internalName);
            if (owner == this) {
                throw new ClassNotFoundException(name + " (a class of this generation that was never declared)");
            }
            if (owner == null && GENERATION_CLASS.matcher(internalName).matches()) {
                throw new ClassNotFoundException(name + " (unloaded: no class or object in use was of its generation)");
            }
            return owner != null ? owner.loadClass(name) : fromParents(name);
        }
    }
}
