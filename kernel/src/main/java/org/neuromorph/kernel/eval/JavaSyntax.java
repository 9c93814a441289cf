package org.neuromorph.kernel.eval;

import com.sun.source.util.JavacTask;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Whether one of a cell's units (an import, a declaration, a statement or an expression, as JShell splits a cell)
 * parses as Java at all, by javac's parser alone: nothing resolved, so an unknown name is left for the run to
 * report. JShell's own analysis cannot say this (its snippets are attributed, so an unknown name looks as broken as
 * {@code int = 7q;}).
 */
final class JavaSyntax {
    private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();

    private JavaSyntax() {
    }

    /** True if the unit parses where JShell may put it: at the top of a file, in a class, in a method, as a value. */
    static boolean parses(String unit) {
        String expression = unit.strip();
        while (expression.endsWith(";")) {
            expression = expression.substring(0, expression.length() - 1);
        }
        return parsesAsFile(unit)
                || parsesAsFile("class Cell {\n" + unit + "\n}")
                || parsesAsFile("class Cell { void cell() {\n" + unit + "\n} }")
                || parsesAsFile("class Cell { Object cell() { return (\n" + expression + "\n); } }");
    }

    private static boolean parsesAsFile(String source) {
        DiagnosticCollector<JavaFileObject> problems = new DiagnosticCollector<>();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///Cell.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        JavacTask task = (JavacTask) JAVAC.getTask(null, null, problems, List.of("-proc:none"), null, List.of(file));
        try {
            task.parse();
        } catch (IOException e) {
            return false;
        }
        return problems.getDiagnostics().stream().noneMatch(d -> d.getKind() == Diagnostic.Kind.ERROR);
    }
}
