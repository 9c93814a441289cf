package org.neuromorph.kernel.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.neuromorph.data.AtomicFiles;
import org.neuromorph.kernel.SessionFiles;
import org.neuromorph.kernel.protocol.Session;
import org.neuromorph.kernel.wire.Message;
import org.neuromorph.kernel.wire.MessageCodec;
import org.neuromorph.kernel.wire.Sockets;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Runs a notebook's code cells on a kernel process started for the purpose, as Jupyter's nbclient does: it writes a
 * connection file, starts {@code java -jar neuromorph.jar kernel}, sends each cell as an execute_request and turns
 * the iopub messages of that request (stream, display_data and its updates, clear_output, execute_result, error)
 * into the cell's outputs in nbformat 4.
 */
final class HeadlessRun {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path source;
    private final ObjectNode notebook;
    private final String language;

    private HeadlessRun(Path source, ObjectNode notebook, String language) {
        this.source = source;
        this.notebook = notebook;
        this.language = language;
    }

    /** A notebook as it is, or a script as a notebook of one cell in the language of its extension. */
    static HeadlessRun of(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (name.endsWith(".ipynb")) {
            JsonNode read = JSON.readTree(file.toFile());
            if (!(read instanceof ObjectNode nb) || !nb.path("cells").isArray()) {
                throw new IOException(file + " is not a notebook (no cells)");
            }
            JsonNode spec = nb.path("metadata").path("kernelspec");
            String lang = spec.path("language").asText(spec.path("name").asText("java")).toLowerCase();
            return new HeadlessRun(file, nb, lang.contains("kotlin") ? "kotlin" : "java");
        }
        String lang = name.endsWith(".kts") ? "kotlin" : "java";
        ObjectNode nb = JSON.createObjectNode();
        ObjectNode cell = nb.putArray("cells").addObject();
        cell.put("cell_type", "code").put("execution_count", (String) null).put("source",
                Files.readString(file, StandardCharsets.UTF_8));
        cell.putObject("metadata");
        cell.putArray("outputs");
        ObjectNode spec = nb.putObject("metadata").putObject("kernelspec");
        spec.put("name", "neuromorph-" + lang).put("language", lang)
                .put("display_name", lang.equals("kotlin") ? "Neuromorph (Kotlin)" : "Neuromorph (Java)");
        nb.put("nbformat", 4).put("nbformat_minor", 5);
        return new HeadlessRun(file, nb, lang);
    }

