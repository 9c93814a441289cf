package org.neuromorph.kernel.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.neuromorph.kernel.Log;
import org.neuromorph.kernel.wire.Message;
import org.neuromorph.kernel.wire.MessageCodec;
import org.neuromorph.kernel.wire.Sockets;
import org.zeromq.ZMQ;

/**
 * System.in for cells: when a cell reads and nothing is buffered, the front end is asked for a line with an
 * input_request on the stdin socket (to the client that sent the running execute_request), and the answer is
 * served as that line plus a newline. Only the running cell's thread uses the stdin socket, while the shell
 * thread waits for that cell. An interrupt while waiting ends the read.
 */
final class StdinBridge extends InputStream {
    private static final int POLL_MILLIS = 100;

    private final ZMQ.Socket stdin;
    private final MessageCodec codec;
    private final Session session;
    private volatile Message parent;
    private volatile boolean allowed;
    private byte[] buffer = new byte[0];
    private int position;

    StdinBridge(ZMQ.Socket stdin, MessageCodec codec, Session session) {
        this.stdin = stdin;
        this.codec = codec;
        this.session = session;
        stdin.setReceiveTimeOut(POLL_MILLIS);
    }

    /** Called at the start of each execute_request. */
    synchronized void beginCell(Message request, boolean allowStdin) {
        parent = request;
        allowed = allowStdin;
        buffer = new byte[0];
        position = 0;
    }

    @Override
    public synchronized int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return buffer[position++] & 0xFF;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, buffer.length - position);
        System.arraycopy(buffer, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public synchronized int available() {
        return buffer.length - position;
    }

    private boolean fill() throws IOException {
        if (position < buffer.length) {
            return true;
        }
        Message request = parent;
        if (request == null) {
            return false;
        }
        if (!allowed) {
            throw new IOException("this front end does not accept input (allow_stdin is false), so a cell cannot "
                    + "read System.in here; pass the value in code instead");
        }
        // what arrived while no input was asked for (a reply to an interrupted request, junk) is not this answer
        int stale = 0;
        while (Sockets.receiveMultipart(stdin, org.zeromq.ZMQ.DONTWAIT) != null) {
            stale++;
        }
        if (stale > 0) {
            Log.warnLimited("stdin: stale", "stdin: dropped " + stale + " message(s) that arrived before input was "
                    + "asked for");
        }
        ObjectNode content = session.object();
        content.put("prompt", "");
        content.put("password", false);
        Sockets.sendMultipart(stdin, codec.encode(session.reply(request, "input_request", content)));
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("interrupted while waiting for input");
            }
            List<byte[]> frames = Sockets.receiveMultipart(stdin);
            if (frames == null) {
                continue;
            }
            try {
                Message reply = codec.decode(frames);
                if (reply.type().equals("input_reply")) {
                    String value = reply.content().path("value").asText("");
                    buffer = (value + "\n").getBytes(StandardCharsets.UTF_8);
                    position = 0;
                    return true;
                }
                Log.warnLimited("stdin: unexpected type", "stdin: ignored a message of type '"
                        + (reply.type().length() > 80 ? reply.type().substring(0, 80) + "..." : reply.type()) + "'");
            } catch (MessageCodec.InvalidMessageException e) {
                Log.warnLimited("stdin: " + e.kind(), "stdin: dropped a message: " + e.getMessage());
            }
        }
    }
}
