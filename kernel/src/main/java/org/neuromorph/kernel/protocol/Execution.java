package org.neuromorph.kernel.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.neuromorph.dsl.Cells;
import org.neuromorph.kernel.display.Display;
import org.neuromorph.kernel.display.MimeBundle;
import org.neuromorph.kernel.display.StreamCapture;
import org.neuromorph.kernel.eval.Evaluator;
import org.neuromorph.kernel.magic.Magics;
import org.neuromorph.kernel.wire.Message;

/**
 * execute_request: counts and records the cell, gives its writers (printed streams, displays, stdin) a
 * {@link CellOutput} addressed to it, runs it through the magics and the evaluator, publishes its result or error,
 * and says whether requests queued behind a failed cell are to be aborted.
 */
final class Execution implements Handler<Requests.Execute> {
    private final CompletableFuture<Evaluator> evaluator;
    private final History history;
    private final StreamCapture capture;
    private final Magics magics;
    private final Publisher publisher;
    private final Session session;
    private final StdinBridge stdin;
    private int executionCount;
    private boolean abortQueued;

    Execution(CompletableFuture<Evaluator> evaluator, History history, StreamCapture capture, Magics magics,
            Publisher publisher, Session session, StdinBridge stdin) {
        this.evaluator = evaluator;
        this.history = history;
        this.capture = capture;
        this.magics = magics;
        this.publisher = publisher;
        this.session = session;
        this.stdin = stdin;
    }

    @Override
    public Class<Requests.Execute> content() {
        return Requests.Execute.class;
    }

    int executionCount() {
        return executionCount;
    }

    /** Whether the last cell failed with stop_on_error, so the requests queued behind it are aborted (once). */
    boolean takeAbort() {
        boolean abort = abortQueued;
        abortQueued = false;
        return abort;
    }

    /** The evaluator, waiting for its start if it is still under way. */
    static Evaluator ready(CompletableFuture<Evaluator> evaluator) throws InterruptedException {
        try {
            return evaluator.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the evaluator failed to start: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public Object handle(Requests.Execute request, Message message) throws Exception {
        boolean counted = !request.silent() && request.storeHistory();
        if (counted) {
            executionCount++;
            history.add(executionCount, request.code());
        }
        int count = executionCount;
        CellOutput output = new CellOutput(message, publisher, capture, session);
        if (!request.silent()) {
            ObjectNode input = session.object();
            input.put("code", request.code());
            input.put("execution_count", count);
            output.publish("execute_input", input);
        }
        capture.sink(output::stream);
        Display.sink(output);
        Cells.begin("cell-" + count);
        stdin.beginCell(message, request.allowStdin());
        Evaluator.Outcome outcome;
        MimeBundle result = null;
        capture.beginCell();
        try {
            outcome = magics.run(request.code(), ready(evaluator));
            if (outcome instanceof Evaluator.Value value && !request.silent()) {
                // rendered inside the cell's output window, so what a renderer prints precedes the result
                result = MimeBundle.of(value.value(), value.text());
            }
        } finally {
            capture.endCell();
        }
        if (outcome instanceof Evaluator.Failure failure) {
            ObjectNode error = session.object();
            error.put("ename", failure.ename());
            error.put("evalue", failure.evalue());
            failure.traceback().forEach(error.putArray("traceback")::add);
            output.publish("error", error);
            abortQueued = request.stopOnError();
            return new Replies.ExecuteError("error", count, failure.ename(), failure.evalue(), failure.traceback());
        }
        if (result != null) {
            ObjectNode content = output.bundle(result);
            content.put("execution_count", count);
            output.publish("execute_result", content);
            if (counted) {
                history.addOutput(count, String.valueOf(result.data().get("text/plain")));
            }
        }
        return Replies.ExecuteOk.of(count);
    }
}
