package org.neuromorph.kernel.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageCodecTest {
    private final ObjectMapper json = new ObjectMapper();

    private Message message(List<byte[]> ids) {
        ObjectNode header = json.createObjectNode().put("msg_id", "m1").put("msg_type", "execute_request");
        ObjectNode content = json.createObjectNode().put("code", "1+1");
        return new Message(ids, header, json.createObjectNode(), json.createObjectNode(), content, List.of());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void signatureIsHmacSha256OfTheFourJsonFrames() {
        MessageCodec codec = new MessageCodec("secret");
        String sig = codec.sign(bytes("a"), bytes("b"), bytes("c"), bytes("d"));
        assertEquals(64, sig.length(), "hex of a 32-byte MAC");
        assertEquals(sig, codec.sign(bytes("ab"), bytes(""), bytes("c"), bytes("d")),
                "the MAC is over the concatenation of the frames");
        assertEquals(new MessageCodec("secret").sign(bytes("a"), bytes("b"), bytes("c"), bytes("d")), sig);
        assertTrue(!sig.equals(new MessageCodec("other").sign(bytes("a"), bytes("b"), bytes("c"), bytes("d"))));
    }

    @Test
    void knownVector() throws Exception {
        // HMAC-SHA256(key="key", "The quick brown fox jumps over the lazy dog"), the widely published vector
        MessageCodec codec = new MessageCodec("key");
        String sig = codec.sign(bytes("The quick brown fox "), bytes("jumps over "), bytes("the lazy "), bytes("dog"));
        assertEquals("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8", sig);
    }

    @Test
    void roundTripKeepsSeveralRoutingIdentities() throws Exception {
        MessageCodec codec = new MessageCodec("k");
        List<byte[]> ids = List.of(bytes("router-a"), bytes("router-b"), new byte[] {0, 1, 2});
        List<byte[]> frames = codec.encode(message(ids));
        assertArrayEquals(MessageCodec.DELIMITER, frames.get(3));
        Message decoded = codec.decode(frames);
        assertEquals(3, decoded.identities().size());
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(ids.get(i), decoded.identities().get(i));
        }
        assertEquals("execute_request", decoded.type());
        assertEquals("1+1", decoded.content().path("code").asText());
    }

    @Test
    void wrongSignatureIsRejected() {
        MessageCodec sender = new MessageCodec("attacker");
        MessageCodec kernel = new MessageCodec("real-key");
        var e = assertThrows(MessageCodec.InvalidMessageException.class,
                () -> kernel.decode(sender.encode(message(List.of(bytes("id"))))));
        assertTrue(e.getMessage().contains("signature"));
        assertTrue(!e.getMessage().contains("real-key"), "the key never appears in errors");
    }

    @Test
    void missingSignatureIsRejected() {
        MessageCodec codec = new MessageCodec("k");
        List<byte[]> frames = new ArrayList<>(codec.encode(message(List.of(bytes("id")))));
        frames.set(2, new byte[0]);
        assertThrows(MessageCodec.InvalidMessageException.class, () -> codec.decode(frames));
    }

    @Test
    void tamperedContentIsRejected() {
        MessageCodec codec = new MessageCodec("k");
        List<byte[]> frames = new ArrayList<>(codec.encode(message(List.of(bytes("id")))));
        frames.set(frames.size() - 1, bytes("{\"code\":\"System.exit(0)\"}"));
        assertThrows(MessageCodec.InvalidMessageException.class, () -> codec.decode(frames));
    }

    @Test
    void replayedMessageIsRejected() throws Exception {
        MessageCodec codec = new MessageCodec("k");
        List<byte[]> frames = codec.encode(message(List.of(bytes("id"))));
        codec.decode(frames);
        var e = assertThrows(MessageCodec.InvalidMessageException.class, () -> codec.decode(frames));
        assertTrue(e.getMessage().contains("replayed"));
    }

    @Test
    void malformedFramesNameTheProblem() {
        MessageCodec codec = new MessageCodec("");
        var noDelimiter = assertThrows(MessageCodec.InvalidMessageException.class,
                () -> codec.decode(List.of(bytes("id"), bytes("{}"))));
        assertTrue(noDelimiter.getMessage().contains("<IDS|MSG>"));
        var badJson = assertThrows(MessageCodec.InvalidMessageException.class, () -> codec.decode(List.of(
                MessageCodec.DELIMITER, bytes(""), bytes("{not json"), bytes("{}"), bytes("{}"), bytes("{}"))));
        assertTrue(badJson.getMessage().contains("header"));
    }

    @Test
    void emptyKeyMeansUnsigned() throws Exception {
        MessageCodec codec = new MessageCodec("");
        List<byte[]> frames = codec.encode(message(List.of()));
        assertEquals(0, frames.get(1).length);
        assertEquals("execute_request", codec.decode(frames).type());
    }
}
