package org.neuromorph.kernel.display;

import java.util.Objects;
import java.util.UUID;

/**
 * {@code display(x)} from a cell: shows x now (as display_data) instead of only as the cell's final value, and
 * returns a handle whose {@link Handle#update} replaces that output in place (update_display_data), e.g. for a
 * figure or a status line that changes while a simulation runs.
 */
public final class Display {
    /** Where bundles go: the running kernel flushes the cell's printed output, then publishes them. */
    public interface Sink {
        void show(MimeBundle bundle, String displayId, boolean update);
    }

    private static volatile Sink sink;

    private Display() {
    }

    public static void sink(Sink target) {
        sink = target;
    }

    /** Shows a value now; the returned handle can replace it later. */
    public static Handle display(Object value) {
        Handle handle = new Handle(UUID.randomUUID().toString());
        publish(value, handle.id(), false);
        return handle;
    }

    private static void publish(Object value, String id, boolean update) {
        Sink s = sink;
        if (s == null) {
            throw new IllegalStateException("display() needs a running kernel; outside one, print the value instead");
        }
        s.show(MimeBundle.of(value, String.valueOf(value)), id, update);
    }

    /** One displayed output. */
    public record Handle(String id) {
        public Handle {
            Objects.requireNonNull(id);
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
