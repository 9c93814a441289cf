package org.neuromorph.kernel.protocol;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.neuromorph.kernel.Log;
import org.neuromorph.kernel.display.Display;
import org.neuromorph.kernel.display.MimeBundle;
import org.neuromorph.kernel.display.StreamCapture;
import org.neuromorph.kernel.eval.Evaluator;
import org.neuromorph.kernel.magic.Magics;
import org.neuromorph.kernel.wire.ConnectionInfo;
import org.neuromorph.kernel.wire.Message;
import org.neuromorph.kernel.wire.MessageCodec;
import org.neuromorph.kernel.wire.Sockets;
import org.zeromq.ZMQ;

/**
 * A running kernel: binds the sockets, answers the front end and runs cells.
 * Threads: the heartbeat echoes on its own thread; control requests (shutdown, interrupt) are served on their
 * own thread so they work while a cell runs; shell requests run one at a time on the calling thread;
 * iopub is written only through the {@link Publisher}. The evaluator is built in the background, so the
 * kernel answers kernel_info at once and the first cell waits only for what is left of JShell's start.
 */
public final class Kernel {
    private static final int POLL_MILLIS = 100;
    private static final long FLUSH_MILLIS = 50;

    private final ConnectionInfo info;
    private final String version;
    private final LanguageInfo language;
    private final Supplier<Evaluator> evaluatorFactory;
    private final MessageCodec codec;
    private final Session session;
    private final StreamCapture capture = new StreamCapture();
    private final Magics magics = Magics.standard();
    private final Map<String, Handler> shellHandlers = new HashMap<>();
    private final Map<String, Handler> controlHandlers = new HashMap<>();
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "neuromorph-flush");
        t.setDaemon(true);
        return t;
    });

    private Sockets sockets;
    private Publisher publisher;
    private CompletableFuture<Evaluator> evaluator;
    private volatile boolean running = true;
    private int executionCount;
    private final History history;
    private final IdleCollector idleCollector = new IdleCollector(flusher);
    private StdinBridge stdinBridge;
    private Comms comms;
    private volatile Message currentParent;
    private boolean abortPending;

    @FunctionalInterface
    interface Handler {
        /** Handles one request; returns the reply socket's message (or null when nothing is sent back). */
        Message handle(Message request) throws Exception;
    }

    public Kernel(ConnectionInfo info, String version, LanguageInfo language, Supplier<Evaluator> evaluatorFactory) {
        this(info, version, language, evaluatorFactory, new History(History.defaultFile(language.name())));
    }

    public Kernel(ConnectionInfo info, String version, LanguageInfo language, Supplier<Evaluator> evaluatorFactory,
                  History history) {
        this.history = history;
        this.info = info;
        this.version = version;
        this.language = language;
        this.evaluatorFactory = evaluatorFactory;
        this.codec = new MessageCodec(info.key());
        this.session = new Session(codec.json());
        shellHandlers.put("kernel_info_request", this::kernelInfo);
        shellHandlers.put("execute_request", this::execute);
        shellHandlers.put("is_complete_request", this::isComplete);
        shellHandlers.put("complete_request", this::complete);
        shellHandlers.put("comm_info_request", this::commInfo);
        shellHandlers.put("inspect_request", this::inspect);
        shellHandlers.put("comm_open", request -> {
            comms.handleOpen(request);
            return null;
        });
        shellHandlers.put("comm_msg", request -> {
            comms.handleMessage(request);
            return null;
        });
        shellHandlers.put("comm_close", request -> {
            comms.handleClose(request);
            return null;
        });
        shellHandlers.put("history_request", this::history);
        shellHandlers.put("shutdown_request", this::shutdown);
        controlHandlers.put("kernel_info_request", this::kernelInfo);
        controlHandlers.put("shutdown_request", this::shutdown);
        controlHandlers.put("interrupt_request", this::interrupt);
    }

    /** Runs until a shutdown request (a restart is the front end starting a new kernel process). */
    public void run() {
        Log.init();
        sockets = new Sockets(info);
        publisher = new Publisher(sockets.iopub, codec, session);
        Log.info("kernel " + version + " listening: " + info + (codec.signing() ? "" : " (signing is OFF)"));
        evaluator = CompletableFuture.supplyAsync(evaluatorFactory, runnable -> {
            Thread t = new Thread(runnable, "neuromorph-evaluator-start");
            t.setDaemon(true);
            t.start();
        });
        capture.install();
        stdinBridge = new StdinBridge(sockets.stdin, codec, session);
        comms = new Comms(publisher, session.json());
        // a network run that takes longer than a second shows a progress bar under its cell
        org.neuromorph.dsl.Cells.progress(org.neuromorph.kernel.display.RunProgress::create);
        Display.sink(new Display.Sink() {
            @Override
            public void show(MimeBundle bundle, String displayId, boolean update) {
                capture.flush(); // what the cell printed before display() appears before it
                ObjectNode content = bundleContent(bundle);
                content.putObject("transient").put("display_id", displayId);
                publisher.publish(currentParent, update ? "update_display_data" : "display_data", content);
            }

            @Override
            public void clear(boolean wait) {
                capture.flush();
                ObjectNode content = session.object();
                content.put("wait", wait);
                publisher.publish(currentParent, "clear_output", content);
            }
        });
        System.setIn(stdinBridge);
        capture.sink((name, text) -> {
            Message parent = currentParent;
            publisher.stream(parent, name, text);
        });
        flusher.scheduleWithFixedDelay(capture::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
        publisher.status(null, "starting");

        Thread heartbeat = new Thread(this::heartbeatLoop, "neuromorph-heartbeat");
        heartbeat.setDaemon(true);
        heartbeat.start();
        Thread control = new Thread(() -> serve(sockets.control, controlHandlers, "control"), "neuromorph-control");
        control.setDaemon(true);
        control.start();
        serve(sockets.shell, shellHandlers, "shell");
        try {
            control.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flusher.shutdownNow();
        evaluator.thenAccept(Evaluator::close);
        sockets.close();
    }

    private void heartbeatLoop() {
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

    private void serve(ZMQ.Socket socket, Map<String, Handler> handlers, String channel) {
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
            Message request;
            try {
                request = codec.decode(frames);
            } catch (MessageCodec.InvalidMessageException e) {
                Log.warnLimited(channel + ": " + e.kind(), channel + ": dropped a message: " + e.getMessage());
                continue;
            }
            Log.debug(channel + ": " + request.type());
            dispatch(socket, handlers, channel, request);
        }
    }

    /** A client-chosen string, cut short for the log. */
    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }

    private void dispatch(ZMQ.Socket socket, Map<String, Handler> handlers, String channel, Message request) {
        Handler handler = handlers.get(request.type());
        if (handler == null) {
            Log.warnLimited(channel + ": unknown type", channel + ": no handler for message type '"
                    + abbreviate(request.type()) + "'; ignored");
            return;
        }
        publisher.status(request, "busy");
        boolean shell = socket == sockets.shell;
        if (shell) {
            idleCollector.busy();
        }
        List<List<byte[]>> toAbort = List.of();
        try {
            Message reply = handler.handle(request);
            if (abortPending && socket == sockets.shell) {
                // only what the client sent before it could see this failure is aborted
                abortPending = false;
                toAbort = drainQueued();
            }
            if (reply != null) {
                Sockets.sendMultipart(socket, codec.encode(reply));
            }
        } catch (Throwable t) {
            // a handler bug must not take the kernel down: tell the client and go on
            Log.errorLimited(channel + ": failed " + request.type(), channel + ": " + request.type() + " failed", t);
            ObjectNode content = session.object();
            content.put("status", "error");
            content.put("ename", t.getClass().getSimpleName());
            content.put("evalue", String.valueOf(t.getMessage()));
            content.putArray("traceback").add(t.toString());
            String replyType = request.type().replace("_request", "_reply");
            Sockets.sendMultipart(socket, codec.encode(session.reply(request, replyType, content)));
        } finally {
            publisher.status(request, "idle");
            if (shell) {
                idleCollector.idle();
            }
        }
        for (List<byte[]> frames : toAbort) {
            abortOrDispatch(frames);
        }
    }

    private List<List<byte[]>> drainQueued() {
        List<List<byte[]>> queued = new java.util.ArrayList<>();
        List<byte[]> frames;
        while ((frames = Sockets.receiveMultipart(sockets.shell, ZMQ.DONTWAIT)) != null) {
            queued.add(frames);
        }
        return queued;
    }

    /** The data and metadata of a display_data or execute_result message. */
    private ObjectNode bundleContent(MimeBundle bundle) {
        ObjectNode content = session.object();
        content.set("data", session.json().valueToTree(bundle.data()));
        content.set("metadata", session.json().valueToTree(bundle.metadata()));
        return content;
    }

    /** After a failed cell, execute requests that were already queued are answered "aborted", as ipykernel does. */
    private void abortOrDispatch(List<byte[]> frames) {
        Message queued;
        try {
            queued = codec.decode(frames);
        } catch (MessageCodec.InvalidMessageException e) {
            Log.warnLimited("shell: " + e.kind(), "shell: dropped a message: " + e.getMessage());
            return;
        }
        if (!queued.type().equals("execute_request")) {
            dispatch(sockets.shell, shellHandlers, "shell", queued);
            return;
        }
        publisher.status(queued, "busy");
        ObjectNode content = session.object();
        content.put("status", "aborted");
        content.put("execution_count", executionCount);
        Sockets.sendMultipart(sockets.shell, codec.encode(session.reply(queued, "execute_reply", content)));
        publisher.status(queued, "idle");
    }

    private Message kernelInfo(Message request) {
        ObjectNode content = session.object();
        content.put("status", "ok");
        content.put("protocol_version", Session.PROTOCOL_VERSION);
        content.put("implementation", "neuromorph");
        content.put("implementation_version", version);
        language.writeTo(content);
        ArrayNode links = content.putArray("help_links");
        ObjectNode jshell = links.addObject();
        jshell.put("text", "JShell user guide");
        jshell.put("url", "https://docs.oracle.com/en/java/javase/17/jshell/introduction-jshell.html");
        ObjectNode api = links.addObject();
        api.put("text", "Java " + Runtime.version().feature() + " API");
        api.put("url", "https://docs.oracle.com/en/java/javase/" + Runtime.version().feature() + "/docs/api/");
        return session.reply(request, "kernel_info_reply", content);
    }

    private Evaluator evaluator() throws Exception {
        try {
            return evaluator.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("the evaluator failed to start: " + e.getCause(), e.getCause());
        }
    }

    private Message execute(Message request) throws Exception {
        ObjectNode req = request.content();
        String code = req.path("code").asText("");
        boolean silent = req.path("silent").asBoolean(false);
        boolean storeHistory = req.path("store_history").asBoolean(!silent);
        boolean stopOnError = req.path("stop_on_error").asBoolean(true);
        if (!silent && storeHistory) {
            executionCount++;
            history.add(executionCount, code);
        }
        int count = executionCount;
        if (!silent) {
            ObjectNode input = session.object();
            input.put("code", code);
            input.put("execution_count", count);
            publisher.publish(request, "execute_input", input);
        }
        currentParent = request;
        org.neuromorph.dsl.Cells.begin("cell-" + count);
        stdinBridge.beginCell(request, req.path("allow_stdin").asBoolean(true));
        Evaluator.Outcome outcome;
        MimeBundle resultBundle = null;
        capture.beginCell();
        try {
            Evaluator cells = evaluator();
            outcome = magics.run(code, cells);
            if (outcome instanceof Evaluator.Value value && !silent) {
                // rendered inside the cell's output window, so what a renderer prints precedes the result
                resultBundle = MimeBundle.of(value.value(), value.text());
            }
        } finally {
            capture.endCell();
        }
        ObjectNode reply = session.object();
        reply.put("execution_count", count);
        if (outcome instanceof Evaluator.Failure failure) {
            ObjectNode error = session.object();
            error.put("ename", failure.ename());
            error.put("evalue", failure.evalue());
            ArrayNode traceback = error.putArray("traceback");
            failure.traceback().forEach(traceback::add);
            publisher.publish(request, "error", error);
            reply.put("status", "error");
            reply.setAll(error);
            abortPending = stopOnError;
        } else {
            if (resultBundle != null) {
                ObjectNode result = bundleContent(resultBundle);
                result.put("execution_count", count);
                publisher.publish(request, "execute_result", result);
                if (storeHistory) {
                    history.addOutput(count, String.valueOf(resultBundle.data().get("text/plain")));
                }
            }
            reply.put("status", "ok");
            reply.putObject("user_expressions");
            reply.putArray("payload");
        }
        return session.reply(request, "execute_reply", reply);
    }

    private Message isComplete(Message request) throws Exception {
        Evaluator.Completeness c = evaluator().isComplete(request.content().path("code").asText(""));
        ObjectNode content = session.object();
        content.put("status", c.status());
        if (c.status().equals("incomplete")) {
            content.put("indent", c.indent());
        }
        return session.reply(request, "is_complete_reply", content);
    }

    private Message complete(Message request) throws Exception {
        String code = request.content().path("code").asText("");
        int cursor = request.content().path("cursor_pos").asInt(code.length());
        Evaluator.Completions c = evaluator().complete(code, cursor);
        ObjectNode content = session.object();
        content.put("status", "ok");
        ArrayNode matches = content.putArray("matches");
        c.matches().forEach(matches::add);
        content.put("cursor_start", c.cursorStart());
        content.put("cursor_end", c.cursorEnd());
        ArrayNode types = content.putObject("metadata").putArray("_jupyter_types_experimental");
        for (int i = 0; i < c.matches().size(); i++) {
            ObjectNode t = types.addObject();
            t.put("start", c.cursorStart());
            t.put("end", c.cursorEnd());
            t.put("text", c.matches().get(i));
            t.put("type", c.types().get(i));
        }
        return session.reply(request, "complete_reply", content);
    }

    private Message inspect(Message request) throws Exception {
        String code = request.content().path("code").asText("");
        int cursor = request.content().path("cursor_pos").asInt(code.length());
        int detail = request.content().path("detail_level").asInt(0);
        String text = evaluator().inspect(code, cursor, detail);
        ObjectNode content = session.object();
        content.put("status", "ok");
        content.put("found", !text.isEmpty());
        ObjectNode data = content.putObject("data");
        if (!text.isEmpty()) {
            data.put("text/plain", text);
        }
        content.putObject("metadata");
        return session.reply(request, "inspect_reply", content);
    }

    private Message history(Message request) {
        ObjectNode req = request.content();
        List<History.Entry> entries = switch (req.path("hist_access_type").asText("tail")) {
            case "range" -> history.range(req.path("session").asInt(0), req.path("start").asInt(1),
                    req.path("stop").asInt(0));
            case "search" -> history.search(req.path("pattern").asText("*"), req.path("n").asInt(0),
                    req.path("unique").asBoolean(false));
            default -> history.tail(req.path("n").asInt(10));
        };
        boolean output = req.path("output").asBoolean(false);
        ObjectNode content = session.object();
        content.put("status", "ok");
        ArrayNode list = content.putArray("history");
        for (History.Entry e : entries) {
            ArrayNode row = list.addArray().add(e.session()).add(e.line());
            if (output) {
                row.addArray().add(e.input()).add(e.output());
            } else {
                row.add(e.input());
            }
        }
        return session.reply(request, "history_reply", content);
    }

    private Message commInfo(Message request) {
        ObjectNode content = session.object();
        content.put("status", "ok");
        ObjectNode list = content.putObject("comms");
        comms.openComms(request.content().path("target_name").asText(""))
                .forEach((id, target) -> list.putObject(id).put("target_name", target));
        return session.reply(request, "comm_info_reply", content);
    }

    private Message interrupt(Message request) throws Exception {
        if (evaluator.isDone()) {
            evaluator().interrupt();
        }
        ObjectNode content = session.object();
        content.put("status", "ok");
        return session.reply(request, "interrupt_reply", content);
    }

    private Message shutdown(Message request) {
        ObjectNode content = session.object();
        content.put("status", "ok");
        content.put("restart", request.content().path("restart").asBoolean(false));
        publisher.publish(request, "shutdown_reply", content.deepCopy());
        running = false;
        if (evaluator.isDone() && !evaluator.isCompletedExceptionally()) {
            evaluator.join().interrupt();
        }
        return session.reply(request, "shutdown_reply", content);
    }
}
