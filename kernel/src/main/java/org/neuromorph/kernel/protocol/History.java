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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neuromorph.data.AtomicFiles;
import org.neuromorph.kernel.Log;

/**
 * The history behind history_request: every executed cell as (session, line, input, output), kept across kernel
 * restarts in one JSON-lines file in the user's data directory. Each kernel start is a new session number.
 * The input is written when the cell starts (so a cell that kills the kernel is still in the history) and its
 * result's plain text, if any, as a second record when it ends. If the file cannot be written, history still
 * works for this session and the problem is logged once. The last {@value #MAX_ENTRIES} cells are kept, and the
 * file is bounded in bytes: an input or output over {@value #MAX_TEXT_CHARS} characters (pasted data, generated
 * cells) is kept cut with a marker, and the file is cut back to its last {@code MAX_KEPT_BYTES} when it grows past
 * twice that. Start-up reads only the file's last record (for the session number), whatever its size.
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
    /** An input or output longer than this is kept cut, with a marker giving its length. */
    static final int MAX_TEXT_CHARS = 64 * 1024;
    /** What is kept of the file (and of a session in memory, in characters); the file is cut back at twice this. */
    static final long MAX_KEPT_BYTES = 16L << 20;
    private static final Pattern SESSION = Pattern.compile("^\\{\"session\":(\\d+)");

    private final ObjectMapper json = new ObjectMapper();
    private final Path file;
    private final List<Entry> entries = new ArrayList<>();
    private final int session;
    private boolean writeFailed;
    private boolean loaded;
    private long linesInFile;
    private long fileBytes;
    private long charsInMemory;

    /**
     * Reads only the file's last record, for the session number; the last records are read and parsed when
     * history is first asked for (not while the kernel starts and runs its first cells), so neither start-up time
     * nor memory grows with years of history.
     */
    public History(Path file) {
        this.file = file;
        boolean readable = file != null && Files.isReadable(file);
        session = (readable ? lastSession(lastLines(file, 1, MAX_KEPT_BYTES)) : 0) + 1;
        try {
            fileBytes = readable ? Files.size(file) : 0;
        } catch (IOException e) {
            fileBytes = 0;
        }
    }

    /** Every record starts with its session (a torn last record too, unless torn within its first bytes). */
    private static int lastSession(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            Matcher m = SESSION.matcher(lines.get(i));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
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
                if (s == session) {
                    continue; // this session's cells, already in memory (read after they were written)
                }
                if (n.has("output")) {
                    attachOutput(earlier, s, l, cut(n.path("output").asText()));
                } else {
                    earlier.add(new Entry(s, l, cut(n.path("input").asText()), null));
                }
            } catch (IOException | RuntimeException malformed) {
                // a torn line (kernel killed mid-write) loses only that entry
            }
        }
        synchronized (this) {
            entries.addAll(0, earlier.subList(Math.max(0, earlier.size() - MAX_ENTRIES), earlier.size()));
            charsInMemory = entries.stream().mapToLong(History::chars).sum();
            forgetBeyondBound();
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

    /**
     * Cuts the file back to its last records in one atomic rename, records written before texts were cut (longer
     * than any written since) cut now; callers hold this object's lock.
     */
    private void compact() {
        StringBuilder kept = new StringBuilder();
        int count = 0;
        for (String line : lastLines(file, MAX_LINES, MAX_KEPT_BYTES)) {
            String record = line.length() > 2 * MAX_TEXT_CHARS + 200 ? cutRecord(line) : line;
            if (record != null) {
                kept.append(record).append('\n');
                count++;
            }
        }
        byte[] bytes = kept.toString().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, "the history", bytes);
        linesInFile = count;
        fileBytes = bytes.length;
    }

    /** A record with its texts cut, or null if it is not one (torn). */
    private String cutRecord(String line) {
        try {
            ObjectNode n = (ObjectNode) json.readTree(line);
            for (String field : List.of("input", "output")) {
                if (n.has(field)) {
                    n.put(field, cut(n.path(field).asText()));
                }
            }
            return json.writeValueAsString(n);
        } catch (IOException | RuntimeException torn) {
            return null;
        }
    }

    /** The text as kept: whole, or its first {@value #MAX_TEXT_CHARS} characters and a marker. */
    static String cut(String text) {
        if (text == null || text.length() <= MAX_TEXT_CHARS) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_TEXT_CHARS - 1)) ? MAX_TEXT_CHARS - 1 : MAX_TEXT_CHARS;
        return text.substring(0, end) + String.format("%n… [cut in the history: %,d characters in all]", text.length());
    }

    /** The last {@code n} lines of a file within its last {@code maxBytes} (about), read backwards in blocks. */
    private static List<String> lastLines(Path file, int n, long maxBytes) {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long position = channel.size();
            ByteArrayOutputStream reversed = new ByteArrayOutputStream();
            ByteBuffer block = ByteBuffer.allocate(1 << 16);
            int newlines = 0;
            List<byte[]> blocks = new ArrayList<>();
            long end = channel.size();
            while (position > 0 && newlines <= n && end - position < maxBytes) {
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
            load(file != null && Files.isReadable(file) ? lastLines(file, MAX_LINES, MAX_KEPT_BYTES) : List.of());
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
        String kept = cut(input);
        entries.add(new Entry(session, line, kept, null));
        charsInMemory += kept.length();
        forgetBeyondBound();
        append(json.createObjectNode().put("session", session).put("line", line).put("input", kept));
    }

    /** The plain text of a line's result in this session. */
    public synchronized void addOutput(int line, String output) {
        String kept = cut(output);
        attachOutput(session, line, kept);
        charsInMemory += kept == null ? 0 : kept.length();
        append(json.createObjectNode().put("session", session).put("line", line).put("output", kept));
    }

    /** A long session's memory holds its last cells only, as the file does (the soak ran 90,000 cells). */
    private void forgetBeyondBound() {
        int drop = entries.size() >= 2 * MAX_ENTRIES ? entries.size() - MAX_ENTRIES : 0;
        for (int i = 0; i < drop; i++) {
            charsInMemory -= chars(entries.get(i));
        }
        while (charsInMemory > MAX_KEPT_BYTES && drop < entries.size() - 1) {
            charsInMemory -= chars(entries.get(drop++));
        }
        entries.subList(0, drop).clear();
    }

    private static long chars(Entry e) {
        return (e.input() == null ? 0 : e.input().length()) + (e.output() == null ? 0 : e.output().length());
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
            byte[] record = (json.writeValueAsString(n) + "\n").getBytes(StandardCharsets.UTF_8);
            Files.write(file, record, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            fileBytes += record.length;
            if ((loaded && ++linesInFile > 3L * MAX_LINES) || fileBytes > 2 * MAX_KEPT_BYTES) {
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
