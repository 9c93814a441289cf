package org.neuromorph.kernel.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.neuromorph.kernel.wire.Message;

/** Makes the headers of the kernel's messages: one session id, fresh message ids, protocol version 5.3. */
public final class Session {
    public static final String PROTOCOL_VERSION = "5.3";
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX");

    private final String id = UUID.randomUUID().toString();
    private final ObjectMapper json;

    public Session(ObjectMapper json) {
        this.json = json;
    }

    public String id() {
        return id;
    }

    public ObjectMapper json() {
        return json;
    }

    public ObjectNode object() {
        return json.createObjectNode();
    }

    private ObjectNode header(String type) {
        ObjectNode h = json.createObjectNode();
        h.put("msg_id", UUID.randomUUID().toString());
        h.put("session", id);
        h.put("username", "neuromorph");
        h.put("date", OffsetDateTime.now(ZoneOffset.UTC).format(ISO));
        h.put("msg_type", type);
        h.put("version", PROTOCOL_VERSION);
        return h;
    }

    /** A request from a client (the headless runner), with no parent. */
    public Message request(String type, ObjectNode content) {
        return new Message(List.of(), header(type), object(), object(), content, List.of());
    }

    /** A reply to {@code request}, routed back to its sender. */
    public Message reply(Message request, String type, ObjectNode content) {
        return new Message(request.identities(), header(type), request.header().deepCopy(), object(), content,
                List.of());
    }

    /** An iopub message whose parent is {@code parent} (null for none), with its type as the topic. */
    public Message broadcast(Message parent, String type, ObjectNode content) {
        ObjectNode parentHeader = parent == null ? object() : parent.header().deepCopy();
        return new Message(List.of(("kernel." + id + "." + type).getBytes(StandardCharsets.UTF_8)),
                header(type), parentHeader, object(), content, List.of());
    }
}
