package org.neuromorph.kernel.display;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.neuromorph.render.Renderer;

/**
 * The renderer registry: renderers registered from cells (newest first, so a cell can override a built-in one),
 * then those found with ServiceLoader. Every renderer that handles a value adds its MIME types; the first to
 * give a type wins it. A renderer that throws is reported on stderr and skipped, so the value still shows as
 * text and the cell's result is not lost.
 */
public final class Renderers {
    private static final List<Renderer> registered = new CopyOnWriteArrayList<>();
    private static volatile List<Renderer> discovered;

    private Renderers() {
    }

    /** Renders values of a type (and its subtypes) with a function giving MIME type to data. */
    public static <T> void register(Class<T> type, Function<? super T, Map<String, Object>> render) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(render, "render");
        registered.add(0, value -> type.isInstance(value) ? render.apply(type.cast(value)) : Map.of());
    }

    /** Adds a renderer ahead of the others. */
    public static void register(Renderer renderer) {
        registered.add(0, Objects.requireNonNull(renderer, "renderer"));
    }

    /** Removes every renderer registered from cells (ServiceLoader's stay). */
    public static void clear() {
        registered.clear();
    }

    /** The representations of a value, text/plain always among them (the given text unless a renderer set it). */
    static Map<String, Object> render(Object value, String text) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (value != null) {
            for (Renderer renderer : all()) {
                try {
                    Map<String, Object> produced = renderer.render(value);
                    if (produced != null) {
                        produced.forEach(data::putIfAbsent);
                    }
                } catch (RuntimeException | LinkageError e) {
                    System.err.println("renderer " + renderer.getClass().getName() + " failed on a "
                            + value.getClass().getName() + " (" + e + "); showing it as text");
                }
            }
        }
        data.putIfAbsent("text/plain", text != null ? text : String.valueOf(value));
        return data;
    }

    private static List<Renderer> all() {
        List<Renderer> found = discovered;
        if (found == null) {
            found = new ArrayList<>();
            // the kernel's own: text a magic marked as HTML or Markdown
            found.add(value -> value instanceof RichText rich ? Map.of(rich.mime(), rich.content()) : Map.of());
            for (Renderer r : ServiceLoader.load(Renderer.class, Renderers.class.getClassLoader())) {
                found.add(r);
            }
            discovered = found;
        }
        if (registered.isEmpty()) {
            return found;
        }
        List<Renderer> all = new ArrayList<>(registered);
        all.addAll(found);
        return all;
    }
}
