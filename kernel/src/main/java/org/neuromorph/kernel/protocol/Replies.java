package org.neuromorph.kernel.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * The contents of the kernel's replies, as records Jackson writes in snake_case; absent (null) fields are left out.
 * Each has the protocol's {@code status} first.
 */
final class Replies {
    private Replies() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record KernelInfo(String status, String protocolVersion, String implementation, String implementationVersion,
            Map<String, Object> languageInfo, String banner, List<Map<String, String>> helpLinks) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ExecuteOk(String status, int executionCount, Map<String, Object> userExpressions, List<Object> payload) {
        static ExecuteOk of(int count) {
            return new ExecuteOk("ok", count, Map.of(), List.of());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ExecuteError(String status, int executionCount, String ename, String evalue, List<String> traceback) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ExecuteAborted(String status, int executionCount) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record IsComplete(String status, String indent) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Complete(String status, List<String> matches, int cursorStart, int cursorEnd,
            Map<String, Object> metadata) {
    }

    record Inspect(String status, boolean found, Map<String, String> data, Map<String, Object> metadata) {
    }

    record History(String status, List<List<Object>> history) {
    }

    record CommInfo(String status, Map<String, Map<String, String>> comms) {
    }

    record Ok(String status) {
        static final Ok OK = new Ok("ok");
    }

    record Shutdown(String status, boolean restart) {
    }

    /** What a request whose handler failed gets back. */
    record Failed(String status, String ename, String evalue, List<String> traceback) {
    }
}