    /** Runs every code cell in order; writes the notebook and the report; 0, or 1 at the first failing cell. */
    int execute(Path jar, List<String> jvmOptions, int timeoutSeconds, Path notebookOut, Path reportOut)
            throws IOException, InterruptedException {
        Path dir = SessionFiles.directory("run");
        Path connection = dir.resolve("kernel.json");
        Path log = dir.resolve("kernel.log");
        int[] ports = freePorts(5);
        String key = UUID.randomUUID().toString();
        ObjectNode info = JSON.createObjectNode();
        info.put("transport", "tcp").put("ip", "127.0.0.1").put("key", key).put("signature_scheme", "hmac-sha256")
                .put("shell_port", ports[0]).put("control_port", ports[1]).put("stdin_port", ports[2])
                .put("iopub_port", ports[3]).put("hb_port", ports[4]);
        Files.writeString(connection, JSON.writeValueAsString(info));
        // the kernel's stderr goes to a log shown only if it fails, so its JVM's start-up warnings need no filter
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "kernel", "--language", language, "--connection-file",
                connection.toString()));
        Process kernel = new ProcessBuilder(command).directory(source.toAbsolutePath().getParent().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try (ZContext context = new ZContext(1)) {
            Client client = new Client(context, ports, key);
            ObjectNode kernelInfo = client.kernelInfo(kernel, log);
            notebook.with("metadata").set("language_info", kernelInfo.path("language_info"));
            int failedCell = runCells(client, timeoutSeconds);
            AtomicFiles.write(notebookOut, "the executed notebook", JSON.writeValueAsBytes(notebook));
            AtomicFiles.write(reportOut, "the report",
                    HtmlReport.of(source.getFileName().toString(), notebook).getBytes(StandardCharsets.UTF_8));
            System.out.println("wrote " + notebookOut + " and " + reportOut);
            client.shutdown();
            return failedCell < 0 ? 0 : 1;
        } finally {
            if (!kernel.waitFor(10, TimeUnit.SECONDS)) {
                kernel.destroyForcibly();
            }
            Files.deleteIfExists(connection);
            Files.deleteIfExists(log);
            Files.deleteIfExists(dir);
        }
    }

    /** The index of the first failing cell, or -1. */
    private int runCells(Client client, int timeoutSeconds) {
        int count = 0;
        ArrayNode cells = (ArrayNode) notebook.path("cells");
        for (int c = 0; c < cells.size(); c++) {
            ObjectNode cell = (ObjectNode) cells.get(c);
            if (!cell.path("cell_type").asText().equals("code")) {
                continue;
            }
            String code = text(cell.path("source"));
            ArrayNode outputs = cell.putArray("outputs");
            cell.set("execution_count", null);
            if (code.isBlank()) {
                continue;
            }
            Client.Result result = client.execute(code, outputs, timeoutSeconds);
            cell.put("execution_count", result.executionCount());
            count++;
            if (result.error() != null) {
                String firstLine = code.strip().lines().findFirst().orElse("");
                System.err.println("neuromorph run: cell " + (c + 1) + " (\"" + firstLine + "\") failed: "
                        + result.error());
                return c;
            }
        }
        System.out.println("ran " + count + " code cells of " + source);
        return -1;
    }

    static String text(JsonNode source) {
        if (source.isArray()) {
            StringBuilder sb = new StringBuilder();
            source.forEach(line -> sb.append(line.asText()));
            return sb.toString();
        }
        return source.asText("");
    }

    private static int[] freePorts(int n) throws IOException {
        int[] ports = new int[n];
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                held.add(s);
                ports[i] = s.getLocalPort();
            }
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
        return ports;
    }

    /** The client side of the protocol: shell and control requests, iopub collected per request. */
    private static final class Client {
        record Result(int executionCount, String error) {
        }

        private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(30);

        private final ZMQ.Socket shell;
        private final ZMQ.Socket control;
        private final ZMQ.Socket iopub;
        private final MessageCodec codec;
        private final Session session = new Session(new ObjectMapper());

        Client(ZContext context, int[] ports, String key) {
            codec = new MessageCodec(key);
            shell = context.createSocket(SocketType.DEALER);
            control = context.createSocket(SocketType.DEALER);
            iopub = context.createSocket(SocketType.SUB);
            iopub.subscribe(new byte[0]);
            shell.connect("tcp://127.0.0.1:" + ports[0]);
            control.connect("tcp://127.0.0.1:" + ports[1]);
            iopub.connect("tcp://127.0.0.1:" + ports[3]);
            for (ZMQ.Socket s : List.of(shell, control, iopub)) {
                s.setLinger(0);
                s.setReceiveTimeOut(200);
            }
        }

        /** Asks until the kernel answers on shell and its iopub messages arrive (so no output is missed). */
        ObjectNode kernelInfo(Process kernel, Path log) throws IOException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            ObjectNode reply = null;
            while (System.nanoTime() < deadline) {
                if (!kernel.isAlive()) {
                    throw new IOException("the kernel stopped before answering: " + Files.readString(log));
                }
                Message request = session.request("kernel_info_request", session.object());
                Sockets.sendMultipart(shell, codec.encode(request));
                long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
                boolean sawIopub = false;
                while (System.nanoTime() < until && (reply == null || !sawIopub)) {
                    Message m = receive(shell);
                    if (m != null && m.parentHeader().path("msg_id").asText().equals(request.id())) {
                        reply = m.content();
                    }
                    Message b = receive(iopub);
                    sawIopub |= b != null && (b.type().equals("iopub_welcome")
                            || b.parentHeader().path("msg_id").asText().equals(request.id()));
                }
                if (reply != null && sawIopub) {
                    return reply;
                }
            }
            throw new IOException("the kernel did not answer kernel_info within 120 s: " + Files.readString(log));
        }

        private Message receive(ZMQ.Socket socket) {
            List<byte[]> frames = Sockets.receiveMultipart(socket);
            if (frames == null) {
                return null;
            }
            try {
                return codec.decode(frames);
            } catch (MessageCodec.InvalidMessageException e) {
                throw new IllegalStateException("the kernel sent an invalid message: " + e.getMessage(), e);
            }
        }

        Result execute(String code, ArrayNode outputs, int timeoutSeconds) {
            ObjectNode content = session.object();
            content.put("code", code).put("silent", false).put("store_history", true).put("allow_stdin", false)
                    .put("stop_on_error", true).putObject("user_expressions");
            Message request = session.request("execute_request", content);
            Sockets.sendMultipart(shell, codec.encode(request));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            boolean interrupted = false;
            Map<String, Integer> displays = new HashMap<>();
            boolean clearOnNext = false;
            String error = null;
            while (true) {
                if (!interrupted && System.nanoTime() > deadline) {
                    Sockets.sendMultipart(control, codec.encode(session.request("interrupt_request",
                            session.object())));
                    interrupted = true;
                }
                if (System.nanoTime() > deadline + GIVE_UP_NANOS) {
                    return new Result(0, "no answer from the kernel " + timeoutSeconds + " s after the cell started "
                            + "and 30 s after an interrupt");
                }
                Message m = receive(iopub);
                if (m == null || !m.parentHeader().path("msg_id").asText().equals(request.id())) {
                    continue;
                }
                ObjectNode c = m.content();
                String type = m.type();
                if (type.equals("status") && c.path("execution_state").asText().equals("idle")) {
                    break;
                }
                if (type.equals("clear_output")) {
                    if (c.path("wait").asBoolean(false)) {
                        clearOnNext = true;
                    } else {
                        outputs.removeAll();
                        displays.clear();
                    }
                    continue;
                }
                if (type.equals("update_display_data")) {
                    Integer at = displays.get(c.path("transient").path("display_id").asText());
                    if (at != null) {
                        ObjectNode shown = (ObjectNode) outputs.get(at);
                        shown.set("data", c.path("data"));
                        shown.set("metadata", c.path("metadata"));
                    }
                    continue;
                }
                if (!List.of("stream", "display_data", "execute_result", "error").contains(type)) {
                    continue;
                }
                if (clearOnNext) {
                    outputs.removeAll();
                    displays.clear();
                    clearOnNext = false;
                }
                if (type.equals("stream") && !outputs.isEmpty()
                        && outputs.get(outputs.size() - 1).path("output_type").asText().equals("stream")
                        && outputs.get(outputs.size() - 1).path("name").asText().equals(c.path("name").asText())) {
                    ObjectNode last = (ObjectNode) outputs.get(outputs.size() - 1);
                    last.put("text", last.path("text").asText() + c.path("text").asText());
                    continue;
                }
                ObjectNode out = outputs.addObject();
                out.put("output_type", type);
                switch (type) {
                    case "stream" -> out.put("name", c.path("name").asText()).put("text", c.path("text").asText());
                    case "error" -> {
                        out.set("ename", c.path("ename"));
                        out.set("evalue", c.path("evalue"));
                        out.set("traceback", c.path("traceback"));
                        error = c.path("ename").asText() + ": " + c.path("evalue").asText();
                    }
                    default -> {
                        if (type.equals("execute_result")) {
                            out.set("execution_count", c.path("execution_count"));
                        }
                        out.set("data", c.path("data"));
                        out.set("metadata", c.path("metadata"));
                        String id = c.path("transient").path("display_id").asText("");
                        if (!id.isEmpty()) {
                            displays.put(id, outputs.size() - 1);
                        }
                    }
                }
            }
            long replyDeadline = System.nanoTime() + GIVE_UP_NANOS;
            while (System.nanoTime() < replyDeadline) {
                Message reply = receive(shell);
                if (reply != null && reply.parentHeader().path("msg_id").asText().equals(request.id())) {
                    if (error == null && !reply.content().path("status").asText().equals("ok")) {
                        error = reply.content().path("status").asText() + (interrupted ? " (timed out after "
                                + timeoutSeconds + " s)" : "");
                    }
                    return new Result(reply.content().path("execution_count").asInt(), error == null && interrupted
                            ? "timed out after " + timeoutSeconds + " s" : error);
                }
            }
            return new Result(0, "the kernel published the cell's end but sent no execute_reply within 30 s");
        }

        void shutdown() {
            ObjectNode content = session.object();
            content.put("restart", false);
            Sockets.sendMultipart(control, codec.encode(session.request("shutdown_request", content)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline && receive(control) == null) {
                // the reply says the kernel is going; the process is waited for by the caller
            }
        }
    }
}
