package pena.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Whole or absent: a write that fails halfway leaves the old file and no temporary one. */
class AtomicFileTest {
    @Test
    void aFailedWriteLeavesTheOldFileAndNoLeftover(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("report.md");
        AtomicFile.writeString(target, "old");
        assertThrows(IOException.class, () -> AtomicFile.write(target, temp -> {
            Files.writeString(temp, "half of the new");
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(target));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList());
        }
        AtomicFile.writeString(target, "new");
        assertEquals("new", Files.readString(target));
    }

    @Test
    void temporaryFilesAreNamedAfterTheirTargetSoLeftoversCanBeFound(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("m.zip");
        Path work = AtomicFile.temporary(target, "network");
        Path other = AtomicFile.temporary(dir.resolve("n.zip"), "");
        assertEquals(1, AtomicFile.removeLeftovers(target));
        assertEquals(false, Files.exists(work));
        assertEquals(true, Files.exists(other));
    }
}
