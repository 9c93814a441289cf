package org.neuromorph.kernel.eval;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;

/**
 * Rewrites a cell's class as its evaluator loads it, so that the kernel stays in control of code that runs in its
 * own JVM on every JDK from 17 on, without the Security Manager or {@code Thread.stop}:
 * <ul>
 * <li>calls of {@code System.exit}, {@code Runtime.exit}, {@code Runtime.halt} and Kotlin's {@code exitProcess}
 * (direct calls, method references and method-handle constants) go to {@link CellGuard}, which refuses them;</li>
 * <li>every backward jump (a loop's back-edge) and every method's entry first call {@link CellGuard#checkpoint()},
 * so a loop that never looks at its thread's interrupt flag still ends when the user interrupts: a loop in the
 * cell, and a loop elsewhere (a stream, a library) that calls a cell's lambda or method.</li>
 * </ul>
 * Only the cells' own classes are rewritten (JShell's wrappers, Kotlin's snippet classes and their lambdas); library
 * code keeps its bytes and checks {@code Thread.interrupted()} in its long loops instead. Rewriting happens in the
 * kernel's JVM before the class is defined, so it needs neither an agent nor a second process; frames stay valid,
 * because the inserted call takes and leaves nothing on the operand stack and adds no branch target.
 * <p>
 * For JShell's evaluator generations ({@link JShellGenerations}) the same pass also relinks a class: JShell's class
 * names get the generation's own, and reads and writes of a carried variable go to the field that has held it
 * since it was declared.
 */
final class CellBytecode {
    private static final String GUARD = "org/neuromorph/kernel/eval/CellGuard";

    /** Owner, name and descriptor of each refused call, to the guard method taking its place (same stack effect). */
    private record Call(String owner, String name, String descriptor) {
    }

    private static final Map<Call, Call> REPLACED = Map.of(
            new Call("java/lang/System", "exit", "(I)V"), new Call(GUARD, "systemExit", "(I)V"),
            new Call("java/lang/Runtime", "exit", "(I)V"), new Call(GUARD, "runtimeExit", "(Ljava/lang/Runtime;I)V"),
            new Call("java/lang/Runtime", "halt", "(I)V"), new Call(GUARD, "runtimeHalt", "(Ljava/lang/Runtime;I)V"),
            new Call("kotlin/system/ProcessKt", "exitProcess", "(I)Ljava/lang/Void;"),
            new Call(GUARD, "exitProcess", "(I)Ljava/lang/Void;"));

    private CellBytecode() {
    }

    /** How a class is relinked as it loads: its class names, and the owner of each field it reads or writes. */
    interface Relinking {
        /** The internal name a class is loaded under (the same name when it is not renamed). */
        String className(String internalName);

        /** The owner of the field {@code owner.name} after relinking, or null to keep {@code owner}. */
        String fieldOwner(String owner, String name);

        /**
         * True for the classes JShell generates and declares for cells: they and their members that are not private
         * are made public, so that a later generation can import them (JShell checks imports as if from another
         * package) and use them from a class loader of its own, which is another runtime package.
         */
        boolean isCellClass(String internalName);

        /**
         * True for JShell's wrapper of a cell (not a class declared in it): never instantiated, so its constructor
         * can go. A session keeps every wrapper loaded, and a constructor is a sixth of a small one's metaspace.
         */
        boolean isWrapper(String internalName);
    }

    private static int widened(int access) {
        return (access | Opcodes.ACC_PUBLIC) & ~(Opcodes.ACC_PRIVATE | Opcodes.ACC_PROTECTED);
    }

    /**
     * A member's access as a cell class declares it, package and protected access made public: javac let the cells
     * of one package use them, and a later generation's cells run in another runtime package. Private members stay
     * private (only their own nest, always one generation's, uses them), and so does a class initializer.
     */
    private static int widenedMember(int access, String name) {
        return (access & Opcodes.ACC_PRIVATE) != 0 || name.equals("<clinit>") ? access : widened(access);
    }

    /** The class file with exits refused and back-edges checked. */
    static byte[] guard(byte[] classFile) {
        return guard(classFile, null);
    }

    /** As {@link #guard(byte[])}, and relinked, for the JVM; {@code relinking} may be null. */
    static byte[] guard(byte[] classFile, Relinking relinking) {
        return guard(classFile, relinking, true);
    }

