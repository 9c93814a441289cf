package org.neuromorph.kernel.protocol;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.neuromorph.kernel.Log;
import org.neuromorph.kernel.wire.Message;
import org.neuromorph.kernel.wire.MessageCodec;
import org.neuromorph.kernel.wire.Sockets;
import org.zeromq.ZMQ;

/**
 * The kernel's channel loops, apart from what answers the requests: the heartbeat echo, and for shell and control
 * the receive, decode, dispatch to the request type's {@link Handler} (its content bound to a record), reply, with
 * busy and idle around each. A malformed message is dropped with a log line; a request whose content does not fit
 * its record, or whose handler fails, gets an error reply and the kernel goes on. After a failed cell with
 * stop_on_error, execute requests already queued are answered "aborted", as ipykernel does.
 */
final class Channels {
    private static final int POLL_MILLIS = 100;

    private final Sockets sockets;
    private final MessageCodec codec;
    private final Session session;
    private final Publisher publisher;
    private final IdleCollector idleCollector;
    private final Execution execution;
    /** Binds request contents to records and writes reply records: snake_case comes from the records' naming. */
    private final ObjectMapper protocol;
    private volatile boolean running = true;

    Channels(Sockets sockets, MessageCodec codec, Session session, Publisher publisher, IdleCollector idleCollector,
            Execution execution) {
        this.sockets = sockets;
        this.codec = codec;
        this.session = session;
        this.publisher = publisher;
        this.idleCollector = idleCollector;
        this.execution = execution;
        this.protocol = session.json();
    }

    boolean running() {
        return running;
    }

    /** Ends the loops (after the reply being sent). */
    void stop() {
        running = false;
    }

    void heartbeat() {
        ZMQ.Socket hb = sockets.heartbeat;
        hb.setReceiveTimeOut(POLL_MILLIS);
        while (running) {
            try {
                // every frame, the sender's identity first, goes back as it came
                List<byte[]> ping = Sockets.receiveMultipart(hb);
                if (ping != null) {
                    Sockets.sendMultipart(hb, ping);
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                Log.errorLimited("heartbeat", "heartbeat: could not echo a message", e);
            }
        }
    }

    /** Serves one channel until {@link #stop}. */
    void serve(ZMQ.Socket socket, Map<String, Handler<?>> handlers, String channel) {
        socket.setReceiveTimeOut(POLL_MILLIS);
        while (running) {
            List<byte[]> frames;
            try {
                frames = Sockets.receiveMultipart(socket);
            } catch (RuntimeException e) {
                if (running) {
                    Log.error(channel + ": receive failed", e);
                }
                return;
            }
            if (frames == null) {
                continue;
            }
            Message request = decode(frames, channel);
            if (request != null) {
                Log.debug(channel + ": " + request.type());
                dispatch(socket, handlers, channel, request);
            }
        }
    }

    private Message decode(List<byte[]> frames, String channel) {
        try {
            return codec.decode(frames);
        } catch (MessageCodec.InvalidMessageException e) {
            Log.warnLimited(channel + ": " + e.kind(), channel + ": dropped a message: " + e.getMessage());
            return null;
        }
    }

    /** A client-chosen string, cut short for the log. */
    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }

    private void dispatch(ZMQ.Socket socket, Map<String, Handler<?>> handlers, String channel, Message request) {
        Handler<?> handler = handlers.get(request.type());
        if (handler == null) {
            Log.warnLimited(channel + ": unknown type", channel + ": no handler for message type '"
                    + abbreviate(request.type()) + "'; ignored");
            return;
        }
        boolean shell = socket == sockets.shell;
        publisher.status(request, "busy");
        if (shell) {
            idleCollector.busy();
        }
        List<List<byte[]>> toAbort = List.of();
        String replyType = request.type().replace("_request", "_reply");
        try {
            Object reply = invoke(handler, request);
            if (shell && execution.takeAbort()) {
                // only what the client sent before it could see this failure is aborted
                toAbort = drainQueued();
            }
            if (reply != null) {
                send(socket, request, replyType, reply);
            }
        } catch (Throwable t) {
            // a handler bug or a content that fits no record must not take the kernel down: tell the client, go on
            boolean malformed = t instanceof IllegalArgumentException
                    && t.getCause() instanceof JsonMappingException;
            if (!malformed) {
                Log.errorLimited(channel + ": failed " + request.type(), channel + ": " + request.type() + " failed",
                        t);
            }
            String ename = malformed ? "MalformedRequest" : t.getClass().getSimpleName();
            String evalue = malformed ? misfit(request.type(), (JsonMappingException) t.getCause())
                    : String.valueOf(t.getMessage());
            send(socket, request, replyType, new Replies.Failed("error", ename, evalue, List.of(t.toString())));
        } finally {
            publisher.status(request, "idle");
            if (shell) {
                idleCollector.idle();
            }
        }
        for (List<byte[]> frames : toAbort) {
            abortOrDispatch(handlers, frames);
        }
    }

    /** Which field of a request's content did not fit its record, and why, in the protocol's own names. */
    private static String misfit(String type, JsonMappingException e) {
        String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                : "[" + r.getIndex() + "]").collect(Collectors.joining("."));
        return "the " + abbreviate(type) + " field '" + field + "' does not fit the protocol: "
                + e.getOriginalMessage().split("\n", 2)[0];
    }

    private <R> Object invoke(Handler<R> handler, Message request) throws Exception {
        R content = protocol.convertValue(request.content(), handler.content());
        return handler.handle(content, request);
    }

    private void send(ZMQ.Socket socket, Message request, String replyType, Object content) {
        ObjectNode tree = protocol.valueToTree(content);
        Sockets.sendMultipart(socket, codec.encode(session.reply(request, replyType, tree)));
    }

    private List<List<byte[]>> drainQueued() {
        List<List<byte[]>> queued = new ArrayList<>();
        List<byte[]> frames;
        while ((frames = Sockets.receiveMultipart(sockets.shell, ZMQ.DONTWAIT)) != null) {
            queued.add(frames);
        }
        return queued;
    }

    private void abortOrDispatch(Map<String, Handler<?>> handlers, List<byte[]> frames) {
        Message queued = decode(frames, "shell");
        if (queued == null) {
            return;
        }
        if (!queued.type().equals("execute_request")) {
            dispatch(sockets.shell, handlers, "shell", queued);
            return;
        }
        publisher.status(queued, "busy");
        send(sockets.shell, queued, "execute_reply", new Replies.ExecuteAborted("aborted", execution.executionCount()));
        publisher.status(queued, "idle");
    }
}
