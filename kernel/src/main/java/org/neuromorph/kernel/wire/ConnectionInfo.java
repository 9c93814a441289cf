package org.neuromorph.kernel.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The connection file a Jupyter front end writes: where to bind the five sockets and how to sign messages. */
public record ConnectionInfo(String transport, String ip, int shellPort, int controlPort, int stdinPort,
                             int iopubPort, int heartbeatPort, String key, String signatureScheme) {

    /** The only signature scheme this kernel accepts. */
    public static final String HMAC_SHA256 = "hmac-sha256";

    /**
     * Reads and checks a connection file.
     *
     * @throws IllegalArgumentException with a message naming the file and the problem
     */
    public static ConnectionInfo read(Path file) {
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read connection file " + file + ": " + e.getMessage(), e);
        }
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("connection file " + file + " does not hold a JSON object");
        }
        String scheme = json.path("signature_scheme").asText(HMAC_SHA256);
        if (!HMAC_SHA256.equals(scheme)) {
            throw new IllegalArgumentException("connection file " + file + " asks for signature scheme '" + scheme
                    + "'; this kernel supports only " + HMAC_SHA256);
        }
        String transport = json.path("transport").asText("tcp");
        if (!transport.equals("tcp") && !transport.equals("ipc")) {
            throw new IllegalArgumentException("connection file " + file + ": unknown transport '" + transport
                    + "' (expected tcp or ipc)");
        }
        return new ConnectionInfo(transport, json.path("ip").asText("127.0.0.1"),
                port(json, "shell_port", file), port(json, "control_port", file), port(json, "stdin_port", file),
                port(json, "iopub_port", file), port(json, "hb_port", file), json.path("key").asText(""), scheme);
    }

    private static int port(JsonNode json, String name, Path file) {
        JsonNode node = json.get(name);
        if (node == null || !node.canConvertToInt() || node.asInt() < 0 || node.asInt() > 65535) {
            throw new IllegalArgumentException("connection file " + file + " needs an integer '" + name + "'");
        }
        return node.asInt();
    }

    /** The ZeroMQ endpoint of a port: tcp://ip:port, or ipc://ip-port as jupyter_client names it. */
    public String endpoint(int port) {
        return transport.equals("ipc") ? "ipc://" + ip + "-" + port : "tcp://" + ip + ":" + port;
    }

    @Override
    public String toString() {
        // never show the key
        return "ConnectionInfo[" + transport + "://" + ip + " shell=" + shellPort + " control=" + controlPort
                + " stdin=" + stdinPort + " iopub=" + iopubPort + " hb=" + heartbeatPort + "]";
    }
}
