package org.neuromorph.kernel.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.neuromorph.data.AtomicFiles;
import org.neuromorph.kernel.Log;

/**
 * The history behind history_request: every executed cell as (session, line, input, output), kept across kernel
 * restarts in one JSON-lines file in the user's data directory. Each kernel start is a new session number.
 * The input is written when the cell starts (so a cell that kills the kernel is still in the history) and its
 * result's plain text, if any, as a second record when it ends. If the file cannot be written, history still
 * works for this session and the problem is logged once. The last {@value #MAX_ENTRIES} cells are kept.
 */
public final class History {
    /** One history entry. */
    public record Entry(int session, int line, String input, String output) {
        Entry withOutput(String text) {
            return new Entry(session, line, input, text);
        }
    }

    /** Cells kept (and loaded) at most: the file is cut back to them when it holds three times as many. */
    static final int MAX_ENTRIES = 10_000;
    private static final int MAX_LINES = 2 * MAX_ENTRIES; // an input record and an output record per cell

    private final ObjectMapper json = new ObjectMapper();
    private final Path file;
    private final List<Entry> entries = new ArrayList<>();
    private final int session;
    private boolean writeFailed;
    private boolean loaded;
    private long linesInFile;

    /** The file's last records as read at start, parsed when history is first asked for. */
    private List<String> unparsed;

    /**
     * Reads only the file's last records, and parses them when history is first asked for (not while the kernel
     * starts and runs its first cells), so neither start-up time nor memory grows with years of history.
     */
    public History(Path file) {
        this.file = file;
        unparsed = file != null && Files.isReadable(file) ? lastLines(file, MAX_LINES) : List.of();
        session = lastSession(unparsed) + 1;
    }

