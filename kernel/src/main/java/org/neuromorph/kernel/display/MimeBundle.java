package org.neuromorph.kernel.display;

import java.util.LinkedHashMap;
import java.util.Map;

/** The representations of one object, keyed by MIME type (text/plain is always there). */
public record MimeBundle(Map<String, Object> data, Map<String, Object> metadata) {

    /** The bundle of a cell's value. Rich renderers (plots, tables) come with the display work; this is text. */
    public static MimeBundle of(Object value, String text) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("text/plain", text != null ? text : String.valueOf(value));
        return new MimeBundle(data, new LinkedHashMap<>());
    }
}
