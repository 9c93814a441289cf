package org.neuromorph.kernel.display;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/**
 * Replaces System.out and System.err so that what cells print goes to the front end as stream messages.
 * Bytes are buffered and sent when a flusher asks (every few tens of milliseconds while a cell runs, and at
 * its end), never splitting a UTF-8 character. The kernel's own log keeps the original stderr.
 */
public final class StreamCapture {
    private final Buffer out = new Buffer("stdout");
    private final Buffer err = new Buffer("stderr");
    private volatile BiConsumer<String, String> sink = (name, text) -> { };

    /** Installs the capturing streams as System.out and System.err. */
    public void install() {
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** Where flushed text goes: (stream name, text). */
    public void sink(BiConsumer<String, String> target) {
        this.sink = target;
    }

    /** Sends whatever is buffered. */
    public void flush() {
        System.out.flush();
        System.err.flush();
        out.drain();
        err.drain();
    }

    private final class Buffer extends OutputStream {
        private final String name;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Buffer(String name) {
            this.name = name;
        }

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
        }

        void drain() {
            String text;
            synchronized (this) {
                if (bytes.size() == 0) {
                    return;
                }
                byte[] all = bytes.toByteArray();
                int end = completeUtf8Prefix(all);
                text = new String(all, 0, end, StandardCharsets.UTF_8);
                bytes.reset();
                bytes.write(all, end, all.length - end);
            }
            if (!text.isEmpty()) {
                sink.accept(name, text);
            }
        }
    }

    /** Length of the longest prefix that does not end inside a multi-byte UTF-8 sequence. */
    static int completeUtf8Prefix(byte[] b) {
        int n = b.length;
        int i = n - 1;
        int back = 0;
        while (i >= 0 && back < 4 && (b[i] & 0xC0) == 0x80) {
            i--;
            back++;
        }
        if (i < 0) {
            return n;
        }
        int lead = b[i] & 0xFF;
        int expected = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        return (n - i) < expected ? i : n;
    }
}
