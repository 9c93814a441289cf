package org.neuromorph.kernel.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.neuromorph.kernel.wire.Message;
import org.neuromorph.kernel.wire.MessageCodec;
import org.neuromorph.kernel.wire.Sockets;
import org.zeromq.ZMQ;

/** The only user of the iopub socket; any thread may publish through it. */
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

    /**
     * Greets each new iopub subscriber with an iopub_welcome message, as ipykernel 7 does (Jupyter's JEP 65): the
     * client then knows at once that iopub reaches it. jupyter_client's wait_for_ready asks for kernel_info again
     * until some iopub message arrives within 0.2 s of a reply, and the status messages of its first request
     * went out before its subscription arrived (measured: every start was asked twice). Called on the kernel's
     * flush tick (50 ms); reads the socket under the same lock as every write.
     */
    public synchronized void welcomeSubscribers() {
        byte[] frame;
        while ((frame = iopub.recv(ZMQ.DONTWAIT)) != null) {
            if (frame.length > 0 && frame[0] == 1) {
                ObjectNode content = session.object();
                content.put("subscription", new String(frame, 1, frame.length - 1, StandardCharsets.UTF_8));
                publish(null, "iopub_welcome", content);
            }
        }
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
