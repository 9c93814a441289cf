package org.neuromorph.kernel.eval;

import java.io.File;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;
import org.neuromorph.dsl.Cells;
import org.neuromorph.kernel.Log;
import org.neuromorph.kernel.display.Display;

/**
 * Java cells on the JShell API. A cell is split into snippets with JShell's own source analysis and run one
 * snippet at a time, stopping at the first failure; the value of a final expression written without a
 * semicolon is the cell's result ({@code x + 1} shows its value, {@code x + 1;} does not, as in IPython).
 * Snippets run in the kernel's JVM (see {@link KernelExecutionControl}) with the kernel's class path, so
 * neuro-lib and the DSL are there, and the DSL's imports are made before the first cell.
 *
 * <p>About 520 lines, a little past the house's 500: it is the one place that speaks JShell's API for every request
 * (evaluate, complete, inspect, is-complete, variables, class path) and for the moves between generations; what
 * stands apart does: {@link JShellGenerations} (carrying a session to a fresh JShell), {@link CellBytecode},
 * {@link ArithmeticFastPath}, {@link SourceDocs}, {@link KernelExecutionControl}.
 */
public final class JShellEvaluator implements Evaluator {
    /** Imports every cell starts with: the JDK's everyday packages, the DSL's ({@link Cells#IMPORTS}), display. */
    public static final List<String> DEFAULT_IMPORTS = Stream.of(
            Stream.of("java.util.*", "java.util.function.*", "java.util.stream.*", "java.io.*", "java.nio.file.*",
                    "java.math.*").map(p -> "import " + p + ";"),
            Cells.IMPORTS.stream().map(Cells.Import::java),
            Display.IMPORTS.stream().map(Cells.Import::java)).flatMap(s -> s).toList();

    /**
     * Snippets one JShell compiles before the evaluator moves to a fresh one ({@link JShellGenerations}); measured
     * with the soak's mix, JShell's memory for its snippets grows with their square (bench/run-jshell-growth.sh:
     * 23 MiB live at 500 declarations, 107 at 1500), and a new generation costs about half a second once.
     */
    static final int SNIPPETS_PER_GENERATION = 400;

    private final int snippetsPerGeneration;
    private final JShellGenerations generations = new JShellGenerations();
    private final CellRunner runner = new CellRunner();
    private final SourceDocs sourceDocs = new SourceDocs();
    /** The jars and class directories cells added, for every later generation. */
    private final List<String> addedClasspath = new ArrayList<>();
    private JShell shell;
    private SourceCodeAnalysis analysis;
    private KernelExecutionControl control;
    private int snippets;
    /** The valid variables by name, for the fast path; rebuilt after any cell that took the full path. */
    private Map<String, VarSnippet> variables;

    public JShellEvaluator() {
        this(SNIPPETS_PER_GENERATION);
    }

    /** An evaluator that moves to a fresh JShell every {@code snippetsPerGeneration} snippets. */
    JShellEvaluator(int snippetsPerGeneration) {
        this.snippetsPerGeneration = snippetsPerGeneration;
        startGeneration();
        for (String line : DEFAULT_IMPORTS) {
            Outcome outcome = evaluate(line);
            if (outcome instanceof Failure f) {
                throw new IllegalStateException("start-up import failed: " + line + ": " + f.evalue());
            }
        }
        warmUp();
    }

    /** A fresh JShell on the next generation, its class path the kernel's, the cells' and the carried classes. */
    private void startGeneration() {
        KernelExecutionControl.Provider provider = new KernelExecutionControl.Provider(generations.next(), runner);
        // JShell's own console output (not the cells') is discarded; cells print through System.out
        PrintStream quiet = new PrintStream(PrintStream.nullOutputStream());
        shell = JShell.builder()
                .executionEngine(provider, Map.of())
                .out(quiet).err(quiet)
                .compilerOptions("-Xlint:none", "-proc:none")
                .build();
        control = provider.control();
        String classPath = System.getProperty("java.class.path");
        if (classPath != null && !classPath.isBlank()) {
            for (String entry : classPath.split(File.pathSeparator)) {
                shell.addToClasspath(entry);
            }
        }
        addedClasspath.forEach(shell::addToClasspath);
        shell.addToClasspath(generations.classDirectory().toString());
        analysis = shell.sourceCodeAnalysis();
        snippets = 0;
        variables = null;
    }

