package org.neuromorph.kernel.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns ZeroMQ multipart frames into {@link Message}s and back:
 * {@code [identities...] <IDS|MSG> signature header parent_header metadata content [buffers...]}.
 * The signature is the hex HMAC-SHA256 of the four JSON frames, checked in constant time; an empty key turns
 * signing off, as the protocol specifies. A signature seen before is a replay and is rejected.
 */
public final class MessageCodec {
    public static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    private static final int REMEMBERED_SIGNATURES = 65_536;

    private final ObjectMapper json = new ObjectMapper();
    private final byte[] key;
    private final ThreadLocal<Mac> mac;
    private final Set<String> seenSignatures = new LinkedHashSet<>();

    /** Why a frame list could not become a message; the message names the problem, never the key. */
    public static final class InvalidMessageException extends Exception {
        private final String kind;

        /** {@code kind}: a short name of the fault, the same for every message rejected for it (for the log). */
        public InvalidMessageException(String kind, String message) {
            super(message);
            this.kind = kind;
        }

        public String kind() {
            return kind;
        }
    }

    public MessageCodec(String key) {
        this.key = key.getBytes(StandardCharsets.UTF_8);
        this.mac = ThreadLocal.withInitial(this::newMac);
    }

    private Mac newMac() {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
            return m;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
        }
    }

    public boolean signing() {
        return key.length > 0;
    }

    /** The hex signature of the four JSON frames (empty when signing is off). */
    public String sign(byte[] header, byte[] parent, byte[] metadata, byte[] content) {
        if (!signing()) {
            return "";
        }
        Mac m = mac.get();
        m.update(header);
        m.update(parent);
        m.update(metadata);
        m.update(content);
        return HexFormat.of().formatHex(m.doFinal());
    }

    /** Decodes and verifies frames received on a ROUTER socket. */
    public Message decode(List<byte[]> frames) throws InvalidMessageException {
        int delimiter = -1;
        for (int i = 0; i < frames.size(); i++) {
            if (Arrays.equals(frames.get(i), DELIMITER)) {
                delimiter = i;
                break;
            }
        }
        if (delimiter < 0) {
            throw new InvalidMessageException("no delimiter", "no <IDS|MSG> delimiter among " + frames.size() + " frames");
        }
        if (frames.size() < delimiter + 6) {
            throw new InvalidMessageException("too few frames", "expected signature and four JSON frames after the delimiter, got "
                    + (frames.size() - delimiter - 1) + " frames");
        }
        byte[] signature = frames.get(delimiter + 1);
        byte[] header = frames.get(delimiter + 2);
        byte[] parent = frames.get(delimiter + 3);
        byte[] metadata = frames.get(delimiter + 4);
        byte[] content = frames.get(delimiter + 5);
        if (signing()) {
            byte[] expected = sign(header, parent, metadata, content).getBytes(StandardCharsets.US_ASCII);
            if (signature.length == 0) {
                throw new InvalidMessageException("unsigned", "message has no signature");
            }
            if (!MessageDigest.isEqual(expected, signature)) {
                throw new InvalidMessageException("bad signature", "message signature does not match");
            }
            if (!remember(new String(signature, StandardCharsets.US_ASCII))) {
                throw new InvalidMessageException("replayed", "message signature was seen before (replayed message)");
            }
        }
        List<byte[]> identities = new ArrayList<>(frames.subList(0, delimiter));
        List<byte[]> buffers = new ArrayList<>(frames.subList(delimiter + 6, frames.size()));
        return new Message(identities, object(header, "header"), object(parent, "parent_header"),
                object(metadata, "metadata"), object(content, "content"), buffers);
    }

    private synchronized boolean remember(String signature) {
        if (!seenSignatures.add(signature)) {
            return false;
        }
        if (seenSignatures.size() > REMEMBERED_SIGNATURES) {
            var it = seenSignatures.iterator();
            it.next();
            it.remove();
        }
        return true;
    }

    private ObjectNode object(byte[] frame, String part) throws InvalidMessageException {
        try {
            JsonNode node = json.readTree(frame);
            if (node == null || node.isMissingNode()) {
                return json.createObjectNode();
            }
            if (!node.isObject()) {
                throw new InvalidMessageException("not a JSON object", part + " is not a JSON object");
            }
            return (ObjectNode) node;
        } catch (IOException e) {
            // Jackson's first line says what is wrong; the rest quotes the input, which the log does not need
            String reason = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            throw new InvalidMessageException("invalid JSON", part + " is not valid JSON: "
                    + (reason.length() > 200 ? reason.substring(0, 200) + "..." : reason));
        }
    }

    /** Encodes a message for sending: identities, delimiter, signature, the four JSON parts and buffers. */
    public List<byte[]> encode(Message message) {
        try {
            byte[] header = json.writeValueAsBytes(message.header());
            byte[] parent = json.writeValueAsBytes(message.parentHeader());
            byte[] metadata = json.writeValueAsBytes(message.metadata());
            byte[] content = json.writeValueAsBytes(message.content());
            List<byte[]> frames = new ArrayList<>(message.identities().size() + 6 + message.buffers().size());
            frames.addAll(message.identities());
            frames.add(DELIMITER);
            frames.add(sign(header, parent, metadata, content).getBytes(StandardCharsets.US_ASCII));
            frames.add(header);
            frames.add(parent);
            frames.add(metadata);
            frames.add(content);
            frames.addAll(message.buffers());
            return frames;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise message " + message.type(), e);
        }
    }

    public ObjectMapper json() {
        return json;
    }
}
