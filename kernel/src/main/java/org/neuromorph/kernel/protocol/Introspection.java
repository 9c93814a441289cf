package org.neuromorph.kernel.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.neuromorph.kernel.eval.Evaluator;
import org.neuromorph.kernel.magic.Magics;
import org.neuromorph.kernel.wire.Message;

/** The requests that ask the evaluator about code without running it: is_complete, complete and inspect. */
final class Introspection {
    private final CompletableFuture<Evaluator> evaluator;

    Introspection(CompletableFuture<Evaluator> evaluator) {
        this.evaluator = evaluator;
    }

    Replies.IsComplete isComplete(Requests.Code request, Message message) throws Exception {
        Evaluator.Completeness c = Magics.completeness(request.code());
        if (c == null) {
            c = Execution.ready(evaluator).isComplete(request.code());
        }
        return new Replies.IsComplete(c.status(), c.status().equals("incomplete") ? c.indent() : null);
    }

    Replies.Complete complete(Requests.AtCursor request, Message message) throws Exception {
        Evaluator.Completions c = Execution.ready(evaluator).complete(request.code(), request.cursorPos());
        List<Map<String, Object>> types = new ArrayList<>();
        for (int i = 0; i < c.matches().size(); i++) {
            types.add(Map.of("start", c.cursorStart(), "end", c.cursorEnd(), "text", c.matches().get(i),
                    "type", c.types().get(i)));
        }
        return new Replies.Complete("ok", c.matches(), c.cursorStart(), c.cursorEnd(),
                Map.of("_jupyter_types_experimental", types));
    }

    Replies.Inspect inspect(Requests.AtCursor request, Message message) throws Exception {
        String text = Execution.ready(evaluator).inspect(request.code(), request.cursorPos(), request.detailLevel());
        return new Replies.Inspect("ok", !text.isEmpty(), text.isEmpty() ? Map.of() : Map.of("text/plain", text),
                Map.of());
    }
}
