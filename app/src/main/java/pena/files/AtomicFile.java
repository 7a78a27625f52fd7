package pena.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/**
 * Writes a file whole or not at all: into a temporary file beside it (named after it, so that a
 * save killed midway can be found and removed: {@link #removeLeftovers}), flushed to disk, then
 * renamed over the target in one step, and the folder flushed so the new name survives a power
 * cut. A reader sees the old file or the new one, never half of either.
 */
public final class AtomicFile {
    private static final String SUFFIX = ".tmp";

    /** Writes the content of the temporary file it is given. */
    public interface Content {
        void writeTo(Path temporary) throws IOException;
    }

    private AtomicFile() {
    }

    /** Writes {@code target} through {@code content}; its folder is created when missing. */
    public static void write(Path target, Content content) throws IOException {
        Path temp = temporary(target, "");
        try {
            content.writeTo(temp);
            readableByAll(temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            syncFolder(target.toAbsolutePath().getParent());
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    public static void writeString(Path target, String text) throws IOException {
        write(target, temp -> Files.writeString(temp, text, StandardCharsets.UTF_8));
    }

    /**
     * A temporary file beside {@code target} for work on the way to it (the caller removes it),
     * named {@code .NAME.ROLE.RANDOM.tmp}.
     */
    public static Path temporary(Path target, String role) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        return Files.createTempFile(parent, prefix(target) + (role.isEmpty() ? "" : role + "."), SUFFIX);
    }

    /**
     * Removes the temporary files that writes of {@code target} left when their process was
     * killed mid-write (call it when no write of it can be under way, e.g. holding the run's lock);
     * also the names of Pena before this class ({@code NAME<digits>.tmp}).
     *
     * @return how many were removed
     */
    public static int removeLeftovers(Path target) {
        Path parent = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(parent)) {
            return 0;
        }
        String name = target.getFileName().toString();
        String prefix = prefix(target);
        int removed = 0;
        try (Stream<Path> files = Files.list(parent)) {
            for (Path p : files.toList()) {
                String f = p.getFileName().toString();
                boolean ours = f.endsWith(SUFFIX) && (f.startsWith(prefix) || (f.startsWith(name)
                        && f.substring(name.length(), f.length() - SUFFIX.length()).matches("\\d+")));
                if (ours && Files.isRegularFile(p) && Files.deleteIfExists(p)) {
                    removed++;
                }
            }
        } catch (IOException e) {
            // what could not be removed stays; it is only wasted space
        }
        return removed;
    }

    private static String prefix(Path target) {
        return "." + target.getFileName() + ".";
    }

    /** Temporary files are private (rw-------); what they become is an ordinary file (rw-r--r--). */
    private static void readableByAll(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException | IOException ignored) {
            // not a POSIX file system: keep the defaults
        }
    }

    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // not every system can flush a folder; the rename itself is atomic
        }
    }
}
