package org.neuromorph.plot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The plotly.js library shipped in this jar (fetched from npm at build time, MIT licence beside it), so figures
 * work with no network. A notebook receives it once: the first figure a kernel shows carries it, later ones
 * find {@code window.Plotly} already defined.
 */
public final class PlotlyJs {
    private static final String RESOURCE = "plotly/plotly.min.js";
    private static final AtomicBoolean SENT = new AtomicBoolean();
    private static volatile String source;

    private PlotlyJs() {
    }

    /** The library's source. */
    public static String source() {
        String s = source;
        if (s == null) {
            try (InputStream in = PlotlyJs.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("plotly.js is missing from the jar (" + RESOURCE
                            + "): rebuild with Maven, which fetches it");
                }
                s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            source = s;
        }
        return s;
    }

    /** A script element defining {@code window.Plotly}. */
    public static String scriptTag() {
        return "<script type=\"text/javascript\">\n" + source().replace("</script", "<\\/script") + "\n</script>\n";
    }

    /**
     * The script element the first time in this process, then the empty string: a kernel is one notebook session,
     * so its first figure brings the library and the others reuse it.
     */
    static String scriptTagOnce() {
        return SENT.compareAndSet(false, true) ? scriptTag() : "";
    }

    /** Forget that the library was sent (a kernel whose notebook was cleared, or a test). */
    public static void resend() {
        SENT.set(false);
    }

    static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title>\n"
                + scriptTag() + "</head>\n<body>\n" + body + "\n</body></html>\n";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
