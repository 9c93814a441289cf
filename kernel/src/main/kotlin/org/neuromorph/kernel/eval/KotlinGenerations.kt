package org.neuromorph.kernel.eval

import java.nio.file.Files
import java.nio.file.Path
import java.util.TreeMap
import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.atomic.AtomicInteger
import java.lang.invoke.MethodHandle
import kotlin.metadata.KmClassifier
import kotlin.metadata.KmType
import kotlin.metadata.KmVariance
import kotlin.metadata.isDelegated
import kotlin.metadata.isNotDefault
import kotlin.metadata.isNullable
import kotlin.metadata.isVar
import kotlin.metadata.jvm.KotlinClassMetadata
import kotlin.metadata.jvm.getterSignature
import kotlin.metadata.jvm.setterSignature
import org.jetbrains.kotlin.cli.common.messages.MessageCollector
import org.jetbrains.kotlin.cli.jvm.compiler.EnvironmentConfigFiles
import org.jetbrains.kotlin.cli.jvm.compiler.KotlinCoreEnvironment
import org.jetbrains.kotlin.com.intellij.openapi.util.Disposer
import org.jetbrains.kotlin.config.CommonConfigurationKeys
import org.jetbrains.kotlin.config.CompilerConfiguration
import org.jetbrains.kotlin.psi.KtClassOrObject
import org.jetbrains.kotlin.lexer.KtTokens
import org.jetbrains.kotlin.psi.KtDeclaration
import org.jetbrains.kotlin.psi.KtDestructuringDeclaration
import org.jetbrains.kotlin.psi.KtFile
import org.jetbrains.kotlin.psi.KtNamedFunction
import org.jetbrains.kotlin.psi.KtProperty
import org.jetbrains.kotlin.psi.KtPsiFactory
import org.jetbrains.kotlin.psi.KtTypeAlias
import org.neuromorph.kernel.SessionFiles

/**
 * The Kotlin evaluator's generations. The scripting host's REPL compiles each cell against every earlier snippet (each
 * a scope of its own, its analysis kept), so over a long session cells and completions slow down and memory grows
 * with every declaration (issue 26's soak: completion 100 to 505 ms and 754 to 903 MiB in two minutes). After a
 * bound of snippets the evaluator starts a fresh compiler and evaluator and carries the session over:
 * - classes stay loaded: every cell's classes are defined in the session's one loader ([KotlinCellClasses.Loader]),
 *   and those of cells that declare types are written where the next compiler finds them, so objects keep their
 *   classes;
 * - properties stay where they were declared: a later generation declares, for those of its cells that name one, a
 *   property of the same type whose accessors call the old cell's ([accessorsFor]), so every generation sees one
 *   variable. The type is written out from the cell's class metadata, so the old cell's class need not be on the
 *   compiler's class path: a class path holding every cell (the root package, where scripts live) made each
 *   completion list thousands of classes. Only types that cannot be written as source (type parameters, anonymous
 *   objects) fall back to a cast to the old cell's class;
 * - functions, extension properties and type aliases are declared again from their source (found by the Kotlin
 *   parser), so they follow later redefinitions; classes, objects and interfaces are imported from their cell; the
 *   cells' imports are made again. Private declarations are not carried (and named as such).
 * Public only for [cell], which the accessors call from the cells' code.
 */
class KotlinGenerations internal constructor() : AutoCloseable {
    /** A cell of the current generation that may declare something, kept until the next move. */
    private class Cell(val scriptClass: Class<*>, val classFile: ScriptClassFile, val instance: Any, val source: String,
        val classFiles: Map<String, ByteArray>)

    /**
     * A carried property: its type as Kotlin source (null: reached through its cell's class, [owner]), and either its
     * [value] (a plain `val`, whose value cannot change) or the old cell's accessors, which the generated ones call
     * ([get], [set]). A plain `val` keeps nothing of its cell, so a generation whose properties are all plain vals
     * is unloaded once nothing else refers to it ([KotlinCellClasses.Session]).
     */
    private class Property(val owner: String, val type: String?, val value: Any?, val instance: Any?,
        val getter: MethodHandle?, val setter: MethodHandle?)

    /** What a new generation starts with: imports for its compiler, then sources to evaluate in order. */
    class Carry(val imports: List<String>, val sources: List<String>)

