package org.neuromorph.kernel.wire;

import java.util.ArrayList;
import java.util.List;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The kernel's five ZeroMQ sockets, bound as the connection file says. Each socket is used by one thread only
 * (JeroMQ sockets are not thread-safe): shell by the shell loop, control by the control loop, heartbeat by its
 * echo thread, iopub through the synchronised {@link Publisher}, stdin by the shell loop.
 */
public final class Sockets implements AutoCloseable {
    private final ZContext context = new ZContext(1);
    public final ZMQ.Socket shell;
    public final ZMQ.Socket control;
    public final ZMQ.Socket stdin;
    public final ZMQ.Socket iopub;
    public final ZMQ.Socket heartbeat;

    /**
     * The largest message frame a client may send (default 256 MiB, {@code -Dneuromorph.max.message.mb}): a peer that
     * announces a larger one is disconnected before anything is allocated for it.
     */
    static final long MAX_REQUEST_BYTES = Long.getLong("neuromorph.max.message.mb", 256) << 20;
    /** Heartbeats and iopub subscriptions are short. */
    private static final long MAX_SMALL_BYTES = 1 << 20;

    public Sockets(ConnectionInfo info) {
        shell = bind(SocketType.ROUTER, info, info.shellPort(), MAX_REQUEST_BYTES);
        control = bind(SocketType.ROUTER, info, info.controlPort(), MAX_REQUEST_BYTES);
        stdin = bind(SocketType.ROUTER, info, info.stdinPort(), MAX_REQUEST_BYTES);
        // XPUB: subscriptions come up to the kernel, which greets each subscriber (Publisher.welcomeSubscribers)
        iopub = bind(SocketType.XPUB, info, info.iopubPort(), MAX_SMALL_BYTES);
        iopub.setXpubVerbose(true);
        // a ROUTER that echoes every frame back to its sender, as ipykernel's heartbeat does: a REP socket's envelope
        // state could be left pointing at a malformed request's sender, and the next real ping went unanswered
        heartbeat = bind(SocketType.ROUTER, info, info.heartbeatPort(), MAX_SMALL_BYTES);
    }

    private ZMQ.Socket bind(SocketType type, ConnectionInfo info, int port, long maxMessageBytes) {
        ZMQ.Socket socket = context.createSocket(type);
        socket.setLinger(1000);
        socket.setMaxMsgSize(maxMessageBytes);
        String endpoint = info.endpoint(port);
        try {
            socket.bind(endpoint);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot bind " + type + " socket to " + endpoint + ": " + e.getMessage(), e);
        }
        return socket;
    }

    /** Receives all frames of one multipart message (blocking, or null on timeout/termination). */
    public static List<byte[]> receiveMultipart(ZMQ.Socket socket) {
        return receiveMultipart(socket, 0);
    }

    /** Receives one multipart message; with {@code ZMQ.DONTWAIT}, null when none is queued. */
    public static List<byte[]> receiveMultipart(ZMQ.Socket socket, int flags) {
        byte[] first = socket.recv(flags);
        if (first == null) {
            return null;
        }
        List<byte[]> frames = new ArrayList<>();
        frames.add(first);
        while (socket.hasReceiveMore()) {
            frames.add(socket.recv(0));
        }
        return frames;
    }

    /** Sends frames as one multipart message. */
    public static void sendMultipart(ZMQ.Socket socket, List<byte[]> frames) {
        for (int i = 0; i < frames.size(); i++) {
            socket.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
