package org.neuromorph.kernel.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.neuromorph.kernel.wire.Message;
import org.neuromorph.kernel.wire.MessageCodec;
import org.neuromorph.kernel.wire.Sockets;
import org.zeromq.ZMQ;

/** The only writer of the iopub socket; any thread may publish through it. */
public final class Publisher {
    private final ZMQ.Socket iopub;
    private final MessageCodec codec;
    private final Session session;

    public Publisher(ZMQ.Socket iopub, MessageCodec codec, Session session) {
        this.iopub = iopub;
        this.codec = codec;
        this.session = session;
    }

    public synchronized void publish(Message parent, String type, ObjectNode content) {
        Sockets.sendMultipart(iopub, codec.encode(session.broadcast(parent, type, content)));
    }

    public void status(Message parent, String state) {
        ObjectNode content = session.object();
        content.put("execution_state", state);
        publish(parent, "status", content);
    }

    public void stream(Message parent, String name, String text) {
        ObjectNode content = session.object();
        content.put("name", name);
        content.put("text", text);
        publish(parent, "stream", content);
    }
}
