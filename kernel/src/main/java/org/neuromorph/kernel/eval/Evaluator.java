package org.neuromorph.kernel.eval;

import java.nio.file.Path;
import java.util.List;

/**
 * Runs the cells of one language and keeps their state between cells. The kernel calls {@link #evaluate},
 * {@link #isComplete} and {@link #complete} from its shell thread, one at a time, and {@link #interrupt} from
 * the control thread while a cell runs.
 */
public interface Evaluator extends AutoCloseable {

    /** The result of a cell: a value to display (maybe none), or an error to report. */
    sealed interface Outcome permits Value, NoValue, Failure {
    }

    /** The cell ended with an expression: its object (may be null) and its text form. */
    record Value(Object value, String text) implements Outcome {
    }

    /** The cell ran and ended with a statement or declaration. */
    record NoValue() implements Outcome {
    }

    /**
     * The cell failed: compile error, exception or interruption.
     *
     * @param traceback readable lines, first the summary, then the diagnostic or the user's stack frames
     */
    record Failure(String ename, String evalue, List<String> traceback) implements Outcome {
    }

    /** is_complete: "complete", "incomplete" (with the indent to continue with) or "invalid". */
    record Completeness(String status, String indent) {
        static final Completeness COMPLETE = new Completeness("complete", "");
        /** Code that can never compile, whatever follows (a syntax error before its end). */
        static final Completeness INVALID = new Completeness("invalid", "");

        /** An incomplete cell, indented four spaces per bracket it leaves open. */
        static Completeness incomplete(String code) {
            int depth = 0;
            for (int i = 0; i < code.length(); i++) {
                char c = code.charAt(i);
                if (c == '{' || c == '(' || c == '[') {
                    depth++;
                } else if ((c == '}' || c == ')' || c == ']') && depth > 0) {
                    depth--;
                }
            }
            return new Completeness("incomplete", "    ".repeat(depth));
        }
    }

    /** complete: the matches for the text in [cursorStart, cursorEnd), with their kinds where known. */
    record Completions(List<String> matches, int cursorStart, int cursorEnd, List<String> types) {
    }

    Outcome evaluate(String code);

    /** A variable of the session, for {@code %who}. */
    record Variable(String name, String type) {
    }

    /** The session's variables (the latest declaration of each name), in the order they were declared. */
    List<Variable> variables();

    /** Adds jars or class directories to what later cells compile and run against ({@code %classpath}, {@code %maven}). */
    void addToClasspath(List<Path> entries);

    /**
     * Ways to write {@code code} as a {@code Runnable} lambda argument in this language, tried in order until one
     * compiles (Java needs one form for statements and another for expressions), for {@code %timeit}.
     */
    List<String> asRunnable(String code);

    Completeness isComplete(String code);

    Completions complete(String code, int cursor);

    /** Signature and documentation of the name at the cursor ("" when nothing is known); more at detail 1. */
    String inspect(String code, int cursor, int detailLevel);

    /** Stops the running cell, if any; the state from earlier cells stays. */
    void interrupt();

    @Override
    void close();
}
