package org.neuromorph.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The kernel's temporary directories, named by the process that made them ({@code neuromorph-<pid>-<purpose>-…}).
 * A kernel ends by deleting its own, but one that is killed (a front end's "shut down now", the OOM killer) cannot,
 * and a day of restarts left hundreds behind: so each kernel, as it starts, removes those of processes no longer
 * running, and those of earlier versions (no process named) once a day old.
 */
public final class SessionFiles {
    private static final String PREFIX = "neuromorph-";
    private static final String PURPOSES = "(cell-classes|cell-archive|kotlin-cells|run)";
    private static final Pattern OWNED = Pattern.compile("neuromorph-(\\d+)-" + PURPOSES + "-\\d+");
    /** What versions before process-named directories called theirs. */
    private static final Pattern UNOWNED = Pattern.compile("neuromorph-" + PURPOSES + "\\d+");
    private static final Duration UNOWNED_AGE = Duration.ofDays(1);

    private SessionFiles() {
    }

    /** A new temporary directory of this process for {@code purpose}: one of {@link #PURPOSES}. */
    public static Path directory(String purpose) throws IOException {
        return Files.createTempDirectory(PREFIX + ProcessHandle.current().pid() + "-" + purpose + "-");
    }

    /** Removes, in a background thread, what ended kernels left in the temporary directory. */
    public static void sweepInBackground() {
        Thread sweeper = new Thread(() -> {
            int removed = sweep(Path.of(System.getProperty("java.io.tmpdir")), Instant.now());
            if (removed > 0) {
                Log.info("removed " + removed + " temporary directories of kernels no longer running");
            }
        }, "neuromorph-temp-sweep");
        sweeper.setDaemon(true);
        sweeper.setPriority(Thread.MIN_PRIORITY);
        sweeper.start();
    }

    /** Removes from {@code tmp} the directories of processes no longer running; returns how many. */
    static int sweep(Path tmp, Instant now) {
        List<Path> stale;
        try (Stream<Path> entries = Files.list(tmp)) {
            stale = entries.filter(p -> p.getFileName().toString().startsWith(PREFIX))
                    .filter(p -> Files.isDirectory(p) && isStale(p, now)).toList();
        } catch (IOException e) {
            return 0;
        }
        int removed = 0;
        for (Path directory : stale) {
            removed += delete(directory) ? 1 : 0;
        }
        return removed;
    }

    private static boolean isStale(Path path, Instant now) {
        String name = path.getFileName().toString();
        Matcher owned = OWNED.matcher(name);
        if (owned.matches()) {
            long pid = Long.parseLong(owned.group(1));
            return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        }
        if (UNOWNED.matcher(name).matches()) {
            try {
                FileTime modified = Files.getLastModifiedTime(path);
                return modified.toInstant().isBefore(now.minus(UNOWNED_AGE));
            } catch (IOException e) {
                return false;
            }
        }
        return false;
    }

    /** Deletes a directory tree, as far as it can. */
    public static boolean delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            return false;
        }
        return !Files.exists(directory);
    }
}
