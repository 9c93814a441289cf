package org.neuromorph.kernel.display;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.neuromorph.dsl.Cells;

/**
 * Output from a cell beyond its final value: {@code display(x)} shows x now (display_data), {@code display(x, id)}
 * shows it under a display id of the cell's choosing, {@code updateDisplay(id, y)} replaces every output shown
 * under that id (update_display_data), e.g. a figure or a status line that changes while a simulation runs, and
 * {@code clearOutput(wait)} clears the cell's output area.
 */
public final class Display {
    /** What cells of every language import from here, beside the DSL's {@link Cells#IMPORTS}. */
    public static final List<Cells.Import> IMPORTS = List.of(
            new Cells.Import("org.neuromorph.kernel.display.Display.display", true),
            new Cells.Import("org.neuromorph.kernel.display.Display.updateDisplay", true),
            new Cells.Import("org.neuromorph.kernel.display.Display.clearOutput", true),
            new Cells.Import("org.neuromorph.kernel.display.Renderers", false));

    /** Where output goes: the running kernel flushes the cell's printed output first, so order is kept. */
    public interface Sink {
        void show(MimeBundle bundle, String displayId, boolean update);

        void clear(boolean wait);
    }

    private static volatile Sink sink;

    private Display() {
    }

    public static void sink(Sink target) {
        sink = target;
    }

    /** Shows a value now; the returned handle can replace it later. */
    public static Handle display(Object value) {
        return display(value, UUID.randomUUID().toString());
    }

    /** Shows a value now under a display id; showing or updating that id again later replaces it everywhere. */
    public static Handle display(Object value, String displayId) {
        Handle handle = new Handle(displayId);
        publish(value, handle.id(), false);
        return handle;
    }

    /** Replaces the output shown under a display id (nothing happens in front ends that never showed it). */
    public static void updateDisplay(String displayId, Object value) {
        new Handle(displayId).update(value);
    }

    /** Clears the cell's output now. */
    public static void clearOutput() {
        clearOutput(false);
    }

    /** Clears the cell's output; with {@code wait} the front end clears only when new output arrives (no flicker). */
    public static void clearOutput(boolean wait) {
        running().clear(wait);
    }

    private static void publish(Object value, String id, boolean update) {
        running().show(MimeBundle.of(value, String.valueOf(value)), id, update);
    }

    private static Sink running() {
        Sink s = sink;
        if (s == null) {
            throw new IllegalStateException("display needs a running kernel; outside one, print the value instead");
        }
        return s;
    }

    /** One displayed output. */
    public record Handle(String id) {
        public Handle {
            Objects.requireNonNull(id, "display id");
            if (id.isBlank()) {
                throw new IllegalArgumentException("a display id must not be blank");
            }
        }

        /** Replaces the displayed output with a new value. */
        public void update(Object value) {
            publish(value, id, true);
        }

        @Override
        public String toString() {
            return "DisplayHandle(" + id + ")";
        }
    }
}