    private val session = SESSIONS.incrementAndGet()
    /** Every carried property by number (the generated accessors name them so), and the number of each name. */
    private val registered = ArrayList<Property>()
    internal val classDirectory: Path = SessionFiles.directory("kotlin-cells")
    private val pending = ArrayList<Cell>()
    /** Each carried property's number in [registered], by name (sorted, for completion by prefix). */
    private val properties = TreeMap<String, Int>()
    /** Declarations made again in each generation, keyed by kind, name and parameters (later ones replace). */
    private val declarations = LinkedHashMap<String, String>()
    /** Imports: the cells' own, and each carried class by its simple name. */
    private val imports = LinkedHashMap<String, String>()
    /** Property names the current generation resolves itself: declared in it, or given accessors. */
    private val resolvedHere = HashSet<String>()
    internal var number = 1
        private set

    private val parser by lazy {
        val configuration = CompilerConfiguration()
        configuration.put(CommonConfigurationKeys.MESSAGE_COLLECTOR_KEY, MessageCollector.NONE)
        val environment = KotlinCoreEnvironment.createForProduction(disposable, configuration,
            EnvironmentConfigFiles.JVM_CONFIG_FILES)
        KtPsiFactory(environment.project, false)
    }
    private val disposable = Disposer.newDisposable("neuromorph-kotlin-parser")

    /** A cell's syntax tree (the parser alone: no names resolved), to carry its declarations and for is_complete. */
    internal fun parse(source: String): KtFile = parser.createFile("cell.kts", source)

    init {
        SESSION_PROPERTIES[session] = registered
    }

    /** Notes a cell of the user's that ran (its class, read from its file, and its class files), for the next move. */
    internal fun record(scriptClass: Class<*>, classFile: ScriptClassFile, instance: Any, source: String,
        classFiles: Map<String, ByteArray>) {
        classFile.fields.filter { '$' !in it.name }.forEach { resolvedHere.add(it.name) }
        if (DECLARES.containsMatchIn(source)) {
            pending.add(Cell(scriptClass, classFile, instance, source, classFiles))
        }
    }

    /**
     * Ends the current generation: keeps what its cells declared ([record]), writes their classes for the next
     * compiler where it needs them (cells that declare types). Returns what the next generation starts with; what cannot be carried
     * is added to [lost].
     */
    internal fun carryOver(lost: MutableList<String>): Carry {
        for (cell in pending) {
            val owner = cell.scriptClass.name
            val file = parse(cell.source)
            for (directive in file.importDirectives) {
                val text = directive.text.removePrefix("import").trim()
                imports["import:$text"] = text
            }
            val declared: List<KtDeclaration> = file.script?.declarations ?: file.declarations
            var needsClasses = false
            for (d in declared) {
                if (d is KtDestructuringDeclaration) {
                    d.entries.mapNotNull { it.name }.forEach { needsClasses = carryProperty(cell, it, lost) || needsClasses }
                    continue
                }
                val name = d.name ?: continue
                when {
                    d.hasModifier(KtTokens.PRIVATE_KEYWORD) -> lost.add("private ${d.javaClass.simpleName.removePrefix("Kt")} $name")
                    // read and written through the old cell's accessors: delegated and computed ones included
                    d is KtProperty && d.receiverTypeReference == null -> needsClasses = carryProperty(cell, name, lost) || needsClasses
                    d is KtProperty -> declarations["val:${d.receiverTypeReference?.text}.$name"] = d.text
                    d is KtNamedFunction ->
                        declarations["fun:${d.receiverTypeReference?.text}.$name${d.valueParameterList?.text}"] = d.text
                    d is KtTypeAlias -> declarations["typealias:$name"] = d.text
                    d is KtClassOrObject -> {
                        imports["class:$name"] = "$owner.$name"
                        needsClasses = true
                    }
                    else -> lost.add("${d.javaClass.simpleName.removePrefix("Kt")} $name")
                }
            }
            if (needsClasses) {
                keepClasses(cell)
            }
        }
        pending.clear()
        resolvedHere.clear()
        number++
        return Carry(imports.values.toList(), declarations.values.toList())
    }

    /** Writes a cell's classes where the next compilers find them. */
    private fun keepClasses(cell: Cell) {
        for ((file, bytes) in cell.classFiles) {
            if (!file.endsWith(".class")) continue
            val target = classDirectory.resolve(file)
            Files.createDirectories(target.parent)
            Files.write(target, bytes)
        }
    }