    /**
     * Moves the session to a fresh JShell once this one has compiled {@link #SNIPPETS_PER_GENERATION} snippets,
     * carrying imports, types, methods and variables over ({@link JShellGenerations}). What cannot be carried is
     * named in the cell's output and the kernel log.
     */
    private void renewIfLarge() {
        if (snippets < snippetsPerGeneration) {
            return;
        }
        long started = System.nanoTime();
        List<String> lost = new ArrayList<>();
        JShellGenerations.Carry carry = generations.carryOver(shell, DEFAULT_IMPORTS, lost);
        JShell old = shell;
        startGeneration();
        old.close();
        for (String source : carry.sources()) {
            seeCarriedVariables(source);
            carryOne(source, lost);
        }
        String note = "the Java evaluator moved to a fresh JShell after " + snippetsPerGeneration
                + " snippets, keeping the session (" + generations.carried().size() + " variables carried) in "
                + (System.nanoTime() - started) / 1_000_000 + " ms";
        Log.info(note + (lost.isEmpty() ? "" : "; not carried: " + lost));
        if (!lost.isEmpty()) {
            System.err.println("Note: " + note + ". Not carried over: " + String.join(", ", lost)
                    + "; declare them again to use them.");
        }
    }

    /** The number of the JShell generation now running cells (1 until the first move). */
    int generation() {
        return generations.generation();
    }

    /** How many generations' classes are still loaded (an earlier one stays while its classes are in use). */
    int liveGenerations() {
        return generations.liveGenerations();
    }

    /** Lets the compiler see the carried variables {@code code} mentions (see {@link JShellGenerations#importFor}). */
    private void seeCarriedVariables(String code) {
        String holderImport = generations.importFor(code);
        if (holderImport != null) {
            shell.eval(holderImport);
        }
    }

    private void carryOne(String source, List<String> lost) {
        for (SnippetEvent event : shell.eval(source)) {
            if (event.causeSnippet() == null && !event.status().isDefined()) {
                String why = shell.diagnostics(event.snippet()).filter(Diag::isError)
                        .map(d -> d.getMessage(Locale.ROOT)).findFirst().orElse(event.status().toString());
                lost.add(source.strip().lines().findFirst().orElse(source) + " (" + why + ")");
            }
        }
    }

    /**
     * Runs the compiler and the analysis once on throw-away code while the kernel starts (the evaluator is built
     * in the background), so the user's first cell does not pay for javac's class loading and JIT warm-up.
     */
    private void warmUp() {
        for (SnippetEvent event : shell.eval("int neuromorphWarmUp = Math.max(1, network().hashCode());")) {
            shell.drop(event.snippet());
        }
        analysis.completionSuggestions("lif().ta", 8, new int[1]);
        analysis.analyzeCompletion("for (int i = 0; i < 1; i++) {");
    }

    @Override
    public List<Variable> variables() {
        List<Variable> current = shell.variables().filter(v -> shell.status(v).isActive() && !v.name().startsWith("$"))
                .map(v -> new Variable(v.name(), v.typeName())).toList();
        Set<String> redeclared = current.stream().map(Variable::name).collect(Collectors.toSet());
        List<Variable> all = new ArrayList<>();
        generations.carried().values().stream().filter(v -> !redeclared.contains(v.name()))
                .forEach(v -> all.add(new Variable(v.name(), v.typeName())));
        all.addAll(current);
        return all;
    }

    @Override
    public void addToClasspath(List<Path> entries) {
        for (Path entry : entries) {
            shell.addToClasspath(entry.toString()); // the compiler's class path and the cells' class loader
            addedClasspath.add(entry.toString());
        }
    }

    @Override
    public List<String> asRunnable(String code) {
        // a statement (x++, a call of a void method) or an expression (Math.sin(x)), whose value is dropped
        return List.of("() -> {\n" + code + "\n;}", "() -> { var neuromorphTimed = (\n" + code + "\n); }");
    }

