package org.neuromorph.render;

import java.util.Map;

/**
 * Turns a value into its representations for a notebook, keyed by MIME type ({@code text/html},
 * {@code image/png} as base64, {@code application/vnd.plotly.v1+json}, ...). The kernel finds renderers with
 * {@link java.util.ServiceLoader} (list the class in {@code META-INF/services/org.neuromorph.render.Renderer}),
 * so the DSL's plots and tables, and any library on the class path, render without the kernel knowing them.
 * Cells can register one for a type on the kernel's registry instead ({@code Renderers.register}).
 */
@FunctionalInterface
public interface Renderer {
    /** The value's representations, or an empty map when this renderer does not handle the value. */
    Map<String, Object> render(Object value);
}
