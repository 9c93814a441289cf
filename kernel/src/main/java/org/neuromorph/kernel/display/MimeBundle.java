package org.neuromorph.kernel.display;

import java.util.LinkedHashMap;
import java.util.Map;

/** The representations of one object, keyed by MIME type (text/plain is always there). */
public record MimeBundle(Map<String, Object> data, Map<String, Object> metadata) {

    /** The bundle of a value, from the renderer registry; {@code text} is its plain-text form. */
    public static MimeBundle of(Object value, String text) {
        return new MimeBundle(Renderers.render(value, text), new LinkedHashMap<>());
    }
}
