package org.neuromorph.kernel.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The contents of the requests the kernel answers (Jupyter messaging protocol 5.3), as records bound by Jackson
 * from the message's content: snake_case fields, unknown ones ignored, missing ones given the protocol's defaults.
 * A content that does not fit (a number where a string belongs, say) is refused with a reply naming the field.
 */
final class Requests {
    private Requests() {
    }

    /** A request without fields the kernel reads (kernel_info, interrupt). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Empty() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Execute(String code, Boolean silent, Boolean storeHistory, Boolean stopOnError, Boolean allowStdin) {
        Execute {
            code = code == null ? "" : code;
            silent = silent != null && silent;
            storeHistory = storeHistory == null ? !silent : storeHistory;
            stopOnError = stopOnError == null || stopOnError;
            allowStdin = allowStdin == null || allowStdin;
        }
    }

    /** is_complete_request. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Code(String code) {
        Code {
            code = code == null ? "" : code;
        }
    }

    /** complete_request and inspect_request: code and a cursor in it (its end when not given). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record AtCursor(String code, Integer cursorPos, Integer detailLevel) {
        AtCursor {
            code = code == null ? "" : code;
            cursorPos = cursorPos == null ? code.length() : cursorPos;
            detailLevel = detailLevel == null ? 0 : detailLevel;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record History(String histAccessType, Boolean output, Integer session, Integer start, Integer stop, Integer n,
            String pattern, Boolean unique) {
        History {
            histAccessType = histAccessType == null ? "tail" : histAccessType;
            output = output != null && output;
            session = session == null ? 0 : session;
            start = start == null ? 1 : start;
            stop = stop == null ? 0 : stop;
            pattern = pattern == null ? "*" : pattern;
            unique = unique != null && unique;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record CommInfo(String targetName) {
        CommInfo {
            targetName = targetName == null ? "" : targetName;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Shutdown(Boolean restart) {
        Shutdown {
            restart = restart != null && restart;
        }
    }
}
