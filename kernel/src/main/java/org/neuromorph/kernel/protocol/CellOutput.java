package org.neuromorph.kernel.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.neuromorph.kernel.display.Display;
import org.neuromorph.kernel.display.MimeBundle;
import org.neuromorph.kernel.display.StreamCapture;
import org.neuromorph.kernel.wire.Message;

/**
 * Where one execute request's output goes: iopub messages whose parent is that request. The cell's writers (its
 * printed streams, display calls) are given this context when the cell starts, so what a cell shows is
 * addressed to the cell that showed it; output of threads the cell left running goes to it until the next cell.
 */
final class CellOutput implements Display.Sink {
    private final Message request;
    private final Publisher publisher;
    private final StreamCapture capture;
    private final Session session;

    CellOutput(Message request, Publisher publisher, StreamCapture capture, Session session) {
        this.request = request;
        this.publisher = publisher;
        this.capture = capture;
        this.session = session;
    }

    Message request() {
        return request;
    }

    void publish(String type, ObjectNode content) {
        publisher.publish(request, type, content);
    }

    void stream(String name, String text) {
        publisher.stream(request, name, text);
    }

    /** The data and metadata of a display_data or execute_result message. */
    ObjectNode bundle(MimeBundle bundle) {
        ObjectNode content = session.object();
        content.set("data", session.json().valueToTree(bundle.data()));
        content.set("metadata", session.json().valueToTree(bundle.metadata()));
        return content;
    }

    @Override
    public void show(MimeBundle bundle, String displayId, boolean update) {
        capture.flush(); // what the cell printed before display() appears before it
        ObjectNode content = bundle(bundle);
        content.putObject("transient").put("display_id", displayId);
        publish(update ? "update_display_data" : "display_data", content);
    }

    @Override
    public void clear(boolean wait) {
        capture.flush();
        ObjectNode content = session.object();
        content.put("wait", wait);
        publish("clear_output", content);
    }
}
