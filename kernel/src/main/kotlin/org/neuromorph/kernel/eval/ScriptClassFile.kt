package org.neuromorph.kernel.eval

import java.lang.invoke.MethodHandle
import java.lang.invoke.MethodHandles
import java.lang.invoke.MethodType
import kotlin.metadata.jvm.KotlinClassMetadata
import org.objectweb.asm.AnnotationVisitor
import org.objectweb.asm.ClassReader
import org.objectweb.asm.ClassVisitor
import org.objectweb.asm.FieldVisitor
import org.objectweb.asm.MethodVisitor
import org.objectweb.asm.Opcodes

/**
 * What the Kotlin evaluator needs of a cell's script class (its fields, its methods, its Kotlin metadata), read from
 * the class file rather than by reflection, and its members reached through method handles: reflection keeps caches
 * of a class's members and annotations for as long as the class lives, and every cell's class lives for the whole
 * session (about 2 KB of heap per declaring cell in issue 26's soak).
 */
internal class ScriptClassFile private constructor() {
    class Member(val name: String, val descriptor: String, val access: Int) {
        val isStatic: Boolean get() = access and Opcodes.ACC_STATIC != 0
    }

    val fields = ArrayList<Member>()
    val methods = ArrayList<Member>()
    private val metadataValues = HashMap<String, Any>()

    /** The class's Kotlin metadata, or null when it has none that this library reads. */
    fun metadata(): KotlinClassMetadata? {
        if (metadataValues.isEmpty()) {
            return null
        }
        @Suppress("UNCHECKED_CAST")
        fun strings(name: String) = (metadataValues[name] as? List<String>)?.toTypedArray()
        val metadata = kotlin.metadata.jvm.Metadata(metadataValues["k"] as? Int, metadataValues["mv"] as? IntArray,
            strings("d1"), strings("d2"), metadataValues["xs"] as? String, metadataValues["pn"] as? String,
            metadataValues["xi"] as? Int)
        return runCatching { KotlinClassMetadata.readLenient(metadata) }.getOrNull()
    }

    companion object {
        private const val METADATA = "Lkotlin/Metadata;"

        fun read(classFile: ByteArray): ScriptClassFile = ScriptClassFile().also { file ->
            ClassReader(classFile).accept(object : ClassVisitor(Opcodes.ASM9) {
                override fun visitField(access: Int, name: String, descriptor: String, signature: String?,
                    value: Any?): FieldVisitor? {
                    file.fields.add(Member(name, descriptor, access))
                    return null
                }

                override fun visitMethod(access: Int, name: String, descriptor: String, signature: String?,
                    exceptions: Array<out String>?): MethodVisitor? {
                    file.methods.add(Member(name, descriptor, access))
                    return null
                }

                override fun visitAnnotation(descriptor: String, visible: Boolean): AnnotationVisitor? =
                    if (descriptor == METADATA) MetadataReader(file.metadataValues) else null
            }, ClassReader.SKIP_CODE or ClassReader.SKIP_DEBUG or ClassReader.SKIP_FRAMES)
        }

        /** A handle on [type]'s method [name] of JVM [descriptor], for calls on its instances. */
        fun method(type: Class<*>, name: String, descriptor: String): MethodHandle =
            MethodHandles.privateLookupIn(type, MethodHandles.lookup())
                .findVirtual(type, name, MethodType.fromMethodDescriptorString(descriptor, type.classLoader))

        /** A handle reading [instance]'s field [name] of type [fieldType]. */
        fun getter(instance: Any, name: String, fieldType: Class<*>): MethodHandle =
            MethodHandles.privateLookupIn(instance.javaClass, MethodHandles.lookup())
                .findGetter(instance.javaClass, name, fieldType).bindTo(instance)
    }

    /** kotlin.Metadata's values by element name; d1 and d2 are string arrays, collected as lists. */
    private class MetadataReader(private val values: MutableMap<String, Any>) : AnnotationVisitor(Opcodes.ASM9) {
        override fun visit(name: String?, value: Any?) {
            if (name != null && value != null) {
                values[name] = value
            }
        }

        override fun visitArray(name: String): AnnotationVisitor {
            val items = ArrayList<String>()
            values[name] = items
            return object : AnnotationVisitor(Opcodes.ASM9) {
                override fun visit(ignored: String?, value: Any?) {
                    if (value is String) {
                        items.add(value)
                    }
                }
            }
        }
    }
}
