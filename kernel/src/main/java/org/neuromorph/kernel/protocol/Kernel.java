package org.neuromorph.kernel.protocol;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.neuromorph.dsl.Cells;
import org.neuromorph.kernel.Log;
import org.neuromorph.kernel.display.RunProgress;
import org.neuromorph.kernel.display.StreamCapture;
import org.neuromorph.kernel.eval.Evaluator;
import org.neuromorph.kernel.eval.KernelCellCode;
import org.neuromorph.kernel.magic.Magics;
import org.neuromorph.kernel.magic.OptionalModules;
import org.neuromorph.kernel.wire.ConnectionInfo;
import org.neuromorph.kernel.wire.Message;
import org.neuromorph.kernel.wire.MessageCodec;
import org.neuromorph.kernel.wire.Sockets;

/**
 * A running kernel: binds the sockets, wires the request handlers to the channels and runs until shut down.
 * Threads: the heartbeat echoes on its own thread; control requests (shutdown, interrupt) are served on their
 * own thread so they work while a cell runs; shell requests run one at a time on the calling thread;
 * iopub is written only through the {@link Publisher}. The evaluator is built in the background, so the
 * kernel answers kernel_info at once and the first cell waits only for what is left of JShell's start.
 */
public final class Kernel {
    private static final long FLUSH_MILLIS = 50;