    /** Carries a property of [cell]; true when its type needs the cell's class on the compiler's class path. */
    private fun carryProperty(cell: Cell, name: String, lost: MutableList<String>): Boolean {
        val metadata = cell.classFile.metadata() as? KotlinClassMetadata.Class
        val property = metadata?.kmClass?.properties?.find { it.name == name }
        val getter = property?.getterSignature
            ?.let { runCatching { ScriptClassFile.method(cell.scriptClass, it.name, it.descriptor) }.getOrNull() }
        if (property == null || getter == null) {
            lost.add("property $name (no accessor on its cell)")
            return false
        }
        val setter = property.setterSignature?.let { ScriptClassFile.method(cell.scriptClass, it.name, it.descriptor) }
        val type = source(property.returnType)
        properties[name] = registered.size
        // a var, a delegated property, a custom getter: read and written where it lives, each time
        val plain = type != null && !property.isVar && !property.isDelegated && !property.getter.isNotDefault
        val owner = cell.scriptClass.name
        registered.add(if (plain) Property(owner, type!!.intern(), getter.invoke(cell.instance), null, null, null)
            else Property(owner, type, null, cell.instance, getter, setter))
        return type == null
    }

    /**
     * A type from class metadata as Kotlin source, or null where that is not possible (type parameters, local and
     * anonymous classes). A platform type is written as its lower bound, as Kotlin reads it where a type is needed.
     */
    private fun source(type: KmType): String? {
        val classifier = type.classifier as? KmClassifier.Class ?: return null
        if (classifier.name.startsWith(".")) {
            return null // a local or anonymous class
        }
        val arguments = type.arguments.map { argument ->
            val argumentType = argument.type ?: return@map "*"
            val variance = when (argument.variance) {
                KmVariance.IN -> "in "
                KmVariance.OUT -> "out "
                else -> ""
            }
            variance + (source(argumentType) ?: return null)
        }
        return classifier.name.replace('/', '.') + (if (arguments.isEmpty()) "" else arguments.joinToString(", ", "<", ">")) +
            if (type.isNullable) "?" else ""
    }

    /**
     * Source declaring, for each carried property [code] names that the current generation does not resolve itself,
     * a property of the same name whose accessors are the old cell's; null when there is none.
     */
    internal fun accessorsFor(code: String): String? {
        val wanted = IDENTIFIER.findAll(code).map { it.value }
            .filter { it in properties && it !in resolvedHere }.toSortedSet()
        if (wanted.isEmpty()) {
            return null
        }
        resolvedHere.addAll(wanted)
        val self = KotlinGenerations::class.java.name
        return wanted.joinToString("\n") { name ->
            val number = properties.getValue(name)
            val p = registered[number]
            val read = "$self.get($session, $number)"
            // a type reflection cannot write as source is read through a cast to the old cell's class instead
            val declaration = if (p.type != null) "`$name`: ${p.type} get() = $read as ${p.type}"
            else "`$name` get() = ($self.cell($session, $number) as ${p.owner}).`$name`"
            if (p.setter != null) "var $declaration\n    set(value) { $self.set($session, $number, value) }"
            else "val $declaration"
        }
    }

    /** The value of carried property [name] if it is a plain `val` (see [Property]), else null. */
    internal fun plainValue(name: String): Any? =
        properties[name]?.let { registered[it] }?.takeIf { it.getter == null }?.value

    /** Carried property names starting with [prefix], in order. */
    internal fun propertiesStartingWith(prefix: String): Set<String> = properties.subMap(prefix, prefix + Char.MAX_VALUE).keys

    override fun close() {
        SESSION_PROPERTIES.remove(session)
        Disposer.dispose(disposable)
        classDirectory.toFile().deleteRecursively()
    }

    companion object {
        private val SESSIONS = AtomicInteger()
        private val SESSION_PROPERTIES = ConcurrentHashMap<Int, List<Property>>()
        private val DECLARES = Regex("""\b(val|var|fun|class|object|interface|typealias|import)\b""")
        private val IDENTIFIER = Regex("""[\p{javaJavaIdentifierStart}][\p{javaJavaIdentifierPart}]*""")

        private fun property(session: Int, number: Int) = SESSION_PROPERTIES.getValue(session)[number]

        /** A carried property's value, for the accessors a later generation declares. */
        @JvmStatic
        fun get(session: Int, number: Int): Any? =
            property(session, number).let { if (it.getter == null) it.value else it.getter.invoke(it.instance) }

        /** Sets a carried `var`, for the accessors a later generation declares. */
        @JvmStatic
        fun set(session: Int, number: Int, value: Any?) {
            property(session, number).let { it.setter!!.invoke(it.instance, value) }
        }

        /** The cell holding a carried property whose type is read through the cell's class. */
        @JvmStatic
        fun cell(session: Int, number: Int): Any = property(session, number).instance!!
    }
}
