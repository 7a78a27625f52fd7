package pena.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One holder at a time; released on close, with its file; a stale file from a killed run is no obstacle. */
class RunLockTest {
    @Test
    void oneHolderAtATimeAndNothingLeftAfterwards(@TempDir Path dir) {
        Path file = dir.resolve("run.lock");
        try (RunLock first = RunLock.take(file, "the run r", "--out")) {
            TrainingException e = assertThrows(TrainingException.class, () -> RunLock.take(file, "the run r", "--out"));
            assertTrue(e.getMessage().contains("PID " + ProcessHandle.current().pid()), e.getMessage());
            assertTrue(e.getMessage().endsWith("or choose another --out"), e.getMessage());
        }
        assertFalse(Files.exists(file));
        RunLock.take(file, "the run r", "--out").close();
    }

    @Test
    void aLockFileLeftByAKilledRunIsTakenOver(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("run.lock"), "PID 1: a run that was killed -9");
        try (RunLock lock = RunLock.take(file, "the run r", "--out")) {
            assertTrue(Files.readString(file).startsWith("PID " + ProcessHandle.current().pid()));
        }
    }

    @Test
    void foldersMadeForTheLockGoWithItWhileEmpty(@TempDir Path dir) throws Exception {
        RunLock.take(dir.resolve("a/b/run.lock"), "the run r", "--out").close();
        assertFalse(Files.exists(dir.resolve("a")), "a refused run's folders are removed");
        assertTrue(Files.exists(dir), "a folder that was there stays");

        try (RunLock lock = RunLock.take(dir.resolve("c/d/run.lock"), "the run r", "--out")) {
            Files.writeString(dir.resolve("c/d/r.zip"), "a model");
        }
        assertTrue(Files.exists(dir.resolve("c/d/r.zip")), "a folder with the run's files stays");
        assertFalse(Files.exists(dir.resolve("c/d/run.lock")));
    }
}
