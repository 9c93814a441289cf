package org.neuromorph.kernel.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.neuromorph.kernel.Log;

/**
 * The history behind history_request: every executed cell as (session, line, input, output), kept across kernel
 * restarts in one JSON-lines file in the user's data directory. Each kernel start is a new session number.
 * The input is written when the cell starts (so a cell that kills the kernel is still in the history) and its
 * result's plain text, if any, as a second record when it ends. If the file cannot be written, history still
 * works for this session and the problem is logged once.
 */
public final class History {
    /** One history entry. */
    public record Entry(int session, int line, String input, String output) {
        Entry withOutput(String text) {
            return new Entry(session, line, input, text);
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final Path file;
    private final List<Entry> entries = new ArrayList<>();
    private final int session;
    private boolean writeFailed;

    public History(Path file) {
        this.file = file;
        int lastSession = 0;
        if (file != null && Files.isReadable(file)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    try {
                        JsonNode n = json.readTree(line);
                        int s = n.path("session").asInt();
                        int l = n.path("line").asInt();
                        if (n.has("output")) {
                            attachOutput(s, l, n.path("output").asText());
                        } else {
                            entries.add(new Entry(s, l, n.path("input").asText(), null));
                        }
                        lastSession = Math.max(lastSession, s);
                    } catch (IOException malformed) {
                        // a torn last line (kernel killed mid-write) loses only that entry
                    }
                }
            } catch (IOException e) {
                Log.warn("cannot read history " + file + ": " + e.getMessage());
            }
        }
        session = lastSession + 1;
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
        append(json.createObjectNode().put("session", session).put("line", line).put("input", input));
    }

    /** The plain text of a line's result in this session. */
    public synchronized void addOutput(int line, String output) {
        attachOutput(session, line, output);
        append(json.createObjectNode().put("session", session).put("line", line).put("output", output));
    }

    private void attachOutput(int sessionNumber, int line, String output) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            if (e.session() == sessionNumber && e.line() == line) {
                entries.set(i, e.withOutput(output));
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
        } catch (IOException ex) {
            writeFailed = true;
            Log.warn("history is kept for this session only: cannot write " + file + ": " + ex.getMessage());
        }
    }

    /** The last n entries (all sessions). */
    public synchronized List<Entry> tail(int n) {
        return List.copyOf(entries.subList(Math.max(0, entries.size() - Math.max(0, n)), entries.size()));
    }

    /** Lines [start, stop) of a session; a session ≤ 0 counts back from the current one (0 = current). */
    public synchronized List<Entry> range(int sessionNumber, int start, int stop) {
        int s = sessionNumber <= 0 ? session + sessionNumber : sessionNumber;
        return entries.stream()
                .filter(e -> e.session() == s && e.line() >= start && (stop <= 0 || e.line() < stop))
                .toList();
    }

    /** Entries whose input matches a glob pattern (* and ?), the last n of them, optionally without repeats. */
    public synchronized List<Entry> search(String glob, int n, boolean unique) {
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