    private final ConnectionInfo info;
    private final String version;
    private final LanguageInfo language;
    private final Supplier<Evaluator> evaluatorFactory;
    private final MessageCodec codec;
    private final Session session;
    private final StreamCapture capture = new StreamCapture();
    private final Magics magics = Magics.standard();
    private final History history;
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "neuromorph-flush");
        t.setDaemon(true);
        return t;
    });

    private Publisher publisher;
    private CompletableFuture<Evaluator> evaluator;
    private Comms comms;
    private Channels channels;

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
    }

    /** Runs until a shutdown request (a restart is the front end starting a new kernel process). */
    public void run() {
        Log.init();
        Log.info("kernel starting, JVM up " + ManagementFactory.getRuntimeMXBean().getUptime() + " ms");
        // started before the sockets, so javac's start overlaps the client's connection; the log says when cells can
        // run: the first cell waits for this (issue 30's first-cell profile)
        evaluator = CompletableFuture.supplyAsync(() -> {
            Evaluator started = evaluatorFactory.get();
            Log.info(language.name() + " evaluator ready, JVM up " + ManagementFactory.getRuntimeMXBean().getUptime()
                    + " ms");
            return started;
        }, runnable -> {
            Thread t = new Thread(runnable, "neuromorph-evaluator-start");
            t.setDaemon(true);
            t.start();
        });
        Sockets sockets = new Sockets(info);
        publisher = new Publisher(sockets.iopub, codec, session);
        Log.info("kernel " + version + " listening: " + info + (codec.signing() ? "" : " (signing is OFF)")
                + ", JVM up " + ManagementFactory.getRuntimeMXBean().getUptime() + " ms");
        capture.install();
        StdinBridge stdin = new StdinBridge(sockets.stdin, codec, session);
        System.setIn(stdin);
        comms = new Comms(publisher, session.json());
        // a network run that takes longer than a second shows a progress bar under its cell
        Cells.progress(RunProgress::create);
        // a sweep on Spark finds Spark (loaded on first use) and the cells' code through these
        OptionalModules.install();
        Cells.code(KernelCellCode.session());
        // printed output, and new iopub subscribers (a client waits 0.2 s for iopub after its kernel_info reply)
        flusher.scheduleWithFixedDelay(() -> {
            capture.flush();
            publisher.welcomeSubscribers();
        }, 0, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
        Execution execution = new Execution(evaluator, history, capture, magics, publisher, session, stdin);
        channels = new Channels(sockets, codec, session, publisher, new IdleCollector(flusher), execution);
        Map<String, Handler<?>> shell = shellHandlers(execution, new Introspection(evaluator));
        Map<String, Handler<?>> control = Map.of(
                "kernel_info_request", Handler.of(Requests.Empty.class, this::kernelInfo),
                "shutdown_request", Handler.of(Requests.Shutdown.class, this::shutdown),
                "interrupt_request", Handler.of(Requests.Empty.class, this::interrupt));
        publisher.status(null, "starting");

        Thread heartbeat = new Thread(channels::heartbeat, "neuromorph-heartbeat");
        heartbeat.setDaemon(true);
        heartbeat.start();
        Thread controlThread = new Thread(() -> channels.serve(sockets.control, control, "control"),
                "neuromorph-control");
        controlThread.setDaemon(true);
        controlThread.start();
        channels.serve(sockets.shell, shell, "shell");
        try {
            controlThread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flusher.shutdownNow();
        evaluator.thenAccept(Evaluator::close);
        sockets.close();
    }

    private Map<String, Handler<?>> shellHandlers(Execution execution, Introspection introspection) {
        Map<String, Handler<?>> shell = new HashMap<>();
        shell.put("kernel_info_request", Handler.of(Requests.Empty.class, this::kernelInfo));
        shell.put("execute_request", execution);
        shell.put("is_complete_request", Handler.of(Requests.Code.class, introspection::isComplete));
        shell.put("complete_request", Handler.of(Requests.AtCursor.class, introspection::complete));
        shell.put("inspect_request", Handler.of(Requests.AtCursor.class, introspection::inspect));
        shell.put("history_request", Handler.of(Requests.History.class, this::history));
        shell.put("comm_info_request", Handler.of(Requests.CommInfo.class, this::commInfo));
        // comm messages carry data of the cells' choosing: their handlers read the message itself, and reply none
        shell.put("comm_open", Handler.of(Requests.Empty.class, (content, request) -> {
            comms.handleOpen(request);
            return null;
        }));
        shell.put("comm_msg", Handler.of(Requests.Empty.class, (content, request) -> {
            comms.handleMessage(request);
            return null;
        }));
        shell.put("comm_close", Handler.of(Requests.Empty.class, (content, request) -> {
            comms.handleClose(request);
            return null;
        }));
        shell.put("shutdown_request", Handler.of(Requests.Shutdown.class, this::shutdown));
        return shell;
    }

    private Replies.KernelInfo kernelInfo(Requests.Empty content, Message request) {
        int feature = Runtime.version().feature();
        return new Replies.KernelInfo("ok", Session.PROTOCOL_VERSION, "neuromorph", version, language.asContent(),
                language.banner(), List.of(
                        Map.of("text", "JShell user guide",
                                "url", "https://docs.oracle.com/en/java/javase/17/jshell/introduction-jshell.html"),
                        Map.of("text", "Java " + feature + " API",
                                "url", "https://docs.oracle.com/en/java/javase/" + feature + "/docs/api/")));
    }

    private Replies.History history(Requests.History request, Message message) {
        List<History.Entry> entries = switch (request.histAccessType()) {
            case "range" -> history.range(request.session(), request.start(), request.stop());
            case "search" -> history.search(request.pattern(), request.n() == null ? 0 : request.n(),
                    request.unique());
            default -> history.tail(request.n() == null ? 10 : request.n());
        };
        List<List<Object>> rows = new ArrayList<>();
        for (History.Entry e : entries) {
            rows.add(Arrays.asList(e.session(), e.line(), request.output()
                    ? Arrays.asList(e.input(), e.output()) : e.input()));
        }
        return new Replies.History("ok", rows);
    }

    private Replies.CommInfo commInfo(Requests.CommInfo request, Message message) {
        Map<String, Map<String, String>> open = new LinkedHashMap<>();
        comms.openComms(request.targetName()).forEach((id, target) -> open.put(id, Map.of("target_name", target)));
        return new Replies.CommInfo("ok", open);
    }

    private Replies.Ok interrupt(Requests.Empty content, Message request) throws Exception {
        if (evaluator.isDone()) {
            Execution.ready(evaluator).interrupt();
        }
        return Replies.Ok.OK;
    }

    private Replies.Shutdown shutdown(Requests.Shutdown request, Message message) {
        Replies.Shutdown reply = new Replies.Shutdown("ok", request.restart());
        publisher.publish(message, "shutdown_reply", session.json().valueToTree(reply));
        channels.stop();
        if (evaluator.isDone() && !evaluator.isCompletedExceptionally()) {
            evaluator.join().interrupt();
        }
        return reply;
    }
}