    /**
     * As {@link #guard(byte[], Relinking)}; {@code forTheJvm} false keeps the members' access as declared, for the
     * compiler of later cells: javac, which sees one package, lets a later class override a package method only
     * with package access or wider, and the JVM, which sees two, then overrides it only if both are public.
     */
    static byte[] guard(byte[] classFile, Relinking relinking, boolean forTheJvm) {
        ClassReader reader = new ClassReader(classFile);
        // a constant pool of its own, not the reader's: renamed classes leave no unused constants behind
        ClassWriter writer = new ClassWriter(0);
        ClassVisitor out = relinking == null ? writer : new ClassRemapper(writer, new Remapper() {
            @Override
            public String map(String internalName) {
                return relinking.className(internalName);
            }
        });
        reader.accept(new ClassVisitor(Opcodes.ASM9, out) {
            private boolean wrapper;
            private boolean widen;

            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                    String[] interfaces) {
                wrapper = relinking != null && relinking.isWrapper(name);
                boolean cell = relinking != null && relinking.isCellClass(name);
                widen = cell && forTheJvm;
                super.visit(version, cell ? widened(access) : access, name, signature, superName, interfaces);
            }

            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature,
                    Object value) {
                return super.visitField(widen ? widenedMember(access, name) : access, name, descriptor, signature,
                        value);
            }

            @Override
            public void visitInnerClass(String name, String outerName, String innerName, int access) {
                boolean widen = relinking != null && outerName != null && relinking.isCellClass(name);
                super.visitInnerClass(name, outerName, innerName, widen ? widened(access) : access);
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                if (wrapper && name.equals("<init>")) {
                    return null;
                }
                int declared = widen ? widenedMember(access, name) : access;
                return new Guarded(super.visitMethod(declared, name, descriptor, signature, exceptions), relinking);
            }
        }, 0);
        return writer.toByteArray();
    }

    /** One method: exits replaced, a checkpoint at entry and before each jump to a label already passed. */
    private static final class Guarded extends MethodVisitor {
        private final Set<Label> passed = new HashSet<>();
        private final Relinking relinking;

        Guarded(MethodVisitor next, Relinking relinking) {
            super(Opcodes.ASM9, next);
            this.relinking = relinking;
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            String relinked = relinking == null ? null : relinking.fieldOwner(owner, name);
            super.visitFieldInsn(opcode, relinked == null ? owner : relinked, name, descriptor);
        }

        @Override
        public void visitCode() {
            super.visitCode();
            checkpoint();
        }

        @Override
        public void visitLabel(Label label) {
            passed.add(label);
            super.visitLabel(label);
        }

        @Override
        public void visitJumpInsn(int opcode, Label target) {
            if (passed.contains(target)) {
                checkpoint();
            }
            super.visitJumpInsn(opcode, target);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            if (anyPassed(dflt, labels)) {
                checkpoint();
            }
            super.visitTableSwitchInsn(min, max, dflt, labels);
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            if (anyPassed(dflt, labels)) {
                checkpoint();
            }
            super.visitLookupSwitchInsn(dflt, keys, labels);
        }

        private boolean anyPassed(Label dflt, Label[] labels) {
            if (passed.contains(dflt)) {
                return true;
            }
            for (Label l : labels) {
                if (passed.contains(l)) {
                    return true;
                }
            }
            return false;
        }

        private void checkpoint() {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARD, "checkpoint", "()V", false);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            Call guard = REPLACED.get(new Call(owner, name, descriptor));
            if (guard != null && (opcode == Opcodes.INVOKESTATIC || opcode == Opcodes.INVOKEVIRTUAL)) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, guard.owner(), guard.name(), guard.descriptor(), false);
            } else {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            }
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            Object[] args = arguments.clone();
            for (int i = 0; i < args.length; i++) {
                args[i] = replaced(args[i]);
            }
            super.visitInvokeDynamicInsn(name, descriptor, bootstrap, args);
        }

        /**
         * A cell class's name as a string is renamed with the class: javac's {@code $deserializeLambda$} compares a
         * serialized lambda's class with such a constant, and a sweep on Spark sends its lambda that way.
         */
        @Override
        public void visitLdcInsn(Object value) {
            if (value instanceof String name && relinking != null && relinking.isCellClass(name)) {
                super.visitLdcInsn(relinking.className(name));
            } else {
                super.visitLdcInsn(replaced(value));
            }
        }

        /** A method-handle constant naming a refused call (System::exit, runtime::halt) names the guard instead. */
        private static Object replaced(Object constant) {
            if (!(constant instanceof Handle h)) {
                return constant;
            }
            Call guard = REPLACED.get(new Call(h.getOwner(), h.getName(), h.getDesc()));
            if (guard == null || (h.getTag() != Opcodes.H_INVOKESTATIC && h.getTag() != Opcodes.H_INVOKEVIRTUAL)) {
                return constant;
            }
            // a virtual handle's receiver becomes the static guard's first parameter, as LambdaMetafactory expects
            return new Handle(Opcodes.H_INVOKESTATIC, guard.owner(), guard.name(), guard.descriptor(), false);
        }
    }
}
