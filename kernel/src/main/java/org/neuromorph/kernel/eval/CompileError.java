package org.neuromorph.kernel.eval;

import java.util.ArrayList;
import java.util.List;

/** A compile error at a line and column (1-based) of a cell, as both evaluators report them. */
record CompileError(int line, int column, String message) {

    /** The line and column of a character offset in a cell. */
    static CompileError at(String cell, int offset, String message) {
        int absolute = Math.max(0, Math.min(cell.length(), offset));
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < absolute; i++) {
            if (cell.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new CompileError(line, absolute - lineStart + 1, message);
    }

    /** The failure a cell with these errors reports: each message, the line it is on, a caret under the column. */
    static Evaluator.Failure failure(String cell, List<CompileError> errors) {
        if (errors.isEmpty()) {
            return new Evaluator.Failure("CompilationError", "the cell was rejected",
                    List.of("CompilationError: the cell was rejected"));
        }
        String[] lines = cell.split("\n", -1);
        List<String> traceback = new ArrayList<>();
        CompileError first = errors.get(0);
        String summary = "line " + first.line + ", column " + first.column + ": "
                + first.message.lines().findFirst().orElse("");
        traceback.add("CompilationError: " + summary);
        for (CompileError e : errors) {
            traceback.add("Line " + e.line + ", column " + e.column + ": " + e.message);
            if (e.line >= 1 && e.line <= lines.length) {
                traceback.add("    " + lines[e.line - 1]);
                traceback.add("    " + " ".repeat(Math.max(0, e.column - 1)) + "^");
            }
        }
        return new Evaluator.Failure("CompilationError", summary, traceback);
    }
}
