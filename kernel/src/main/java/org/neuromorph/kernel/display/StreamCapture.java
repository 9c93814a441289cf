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
 *
 * <p>Bounded both ways: a buffer that reaches {@link #CHUNK_BYTES} is sent at once by the writing thread, so
 * memory stays flat however fast a cell prints; and a cell sends at most {@code limitBytes} in all (property
 * {@code neuromorph.output.limit.mb}, default 10), the rest is counted and summarised in one line at the end,
 * so a cell printing a million lines neither floods the front end nor bloats the notebook.
 */
public final class StreamCapture {
    static final int CHUNK_BYTES = 1 << 20;

    private final Buffer out = new Buffer("stdout");
    private final Buffer err = new Buffer("stderr");
    private final long limitBytes;
    private long sentBytes;
    private long droppedBytes;
    private volatile BiConsumer<String, String> sink = (name, text) -> { };
    /**
     * Held from taking text out of a buffer until it is sent: without it the periodic flusher could take a
     * cell's last line and still be sending it when the cell's own final flush found the buffer empty, so the
     * line reached the front end after the cell's idle status (a front end then shows it under no cell).
     */
    private final Object sending = new Object();

    public StreamCapture() {
        this(Long.getLong("neuromorph.output.limit.mb", 10) << 20);
    }

    StreamCapture(long limitBytes) {
        this.limitBytes = limitBytes;
    }

    /** Installs the capturing streams as System.out and System.err. */
    public void install() {
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** Where flushed text goes: (stream name, text). */
    public void sink(BiConsumer<String, String> target) {
        this.sink = target;
    }

    /** Starts a cell's output budget afresh. */
    public synchronized void beginCell() {
        sentBytes = 0;
        droppedBytes = 0;
    }

    /** Sends what is left and, if the cell printed more than its budget, one line saying how much was left out. */
    public void endCell() {
        flush();
        long dropped;
        synchronized (this) {
            dropped = droppedBytes;
            droppedBytes = 0;
        }
        if (dropped > 0) {
            sink.accept("stderr", String.format("%n[output truncated: %,d more bytes not shown; the cell printed "
                    + "more than %d MiB. Write large results to a file, or raise -Dneuromorph.output.limit.mb]%n",
                    dropped, limitBytes >> 20));
        }
    }

    /** Passes text on unless the cell's budget is spent. */
    private void send(String name, String text, long size) {
        synchronized (this) {
            if (sentBytes + size > limitBytes) {
                droppedBytes += size;
                return;
            }
            sentBytes += size;
        }
        sink.accept(name, text);
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
        public void write(int b) {
            boolean full;
            synchronized (this) {
                bytes.write(b);
                full = bytes.size() >= CHUNK_BYTES;
            }
            if (full) {
                drain();
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            boolean full;
            synchronized (this) {
                bytes.write(b, off, len);
                full = bytes.size() >= CHUNK_BYTES;
            }
            if (full) {
                drain();
            }
        }

        void drain() {
            synchronized (sending) {
                String text;
                int end;
                synchronized (this) {
                    if (bytes.size() == 0) {
                        return;
                    }
                    byte[] all = bytes.toByteArray();
                    end = completeUtf8Prefix(all);
                    text = new String(all, 0, end, StandardCharsets.UTF_8);
                    bytes.reset();
                    bytes.write(all, end, all.length - end);
                }
                if (!text.isEmpty()) {
                    send(name, text, end);
                }
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