    @Override
    public Outcome evaluate(String code) {
        Object quick = ArithmeticFastPath.evaluate(code.strip(), this::primitiveVariable);
        if (quick != null) {
            return new Value(quick, String.valueOf(quick));
        }
        variables = null; // the full path may define or redefine variables
        renewIfLarge();
        seeCarriedVariables(code);
        control.beginCell();
        try {
            return evaluateSnippets(code);
        } finally {
            control.endCell();
        }
    }

    /** The cell snippet by snippet, stopping at the first failure; the last snippet's outcome. */
    private Outcome evaluateSnippets(String code) {
        String remaining = code;
        int offset = 0;
        Outcome last = new NoValue();
        while (!remaining.isBlank()) {
            // diagnostics are positioned within the snippet, so each snippet starts at its first non-blank
            int leading = remaining.length() - remaining.stripLeading().length();
            offset += leading;
            remaining = remaining.substring(leading);
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            String source;
            String rest;
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                break;
            } else if (info.completeness().isComplete()) {
                source = info.source();
                rest = info.remaining();
            } else {
                // incomplete or unknown: hand JShell the rest so its compiler names the problem
                source = remaining;
                rest = "";
            }
            int consumed = remaining.length() - rest.length();
            last = evaluateSnippet(source, code, offset);
            // as in IPython, an expression closed by a semicolon is run for its effect and not displayed
            if (last instanceof Value && source.strip().endsWith(";")) {
                last = new NoValue();
            }
            if (last instanceof Failure) {
                return last;
            }
            offset += consumed;
            remaining = rest;
        }
        return last;
    }

    /** The current value of a variable of a primitive type the fast path handles, or null. */
    private Object primitiveVariable(String name) {
        if (variables == null) {
            Map<String, VarSnippet> valid = new HashMap<>();
            shell.variables().filter(v -> shell.status(v) == Snippet.Status.VALID)
                    .forEach(v -> valid.put(v.name(), v));
            variables = valid;
        }
        VarSnippet snippet = variables.get(name);
        if (snippet == null) {
            return carriedPrimitive(name);
        }
        if (!ArithmeticFastPath.TYPES.contains(snippet.typeName())) {
            return null;
        }
        shell.varValue(snippet);
        return control.takeVariable();
    }

    /** A variable carried from an earlier generation, read where it lives, if the fast path handles its type. */
    private Object carriedPrimitive(String name) {
        JShellGenerations.CarriedVariable v = generations.carried().get(name);
        if (v == null || !ArithmeticFastPath.TYPES.contains(v.typeName())) {
            return null;
        }
        try {
            return generations.valueOf(name);
        } catch (ReflectiveOperationException e) {
            return null; // the full path reads it, or says why not
        }
    }

    private Outcome evaluateSnippet(String source, String cell, int startOffset) {
        snippets++;
        List<SnippetEvent> events = shell.eval(source);
        if (control.consumeStopped()) {
            // JShell reports a stopped snippet as neither value nor exception
            control.takeLastValue();
            return new Failure("Interrupted", "the cell was interrupted; earlier state is kept",
                    List.of("Interrupted: the cell was interrupted; variables from earlier cells are kept"));
        }
        Outcome outcome = new NoValue();
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue; // an update of a dependent snippet, not this one
            }
            Snippet snippet = event.snippet();
            if (event.status() == Snippet.Status.REJECTED) {
                return compileFailure(snippet, cell, startOffset);
            }
            if (event.exception() != null) {
                return runtimeFailure(event.exception());
            }
            if (event.status() == Snippet.Status.RECOVERABLE_DEFINED
                    || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                if (!(snippet instanceof jdk.jshell.DeclarationSnippet declaration)) {
                    return compileFailure(snippet, cell, startOffset); // a statement names what it lacks
                }
                List<String> missing = shell.unresolvedDependencies(declaration).toList();
                if (event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                    return new Failure("UnresolvedReference", "cannot define this until " + missing
                            + " exist(s)", List.of("UnresolvedReference: define " + missing + " first"));
                }
            }
            if (isExpression(snippet)) {
                Object value = control.takeLastValue();
                outcome = new Value(value, event.value());
            } else {
                control.takeLastValue();
            }
        }
        return outcome;
    }

    private static boolean isExpression(Snippet snippet) {
        return snippet.kind() == Snippet.Kind.EXPRESSION
                || (snippet instanceof VarSnippet
                && snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND);
    }

    private Failure compileFailure(Snippet snippet, String cell, int startOffset) {
        List<CompileError> errors = shell.diagnostics(snippet).filter(Diag::isError)
                .map(d -> CompileError.at(cell, (int) (startOffset + Math.max(0, d.getStartPosition())),
                        d.getMessage(Locale.ROOT)))
                .toList();
        return CompileError.failure(cell, errors);
    }

    private static Failure runtimeFailure(JShellException exception) {
        String ename;
        String evalue = exception.getMessage() == null ? "" : exception.getMessage();
        if (exception instanceof EvalException eval) {
            ename = eval.getExceptionClassName();
        } else if (exception instanceof UnresolvedReferenceException unresolved) {
            ename = "UnresolvedReference";
            evalue = "attempt to use " + unresolved.getSnippet().source().strip()
                    + ", which refers to something not yet defined";
        } else {
            ename = exception.getClass().getName();
        }
        List<String> traceback = new ArrayList<>();
        traceback.add(ename + (evalue.isEmpty() ? "" : ": " + evalue));
        appendFrames(exception, traceback);
        Throwable cause = exception.getCause();
        while (cause != null) {
            String causeName = cause instanceof EvalException ce ? ce.getExceptionClassName()
                    : cause.getClass().getName();
            traceback.add("Caused by: " + causeName + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
            appendFrames(cause, traceback);
            cause = cause.getCause();
        }
        return new Failure(ename, evalue, traceback);
    }

    /** Frames up to the cell's own code; JShell's wrapper and the kernel's frames below it are noise. */
    private static void appendFrames(Throwable t, List<String> traceback) {
        for (StackTraceElement frame : t.getStackTrace()) {
            String file = frame.getFileName();
            boolean cellFrame = frame.getClassName().startsWith("REPL.");
            if (cellFrame && frame.getMethodName().equals("do_it$")) {
                traceback.add("\tat cell (" + (file == null ? "" : file + ":") + frame.getLineNumber() + ")");
                break;
            }
            if (frame.getClassName().startsWith("jdk.internal.reflect") 
                    || frame.getClassName().startsWith("org.neuromorph.kernel.eval")) {
                break;
            }
            // JShell's wrapper class (REPL.$JShell$12, or REPL.Cells3_12 as an earlier generation named it) is noise
            String where = cellFrame ? frame.getClassName().replaceFirst("^REPL\\.(\\$JShell\\$|Cells\\d+_)\\d+\\$?", "")
                    : frame.getClassName();
            traceback.add("\tat " + (where.isEmpty() ? "" : where + ".") + frame.getMethodName()
                    + "(" + (file == null ? "" : file + ":") + frame.getLineNumber() + ")");
        }
    }

    @Override
    public Completeness isComplete(String code) {
        if (code.isBlank()) {
            return Completeness.COMPLETE;
        }
        String remaining = code;
        while (true) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            switch (info.completeness()) {
                case EMPTY:
                    return Completeness.COMPLETE;
                case COMPLETE:
                case COMPLETE_WITH_SEMI:
                    // whole, but a unit that does not parse can never compile (`int = 7q;`): "invalid", as IPython
                    if (!JavaSyntax.parses(info.source())) {
                        return Completeness.INVALID;
                    }
                    if (info.remaining().isBlank()) {
                        return Completeness.COMPLETE;
                    }
                    remaining = info.remaining();
                    continue;
                case DEFINITELY_INCOMPLETE:
                case CONSIDERED_INCOMPLETE:
                    return Completeness.incomplete(code);
                case UNKNOWN:
                default:
                    return Completeness.INVALID;
            }
        }
    }

    /** Four spaces per unclosed brace or parenthesis. */
    @Override
    public Completions complete(String code, int cursor) {
        int[] anchor = new int[1];
        int at = Math.max(0, Math.min(cursor, code.length()));
        seeCarriedVariables(code.substring(0, at)); // what the cell names so far, as the run will see it
        List<SourceCodeAnalysis.Suggestion> suggestions = analysis.completionSuggestions(code, at, anchor);
        Set<String> matches = new LinkedHashSet<>();
        List<String> types = new ArrayList<>();
        boolean anyMatchingType = suggestions.stream().anyMatch(SourceCodeAnalysis.Suggestion::matchesType);
        Set<String> shellVariables = shell.variables().map(VarSnippet::name).collect(Collectors.toSet());
        Predicate<String> variables =
                name -> shellVariables.contains(name) || generations.carried().containsKey(name);
        Set<String> classes = shell.types().map(TypeDeclSnippet::name).collect(Collectors.toSet());
        for (SourceCodeAnalysis.Suggestion s : suggestions) {
            if ((!anyMatchingType || s.matchesType()) && matches.add(s.continuation())) {
                types.add(kindOf(s.continuation(), variables, classes));
            }
        }
        // carried variables the compiler does not see yet (it sees those a cell has named) complete a bare name
        int start = at;
        while (start > 0 && Character.isJavaIdentifierPart(code.charAt(start - 1))) {
            start--;
        }
        boolean bareName = start == 0 || code.charAt(start - 1) != '.';
        if (bareName && start < at && (suggestions.isEmpty() || anchor[0] == start)) {
            for (String name : generations.carriedStartingWith(code.substring(start, at))) {
                if (matches.add(name)) {
                    types.add("instance");
                }
            }
            anchor[0] = start;
        }
        return new Completions(new ArrayList<>(matches), anchor[0], at, types);
    }

    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "continue", "default", "do", "double", "else", "enum", "extends", "final",
            "finally", "float", "for", "if", "implements", "import", "instanceof", "int", "interface", "long", "new",
            "package", "private", "protected", "public", "return", "short", "static", "super", "switch",
            "synchronized", "this", "throw", "throws", "try", "var", "void", "volatile", "while", "record", "yield",
            "true", "false", "null");

    /**
     * The Jupyter kind of a completion (_jupyter_types_experimental): JShell's suggestions carry no kind, so it
     * comes from the shell's own state (variables and classes of earlier cells), the form of the continuation
     * (a method ends in "("), the keywords, and Java's naming convention for what is left (types are
     * capitalised, packages are not).
     */
    private static String kindOf(String continuation, Predicate<String> variables,
            Set<String> classes) {
        if (continuation.endsWith("(") || continuation.endsWith("()")) {
            return "function";
        }
        if (variables.test(continuation)) {
            return "instance";
        }
        if (classes.contains(continuation)) {
            return "class";
        }
        if (KEYWORDS.contains(continuation)) {
            return "keyword";
        }
        if (continuation.isEmpty()) {
            return "";
        }
        if (Character.isUpperCase(continuation.charAt(0))) {
            return continuation.chars().allMatch(c -> Character.isUpperCase(c) || c == '_' || Character.isDigit(c))
                    && continuation.length() > 1 ? "instance" : "class";
        }
        return continuation.endsWith(".") ? "module" : "instance";
    }

    @Override
    public String inspect(String code, int cursor, int detailLevel) {
        int at = Math.max(0, Math.min(cursor, code.length()));
        // JShell documents the call whose argument list the cursor is in; at a bare name, look as if "(" followed
        String probe = code.substring(0, at);
        seeCarriedVariables(probe);
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(probe, probe.length(), detailLevel > 0);
        if (docs.isEmpty() && !probe.endsWith("(")) {
            docs = analysis.documentation(probe + "(", probe.length() + 1, detailLevel > 0);
        }
        StringBuilder text = new StringBuilder();
        for (SourceCodeAnalysis.Documentation doc : docs) {
            if (text.length() > 0) {
                text.append("\n");
            }
            text.append(doc.signature());
            String javadoc = doc.javadoc() != null && !doc.javadoc().isBlank() ? doc.javadoc()
                    : sourceDocs.javadoc(doc.signature());
            if (javadoc != null && !javadoc.isBlank()) {
                text.append("\n").append(javadoc.strip()).append("\n");
            }
        }
        return text.toString();
    }

    @Override
    public void interrupt() {
        shell.stop();
    }

    @Override
    public void close() {
        shell.close();
        generations.close();
    }
}
