package org.neuromorph.kernel.protocol;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.neuromorph.kernel.Log;
import org.neuromorph.kernel.wire.Message;

/**
 * Jupyter comms: a registry of comm targets that the kernel and cells can use. A front end opens a comm on a
 * registered target (comm_open), both sides exchange comm_msg, either side closes it. From a cell:
 * <pre>{@code
 * Comms.registerTarget("echo", comm -> comm.onMessage(data -> comm.send(data)));
 * }</pre>
 */
public final class Comms {
    private static volatile Comms current;

    private final Publisher publisher;
    private final ObjectMapper json;
    private final Map<String, Consumer<Comm>> targets = new ConcurrentHashMap<>();
    private final Map<String, Comm> open = new ConcurrentHashMap<>();
    private volatile Message parent;

    Comms(Publisher publisher, ObjectMapper json) {
        this.publisher = publisher;
        this.json = json;
        current = this;
    }

    /** The running kernel's comms, for cell code. */
    public static Comms current() {
        if (current == null) {
            throw new IllegalStateException("no kernel is running in this process, so there are no comms");
        }
        return current;
    }

    /** Registers (or replaces) a target: {@code onOpen} runs for each comm a front end opens on it. */
    public static void registerTarget(String targetName, Consumer<Comm> onOpen) {
        current().targets.put(Objects.requireNonNull(targetName), Objects.requireNonNull(onOpen));
    }

    public static void unregisterTarget(String targetName) {
        current().targets.remove(targetName);
    }

    /** Opens a comm from the kernel side on a target the front end knows. */
    public static Comm open(String targetName, Map<String, Object> data) {
        Comms c = current();
        Comm comm = new Comm(c, UUID.randomUUID().toString(), targetName);
        c.open.put(comm.id(), comm);
        ObjectNode content = c.json.createObjectNode();
        content.put("comm_id", comm.id());
        content.put("target_name", targetName);
        content.set("data", c.json.valueToTree(data == null ? Map.of() : data));
        c.publisher.publish(c.parent, "comm_open", content);
        return comm;
    }

    /** One open comm. */
    public static final class Comm {
        private final Comms owner;
        private final String id;
        private final String targetName;
        private volatile Consumer<Map<String, Object>> onMessage = data -> { };
        private volatile Consumer<Map<String, Object>> onClose = data -> { };

        Comm(Comms owner, String id, String targetName) {
            this.owner = owner;
            this.id = id;
            this.targetName = targetName;
        }

        public String id() {
            return id;
        }

        public String targetName() {
            return targetName;
        }

        public Comm onMessage(Consumer<Map<String, Object>> handler) {
            onMessage = Objects.requireNonNull(handler);
            return this;
        }

        public Comm onClose(Consumer<Map<String, Object>> handler) {
            onClose = Objects.requireNonNull(handler);
            return this;
        }

        /** Sends data to the front end's side of this comm. */
        public void send(Map<String, Object> data) {
            owner.publish("comm_msg", id, data);
        }

        /** Closes the comm from the kernel side. */
        public void close(Map<String, Object> data) {
            if (owner.open.remove(id) != null) {
                owner.publish("comm_close", id, data);
            }
        }
    }

    private void publish(String type, String commId, Map<String, Object> data) {
        ObjectNode content = json.createObjectNode();
        content.put("comm_id", commId);
        content.set("data", json.valueToTree(data == null ? Map.of() : data));
        publisher.publish(parent, type, content);
    }

    private Map<String, Object> data(Message request) {
        return json.convertValue(request.content().path("data"), new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    void handleOpen(Message request) {
        parent = request;
        String commId = request.content().path("comm_id").asText();
        String target = request.content().path("target_name").asText();
        Consumer<Comm> onOpen = targets.get(target);
        if (onOpen == null) {
            Log.warnLimited("comm: unknown target", "comm_open for unknown target '"
                    + (target.length() > 80 ? target.substring(0, 80) + "..." : target) + "'; closing it");
            publish("comm_close", commId, Map.of("error", "no comm target named '" + target + "' in this kernel"));
            return;
        }
        Comm comm = new Comm(this, commId, target);
        open.put(commId, comm);
        onOpen.accept(comm);
    }

    void handleMessage(Message request) {
        parent = request;
        Comm comm = open.get(request.content().path("comm_id").asText());
        if (comm == null) {
            Log.warnLimited("comm: not open", "comm_msg for a comm that is not open; ignored");
            return;
        }
        comm.onMessage.accept(data(request));
    }

    void handleClose(Message request) {
        parent = request;
        Comm comm = open.remove(request.content().path("comm_id").asText());
        if (comm != null) {
            comm.onClose.accept(data(request));
        }
    }

    /** comm_id -> target_name of the open comms, optionally only those of one target. */
    Map<String, String> openComms(String targetName) {
        Map<String, String> result = new LinkedHashMap<>();
        open.forEach((id, comm) -> {
            if (targetName == null || targetName.isEmpty() || targetName.equals(comm.targetName())) {
                result.put(id, comm.targetName());
            }
        });
        return Collections.unmodifiableMap(result);
    }
}