    private int lastSession(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            try {
                JsonNode n = json.readTree(lines.get(i));
                if (n != null && n.has("session")) {
                    return n.path("session").asInt();
                }
            } catch (IOException malformed) {
                // a torn last line (kernel killed mid-write): look further back
            }
        }
        return 0;
    }

    private void load(List<String> lines) {
        List<Entry> earlier = new ArrayList<>();
        for (String line : lines) {
            try {
                JsonNode n = json.readTree(line);
                int s = n.path("session").asInt();
                int l = n.path("line").asInt();
                if (n.has("output")) {
                    attachOutput(earlier, s, l, n.path("output").asText());
                } else {
                    earlier.add(new Entry(s, l, n.path("input").asText(), null));
                }
            } catch (IOException | RuntimeException malformed) {
                // a torn line (kernel killed mid-write) loses only that entry
            }
        }
        synchronized (this) {
            entries.addAll(0, earlier.subList(Math.max(0, earlier.size() - MAX_ENTRIES), earlier.size()));
            linesInFile = lines.size();
            loaded = true;
            long kept = lines.stream().mapToLong(l -> l.getBytes(StandardCharsets.UTF_8).length + 1).sum();
            try {
                if (file != null && Files.isRegularFile(file) && Files.size(file) > 3 * kept + (1 << 20)) {
                    compact();
                }
            } catch (IOException | UncheckedIOException e) {
                Log.warn("cannot cut back history " + file + ": " + e.getMessage());
            }
        }
    }

    /** Cuts the file back to its last records in one atomic rename; callers hold this object's lock. */
    private void compact() {
        List<String> keep = lastLines(file, MAX_LINES);
        AtomicFiles.write(file, "the history",
                (String.join("\n", keep) + "\n").getBytes(StandardCharsets.UTF_8));
        linesInFile = keep.size();
    }

    /** The last {@code n} lines of a file, read backwards from its end in blocks. */
    private static List<String> lastLines(Path file, int n) {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long position = channel.size();
            ByteArrayOutputStream reversed = new ByteArrayOutputStream();
            ByteBuffer block = ByteBuffer.allocate(1 << 16);
            int newlines = 0;
            List<byte[]> blocks = new ArrayList<>();
            while (position > 0 && newlines <= n) {
                int size = (int) Math.min(block.capacity(), position);
                position -= size;
                block.clear().limit(size);
                channel.position(position);
                while (block.hasRemaining() && channel.read(block) >= 0) {
                    // read the whole block
                }
                byte[] bytes = Arrays.copyOf(block.array(), size);
                for (byte b : bytes) {
                    newlines += b == '\n' ? 1 : 0;
                }
                blocks.add(0, bytes);
            }
            for (byte[] b : blocks) {
                reversed.write(b);
            }
            List<String> lines = new ArrayList<>(reversed.toString(StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank()).toList());
            // the first line may be cut in the middle unless the read reached the file's start
            if (position > 0 && !lines.isEmpty()) {
                lines.remove(0);
            }
            return lines.subList(Math.max(0, lines.size() - n), lines.size());
        } catch (IOException e) {
            Log.warn("cannot read history " + file + ": " + e.getMessage());
            return List.of();
        }
    }

    private synchronized void awaitLoaded() {
        if (!loaded) {
            List<String> lines = unparsed;
            unparsed = null;
            load(lines);
        }
    }

    /**
     * The default place for a language's history: $XDG_DATA_HOME/neuromorph/history.jsonl for Java cells and
     * history-kotlin.jsonl for Kotlin ones (or under ~/.local/share when XDG_DATA_HOME is not set).
     */
    public static Path defaultFile(String language) {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("neuromorph").resolve(language.equals("java") ? "history.jsonl" : "history-" + language + ".jsonl");
    }

    public int session() {
        return session;
    }

    public synchronized void add(int line, String input) {
        entries.add(new Entry(session, line, input, null));
        if (entries.size() >= 2 * MAX_ENTRIES) {
            // a long session's memory holds the last cells only, as the file does (the soak ran 90,000 cells)
            entries.subList(0, entries.size() - MAX_ENTRIES).clear();
        }
        append(json.createObjectNode().put("session", session).put("line", line).put("input", input));
    }

    /** The plain text of a line's result in this session. */
    public synchronized void addOutput(int line, String output) {
        attachOutput(session, line, output);
        append(json.createObjectNode().put("session", session).put("line", line).put("output", output));
    }

    private void attachOutput(int sessionNumber, int line, String output) {
        attachOutput(entries, sessionNumber, line, output);
    }

    private static void attachOutput(List<Entry> list, int sessionNumber, int line, String output) {
        for (int i = list.size() - 1; i >= 0; i--) {
            Entry e = list.get(i);
            if (e.session() == sessionNumber && e.line() == line) {
                list.set(i, e.withOutput(output));
                return;
            }
        }
    }

    private void append(ObjectNode n) {
        if (file == null || writeFailed) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, json.writeValueAsString(n) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            if (loaded && ++linesInFile > 3L * MAX_LINES) {
                compact();
            }
        } catch (IOException | UncheckedIOException ex) {
            writeFailed = true;
            Log.warn("history is kept for this session only: cannot write " + file + ": " + ex.getMessage());
        }
    }

    /** The last n entries (all sessions). */
    public synchronized List<Entry> tail(int n) {
        awaitLoaded();
        return List.copyOf(entries.subList(Math.max(0, entries.size() - Math.max(0, n)), entries.size()));
    }

    /** Lines [start, stop) of a session; a session ≤ 0 counts back from the current one (0 = current). */
    public synchronized List<Entry> range(int sessionNumber, int start, int stop) {
        awaitLoaded();
        int s = sessionNumber <= 0 ? session + sessionNumber : sessionNumber;
        return entries.stream()
                .filter(e -> e.session() == s && e.line() >= start && (stop <= 0 || e.line() < stop))
                .toList();
    }

    /** Entries whose input matches a glob pattern (* and ?), the last n of them, optionally without repeats. */
    public synchronized List<Entry> search(String glob, int n, boolean unique) {
        awaitLoaded();
        Pattern p = Pattern.compile(globToRegex(glob), Pattern.DOTALL);
        Map<String, Entry> byInput = new LinkedHashMap<>();
        List<Entry> matches = new ArrayList<>();
        for (Entry e : entries) {
            if (p.matcher(e.input()).matches()) {
                if (unique) {
                    byInput.remove(e.input());
                    byInput.put(e.input(), e);
                } else {
                    matches.add(e);
                }
            }
        }
        List<Entry> all = unique ? new ArrayList<>(byInput.values()) : matches;
        return n > 0 ? all.subList(Math.max(0, all.size() - n), all.size()) : all;
    }

    private static String globToRegex(String glob) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return re.toString();
    }
}
