package org.neuromorph.kernel.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamCaptureTest {

    @Test
    void aFullBufferIsSentByTheWriterAndTheCellBudgetCutsTheRest() throws Exception {
        long budget = 3L * StreamCapture.CHUNK_BYTES;
        StreamCapture capture = new StreamCapture(budget);
        List<String> sent = new ArrayList<>();
        capture.sink((name, text) -> sent.add(name + ":" + text.length()));
        PrintStream out = new PrintStream(buffer(capture, "out"), true, StandardCharsets.UTF_8);
        capture.beginCell();
        byte[] line = "x".repeat(1023).concat("\n").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 5 * 1024; i++) {   // 5 MiB without any flush from outside
            out.write(line);
        }
        assertEquals(3, sent.size(), "three full chunks reach the budget: " + sent);
        capture.endCell();
        assertEquals(4, sent.size());
        assertTrue(sent.get(3).startsWith("stderr:"), sent.toString());
    }

    @Test
    void theCellsLastFlushWaitsForTextAnotherThreadIsStillSending() throws Exception {
        StreamCapture capture = new StreamCapture(1 << 20);
        java.util.concurrent.CountDownLatch inSink = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
        capture.sink((name, text) -> {
            inSink.countDown();
            try {
                release.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            events.add("sent " + name);
        });
        new PrintStream(buffer(capture, "err"), true, StandardCharsets.UTF_8).print("to err");
        Thread flusher = new Thread(capture::flush, "test-flusher");
        flusher.start();
        assertTrue(inSink.await(10, java.util.concurrent.TimeUnit.SECONDS));
        Thread cell = new Thread(() -> {
            capture.endCell();
            events.add("cell ended");
        }, "test-cell");
        cell.start();
        cell.join(300);
        assertTrue(cell.isAlive(), "the cell's final flush must wait while the flusher is sending");
        release.countDown();
        cell.join(10_000);
        flusher.join(10_000);
        assertEquals(List.of("sent stderr", "cell ended"), events);
    }

    @Test
    void aMultiByteCharacterIsNeverSplit() {
        byte[] euro = "a€".getBytes(StandardCharsets.UTF_8);
        assertEquals(1, StreamCapture.completeUtf8Prefix(java.util.Arrays.copyOf(euro, 3)));
        assertEquals(4, StreamCapture.completeUtf8Prefix(euro));
    }

    private static java.io.OutputStream buffer(StreamCapture capture, String field) throws Exception {
        Field f = StreamCapture.class.getDeclaredField(field);
        f.setAccessible(true);
        return (java.io.OutputStream) f.get(capture);
    }
}
