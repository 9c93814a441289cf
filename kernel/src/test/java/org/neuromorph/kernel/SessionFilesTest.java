package org.neuromorph.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a kernel's start removes of the temporary directories that killed kernels left behind, and what it keeps. */
class SessionFilesTest {
    @Test
    void directoriesOfEndedProcessesGoOthersStay(@TempDir Path tmp) throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        long self = ProcessHandle.current().pid();
        Path endedKernel = directory(tmp, "neuromorph-" + ended.pid() + "-cell-classes-123");
        Files.writeString(endedKernel.resolve("REPL.Cells1_2"), "x");
        Path running = directory(tmp, "neuromorph-" + self + "-cell-archive-456");
        Path oldVersion = directory(tmp, "neuromorph-kotlin-cells789");
        Files.setLastModifiedTime(oldVersion, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        Path recentOldVersion = directory(tmp, "neuromorph-cell-classes790");
        Path somebodyElses = directory(tmp, "neuromorph-" + ended.pid() + "-notes");
        Path aFile = Files.writeString(tmp.resolve("neuromorph-" + ended.pid() + "-run-1"), "not a directory");

        assertEquals(2, SessionFiles.sweep(tmp, Instant.now()));
        assertFalse(Files.exists(endedKernel), "a killed kernel's directory, with its files");
        assertFalse(Files.exists(oldVersion), "an earlier version's directory, two days old");
        assertTrue(Files.exists(running), "this process's own");
        assertTrue(Files.exists(recentOldVersion), "an earlier version's, maybe still running");
        assertTrue(Files.exists(somebodyElses), "a name the kernel does not make");
        assertTrue(Files.exists(aFile), "only directories");
    }

    @Test
    void aNewDirectoryIsNamedByThisProcess() throws IOException {
        Path made = SessionFiles.directory("run");
        try {
            String name = made.getFileName().toString();
            assertTrue(name.startsWith("neuromorph-" + ProcessHandle.current().pid() + "-run-"), name);
        } finally {
            assertTrue(SessionFiles.delete(made));
        }
    }

    private static Path directory(Path tmp, String name) throws IOException {
        return Files.createDirectory(tmp.resolve(name));
    }
}
