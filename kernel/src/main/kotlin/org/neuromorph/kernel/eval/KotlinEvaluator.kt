package org.neuromorph.kernel.eval

import java.io.File
import java.lang.ref.WeakReference
import java.lang.invoke.MethodHandle
import java.lang.invoke.MethodHandles
import java.util.concurrent.Callable
import java.util.concurrent.ExecutionException
import java.util.concurrent.Executors
import kotlin.script.experimental.api.CompiledScript
import kotlin.script.experimental.api.ReplAnalyzerResult
import kotlin.script.experimental.api.ResultValue
import kotlin.script.experimental.api.ResultWithDiagnostics
import kotlin.script.experimental.api.ScriptCompilationConfiguration
import kotlin.script.experimental.api.ScriptDiagnostic
import kotlin.script.experimental.api.ScriptEvaluationConfiguration
import kotlin.script.experimental.api.SourceCode
import kotlin.script.experimental.api.analysisDiagnostics
import kotlin.script.experimental.api.compilerOptions
import kotlin.script.experimental.api.defaultImports
import kotlin.script.experimental.api.renderedResultType
import kotlin.script.experimental.api.valueOrNull
import kotlin.script.experimental.host.toScriptSource
import kotlin.script.experimental.jvm.BasicJvmReplEvaluator
import kotlin.script.experimental.jvm.baseClassLoader
import kotlin.script.experimental.jvm.defaultJvmScriptingHostConfiguration
import kotlin.script.experimental.jvm.jvm
import kotlin.script.experimental.jvm.updateClasspath
import kotlin.script.experimental.util.LinkedSnippet
import kotlinx.coroutines.runBlocking
import org.jetbrains.kotlin.com.intellij.psi.PsiErrorElement
import org.jetbrains.kotlin.com.intellij.psi.util.PsiTreeUtil
import org.jetbrains.kotlin.scripting.ide_services.compiler.KJvmReplCompilerWithIdeServices
import org.neuromorph.dsl.Cells
import org.neuromorph.kernel.display.Display

/**
 * Kotlin cells on the Kotlin scripting host's REPL: each cell is compiled as a snippet that sees the
 * declarations of every earlier one (values, functions, classes) and evaluated in the kernel's JVM, on a
 * [CellRunner] thread with its classes guarded ([KotlinCellClasses]), so interrupts, refused exits and output
 * capture work as for Java cells.
 * Completion, inspection and is-complete come from the compiler's own analysis of the cell in the REPL's context
 * (KJvmReplCompilerWithIdeServices), not from matching strings. The last expression of a cell is its result.
 */
class KotlinEvaluator @JvmOverloads constructor(
    /** Snippets one compiler compiles before the evaluator moves to a fresh one ([KotlinGenerations]). */
    private val snippetsPerGeneration: Int = SNIPPETS_PER_GENERATION,
) : Evaluator {
    /** The REPL compiler keeps per-thread state (its symbol tables), so it is only ever used on this one thread. */
    private val compilerThread = Executors.newSingleThreadExecutor { task ->
        // the compiler recurses once per operand of a long expression: a sum of 400 terms overflowed 1 MiB
        Thread(null, task, "neuromorph-kotlin-compiler", COMPILER_STACK_BYTES).apply { isDaemon = true }
    }
    private var compiler = onCompilerThread { KJvmReplCompilerWithIdeServices(defaultJvmScriptingHostConfiguration) }
    private var evaluator = BasicJvmReplEvaluator()
    private val generations = KotlinGenerations()
    /** Every generation's classes, and the jars cells add ([KotlinCellClasses.Session]). */
    private val cellClasses = KotlinCellClasses.Session(KotlinEvaluator::class.java.classLoader)
    /** Where the current generation's cells are defined. */
    private var cellLoader = cellClasses.generation(1)
    private var snippets = 0
    private val runner = CellRunner()
    /** Top-level properties of earlier cells of the types the arithmetic fast path reads: name to a bound getter. */
    private val primitiveProperties = HashMap<String, MethodHandle>()
    /**
     * Every top-level property declared so far, in declaration order (for %who): name to its field's JVM type and
     * the cell class holding it, weakly (a generation whose values were carried over is unloaded).
     */
    private val declared = LinkedHashMap<String, Pair<String, WeakReference<Class<*>>>>()
    /** Jars and directories %classpath or %maven added, for the compiler of every later generation. */
    private val addedClasspath = mutableListOf<File>()
    /** Imports a generation starts with besides [DEFAULT_IMPORTS]: those carried over from earlier ones. */
    private var carriedImports = listOf<String>()
    /** Rebuilt when jars are added or a generation starts. */
    private var compilation = compilationConfiguration()

    /**
     * The compiler's class path is given whole, once per configuration: the kernel's, the earlier generations'
     * classes and the added jars (a fresh REPL compiler given a configuration extended with more class path saw
     * only the added entries).
     */
    private fun compilationConfiguration() = ScriptCompilationConfiguration {
        jvm {
            updateClasspath(classPath() + generations.classDirectory.toFile() + addedClasspath)
        }
        defaultImports(DEFAULT_IMPORTS + carriedImports)
        compilerOptions("-jvm-target", "17")
    }
    private val evaluation = ScriptEvaluationConfiguration {
        jvm {
            baseClassLoader(KotlinEvaluator::class.java.classLoader)
        }
    }
    private var cellNumber = 0
    private var probeNumber = 0

    /** Completion and analysis look at text that is never run; a name of its own keeps it apart from the cells. */
    private fun probeName() = "Probe_${++probeNumber}.kts"

    init {
        warmUp()
    }

    private fun <T> onCompilerThread(block: () -> T): T = try {
        compilerThread.submit(Callable { block() }).get()
    } catch (e: ExecutionException) {
        throw e.cause ?: e
    }

    /**
     * Compiles and runs a throw-away snippet and asks for a completion while the kernel starts (the evaluator is
     * built in the background): the Kotlin compiler's first use loads thousands of classes.
     */
    private fun warmUp() {
        val outcome = evaluate("val neuromorphWarmUp = lif { tauM = 20.ms }.tauM()")
        check(outcome !is Evaluator.Failure) { "the Kotlin evaluator failed to start: " + (outcome as Evaluator.Failure).evalue }
        complete("neuromorphWarmU", 15)
    }

    private fun remember(result: ResultValue, code: String, classFiles: Map<String, ByteArray>) {
        val instance = result.scriptInstance ?: return
        val type = result.scriptClass?.java ?: return
        val classFile = classFiles[type.name.replace('.', '/') + ".class"]?.let(ScriptClassFile::read) ?: return
        rememberProperties(type, classFile, instance)
        generations.record(type, classFile, instance, code, classFiles)
    }

    private fun primitiveProperty(name: String): Any? = primitiveProperties[name]?.invoke()

    /** Records the properties a cell declared, replacing (or, for other types, hiding) earlier ones of the name. */
    private fun rememberProperties(type: Class<*>, classFile: ScriptClassFile, instance: Any) {
        for (method in classFile.methods) {
            val property = ACCESSOR.find(method.name)?.groupValues?.get(1) ?: continue
            primitiveProperties.remove(property.replaceFirstChar { it.lowercase() })
            primitiveProperties.remove(property)
        }
        for (field in classFile.fields) {
            if ('$' in field.name) {
                continue
            }
            primitiveProperties.remove(field.name)
            declared.remove(field.name)
            declared[field.name] = field.descriptor to WeakReference(type)
            val fastPathType = FAST_PATH_TYPES[field.descriptor]
            if (fastPathType != null && !field.isStatic) {
                primitiveProperties[field.name] = ScriptClassFile.getter(instance, field.name, fastPathType)
            }
        }
    }

    /**
     * Types by reflection, which only %who asks for (see [ScriptClassFile] for why not at every cell); the erased
     * type of a property whose cell was unloaded.
     */
    override fun variables(): List<Evaluator.Variable> = declared.filterKeys { it != "neuromorphWarmUp" }
        .map { (name, field) ->
            val type = field.second.get()?.getDeclaredField(name)?.genericType?.typeName
            Evaluator.Variable(name, type ?: org.objectweb.asm.Type.getType(field.first).className)
        }

    override fun addToClasspath(entries: List<java.nio.file.Path>) {
        // the compiler sees the new roots; the evaluator loads a snippet's dependencies it has not loaded yet
        addedClasspath.addAll(entries.map { it.toFile() })
        entries.forEach(cellClasses::add)
        compilation = compilationConfiguration()
    }

    override fun asRunnable(code: String): List<String> = listOf("Runnable {\n$code\n}")

    override fun evaluate(code: String): Evaluator.Outcome {
        if (code.isBlank()) {
            return Evaluator.NoValue()
        }
        ArithmeticFastPath.evaluate(code.trim(), ::primitiveProperty, ArithmeticFastPath.Dialect.KOTLIN)?.let {
            return Evaluator.Value(it, it.toString())
        }
        renewIfLarge()
        seeCarriedProperties(code)
        runner.beginCell() // an interrupt during the compile stops the cell before it runs
        try {
            return compileAndRun(code)
        } finally {
            runner.endCell()
        }
    }

    /**
     * Moves the session to a fresh compiler and evaluator once this one has compiled [snippetsPerGeneration]
     * snippets, carrying declarations and properties over ([KotlinGenerations]). What cannot be carried is named
     * in the cell's output and the kernel log.
     */
    private fun renewIfLarge() {
        if (snippets < snippetsPerGeneration) {
            return
        }
        val started = System.nanoTime()
        val lost = mutableListOf<String>()
        val carry = onCompilerThread {
            compiler.state.dispose() // the old compiler's environment, or it stays registered and alive
            generations.carryOver(lost).also {
                compiler = KJvmReplCompilerWithIdeServices(defaultJvmScriptingHostConfiguration)
            }
        }
        evaluator = BasicJvmReplEvaluator()
        cellLoader = cellClasses.generation(cellNumber + 1)
        // the fast path reads a carried plain val's value, not its old cell, which may then be unloaded
        primitiveProperties.replaceAll { name, getter ->
            generations.plainValue(name)?.let { MethodHandles.constant(Any::class.java, it) } ?: getter
        }
        carriedImports = carry.imports
        compilation = compilationConfiguration()
        snippets = 0
        for (source in carry.sources) {
            seeCarriedProperties(source)
            val outcome = compileAndRun(source, carried = true)
            if (outcome is Evaluator.Failure) {
                lost.add(source.lineSequence().first() + " (" + outcome.evalue + ")")
            }
        }
        val note = "the Kotlin evaluator moved to a fresh compiler after $snippetsPerGeneration snippets, keeping " +
            "the session in ${(System.nanoTime() - started) / 1_000_000} ms"
        org.neuromorph.kernel.Log.info(note + if (lost.isEmpty()) "" else "; not carried: $lost")
        if (lost.isNotEmpty()) {
            System.err.println("Note: $note. Not carried over: ${lost.joinToString(", ")}; declare them again to use them.")
        }
    }

    /** Lets the compiler see the carried properties [code] names (see [KotlinGenerations.accessorsFor]). */
    private fun seeCarriedProperties(code: String) {
        val accessors = generations.accessorsFor(code) ?: return
        val outcome = compileAndRun(accessors, carried = true)
        if (outcome is Evaluator.Failure) {
            // the cell then names what it cannot resolve; the log says why
            org.neuromorph.kernel.Log.info("properties of earlier cells not reached: ${outcome.traceback}")
        }
    }

    /** Compiles and runs a cell, or (when [carried]) a snippet that carries the session over, which declares nothing new. */
    private fun compileAndRun(code: String, carried: Boolean = false): Evaluator.Outcome {
        val source = code.toScriptSource(if (carried) "Carried_${++cellNumber}.kts" else "Cell_${++cellNumber}.kts")
        snippets++
        val compiled = onCompilerThread { runBlocking { compiler.compile(source, compilation) } }
        val snippet: LinkedSnippet<out CompiledScript> = when (compiled) {
            is ResultWithDiagnostics.Success -> compiled.value
            is ResultWithDiagnostics.Failure -> {
                if (compiled.reports.any { it.exception != null }) {
                    // the compiler failed inside (not the cell's error): its state may be broken, so the next cell
                    // starts a fresh one with the session carried over
                    snippets = snippetsPerGeneration
                }
                return compileFailure(code, compiled.reports)
            }
        }
        val classFiles = KotlinCellClasses.guard(snippet.get(), cellLoader)
        val evaluated = try {
            runner.run(KotlinEvaluator::class.java.classLoader) { runBlocking { evaluator.eval(snippet, evaluation) } }
        } catch (e: CellRunner.Stopped) {
            return interrupted()
        }
        return when (evaluated) {
            is ResultWithDiagnostics.Failure -> Evaluator.Failure("EvaluationError",
                evaluated.reports.joinToString("; ") { it.message },
                evaluated.reports.map { "EvaluationError: " + it.message })
            is ResultWithDiagnostics.Success -> when (val result = evaluated.value.get().result) {
                is ResultValue.Value -> Evaluator.Value(result.value, result.value.toString())
                    .also { if (!carried) remember(result, code, classFiles) }
                is ResultValue.Unit -> Evaluator.NoValue().also { if (!carried) remember(result, code, classFiles) }
                is ResultValue.Error -> runtimeFailure(result.error)
                is ResultValue.NotEvaluated -> Evaluator.Failure("NotEvaluated", "the cell was not run",
                    listOf("NotEvaluated: the cell was not run"))
            }
        }
    }

    private fun interrupted() = Evaluator.Failure("Interrupted", "the cell was interrupted; earlier state is kept",
        listOf("Interrupted: the cell was interrupted; variables from earlier cells are kept"))

    private fun compileFailure(code: String, reports: List<ScriptDiagnostic>): Evaluator.Failure {
        val errors = reports.filter { it.severity >= ScriptDiagnostic.Severity.ERROR }.map { d ->
            val start = d.location?.start
            CompileError(start?.line ?: 1, start?.col ?: 1, d.message)
        }
        return CompileError.failure(code, errors)
    }

    private fun runtimeFailure(error: Throwable): Evaluator.Failure {
        val ename = error.javaClass.name
        val evalue = error.message ?: ""
        val traceback = mutableListOf(ename + if (evalue.isEmpty()) "" else ": $evalue")
        var cause: Throwable? = error
        var first = true
        while (cause != null) {
            if (!first) {
                traceback.add("Caused by: " + cause.javaClass.name + (cause.message?.let { ": $it" } ?: ""))
            }
            // frames up to the cell's own script class; the scripting host's reflection below it is noise
            for (frame in cause.stackTrace) {
                if (frame.className.startsWith("kotlin.script.experimental") || frame.className.startsWith("jdk.internal.reflect")) {
                    break
                }
                traceback.add("\tat " + cellFrame(frame))
            }
            first = false
            cause = cause.cause
        }
        return Evaluator.Failure(ename, evalue, traceback)
    }

    /**
     * A frame as the Java kernel shows it: a cell's own statements as "cell (Cell_4.kts:2)", a function or class
     * declared in a cell by its name ("boom(Cell_3.kts:1)", "Point.sum(Cell_3.kts:5)"), the rest as the JVM does.
     */
    private fun cellFrame(frame: StackTraceElement): String {
        if (!frame.className.startsWith("Cell_")) {
            return frame.toString()
        }
        val where = "${frame.fileName}:${frame.lineNumber}"
        val nested = frame.className.substringAfter('$', "")
        return when {
            nested.isEmpty() && frame.methodName == "<init>" -> "cell ($where)"
            nested.isEmpty() -> "${frame.methodName}($where)"
            else -> "$nested.${frame.methodName}($where)"
        }
    }

    /**
     * From the parser alone, as IPython answers: no syntax error is "complete" (unresolved names and types are for
     * the run to report), errors only where the text ends (an open brace, a dangling comma) "incomplete", any
     * other "invalid" (`val = 7q` can never compile).
     */
    override fun isComplete(code: String): Evaluator.Completeness {
        if (code.isBlank()) {
            return Evaluator.Completeness.COMPLETE
        }
        val errors = PsiTreeUtil.collectElementsOfType(generations.parse(code), PsiErrorElement::class.java)
        val end = code.trimEnd().length
        return when {
            errors.isEmpty() -> Evaluator.Completeness.COMPLETE
            errors.all { it.textRange.startOffset >= end } -> Evaluator.Completeness.incomplete(code)
            else -> Evaluator.Completeness.INVALID
        }
    }

    private fun analysis(code: String, cursor: Int): ReplAnalyzerResult? {
        val source = code.toScriptSource(probeName())
        val result = onCompilerThread { runBlocking { compiler.analyze(source, position(code, cursor), compilation) } }
        return result.valueOrNull()
    }

    override fun complete(code: String, cursor: Int): Evaluator.Completions {
        val at = cursor.coerceIn(0, code.length)
        var start = at
        while (start > 0 && Character.isJavaIdentifierPart(code[start - 1])) {
            start--
        }
        seeCarriedProperties(code.substring(0, at))
        val source = code.toScriptSource(probeName())
        val variants = onCompilerThread { runBlocking { compiler.complete(source, position(code, at), compilation) } }
            .valueOrNull()?.toList().orEmpty()
        val matches = LinkedHashSet<String>()
        val types = mutableListOf<String>()
        for (v in variants) {
            if (matches.add(v.text)) {
                types.add(kindOf(v.icon))
            }
        }
        // carried properties the compiler does not see yet (it sees those a cell has named) complete a bare name
        if (start < at && (start == 0 || code[start - 1] != '.')) {
            for (name in generations.propertiesStartingWith(code.substring(start, at))) {
                if (matches.add(name)) {
                    types.add("instance")
                }
            }
        }
        return Evaluator.Completions(matches.toList(), start, at, types)
    }

    /** Jupyter's completion kinds from the compiler's icons. */
    private fun kindOf(icon: String): String = when (icon) {
        "method", "function", "abstract_method", "extension_function" -> "function"
        "class", "interface", "enum", "object", "annotation", "abstract_class" -> "class"
        "property", "field", "variable", "val", "var", "parameter", "value" -> "instance"
        "keyword" -> "keyword"
        "package" -> "module"
        else -> if (icon.contains("method") || icon.contains("function")) "function" else "instance"
    }

    /** The compiler's description of the name at the cursor: its declarations as completion shows them, and the type of the expression. */
    override fun inspect(code: String, cursor: Int, detailLevel: Int): String {
        val at = cursor.coerceIn(0, code.length)
        var end = at
        while (end < code.length && Character.isJavaIdentifierPart(code[end])) {
            end++
        }
        if (end == at && at > 0 && code[at - 1] == '(') {
            end = at - 1 // "lif(": the name before the parenthesis
        }
        var start = end
        while (start > 0 && Character.isJavaIdentifierPart(code[start - 1])) {
            start--
        }
        if (start == end) {
            return ""
        }
        val name = code.substring(start, end)
        seeCarriedProperties(code.substring(0, end))
        val source = code.substring(0, end).toScriptSource(probeName())
        val variants = onCompilerThread { runBlocking { compiler.complete(source, position(code, end), compilation) } }
            .valueOrNull()?.filter { it.text == name || it.text.startsWith("$name(") }?.toList().orEmpty()
        val lines = variants.map { v -> (v.displayText + if (v.tail.isBlank()) "" else " : " + v.tail.trim()).trim() }.distinct()
        val type = analysis(code.substring(0, end), end)?.get(ReplAnalyzerResult.renderedResultType)
        return (lines + listOfNotNull(type?.let { "type of `${code.substring(start, end)}` here: $it" }))
            .joinToString("\n")
    }

    /** The number of the compiler generation now compiling cells (1 until the first move). */
    fun generation(): Int = generations.number

    /** Generations whose classes are still loaded (see [KotlinCellClasses.Session]). */
    fun liveGenerations(): Int = cellClasses.liveGenerations()

    override fun interrupt() {
        runner.stop()
    }

    override fun close() {
        compilerThread.shutdownNow()
        generations.close()
    }

    companion object {
        /**
         * Snippets per compiler: the REPL's cost per cell and completion grows with the snippets it holds (completion
         * 100 ms after 300 declarations, 505 ms after 425 in the soak), and a move costs one compiler start.
         */
        const val SNIPPETS_PER_GENERATION = 100

        private const val COMPILER_STACK_BYTES = 64L shl 20

        /** The field types the arithmetic fast path reads, and the getter names that hide a property. */
        /** The field types the arithmetic fast path reads, by JVM descriptor. */
        private val FAST_PATH_TYPES = mapOf("I" to Integer.TYPE, "J" to java.lang.Long.TYPE,
            "D" to java.lang.Double.TYPE, "Z" to java.lang.Boolean.TYPE)
        private val ACCESSOR = Regex("^(?:get|is)([A-Z].*)$")

        /** Imports every Kotlin cell starts with: the DSL's ([Cells.IMPORTS]), its Kotlin builders and units, display. */
        @JvmField
        val DEFAULT_IMPORTS: List<String> = Cells.IMPORTS.map { it.kotlin() } + "org.neuromorph.dsl.kotlin.*" +
            Display.IMPORTS.map { it.kotlin() }

        private fun classPath(): List<File> =
            System.getProperty("java.class.path").orEmpty().split(File.pathSeparator)
                .filter { it.isNotBlank() }.map { File(it) }

        /** A 1-based line and column for a character offset (as compile errors count them). */
        private fun position(code: String, offset: Int): SourceCode.Position {
            val at = offset.coerceIn(0, code.length)
            val place = CompileError.at(code, at, "")
            return SourceCode.Position(place.line(), place.column(), at)
        }
    }
}
