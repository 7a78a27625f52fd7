package pena.train;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One run at a time per output: an operating-system lock on {@code NAME.lock} beside the run's
 * files, held while the run lives. The lock goes with the process, so a run that crashed or was
 * killed leaves nothing stuck; the file names the holder (PID and command) for the message a
 * second run gets. Taking it is also the check that the folder is writable, before any training.
 * The holder removes the file when it ends (a killed run leaves it, harmlessly: the next run
 * locks it again), and the folders it created for it when they are still empty, so that a run
 * refused before it wrote anything leaves nothing behind. Because of that removal, a lock taken
 * on a file that was removed meanwhile is no lock at all: the taker checks, by the file's
 * identity (device and inode), that the name still leads to the file it locked, and otherwise
 * tries again.
 *
 * <p>POSIX locks belong to the process, and closing any descriptor of the file drops them; so
 * the lock file is never opened twice in one JVM (a second take there is refused from a table of
 * held locks) and never read through its name while held.
 */
public final class RunLock implements AutoCloseable {
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    /** Folders this lock created for its file, deepest first: removed on close while still empty. */
    private final List<Path> createdFolders;

    private RunLock(Path file, FileChannel channel, FileLock lock, List<Path> createdFolders) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.createdFolders = createdFolders;
    }

    /**
     * @param file   the lock file (its folder is created)
     * @param what   what is being locked, for messages ("the run models/casmurro")
     * @param option the option that chose it, for the way out ("--out")
     * @throws TrainingException when another process holds it or the folder cannot be written
     */
    public static RunLock take(Path file, String what, String option) {
        Path key = file.toAbsolutePath().normalize();
        if (!HELD.add(key)) {
            // held in this very JVM: asking the OS again would open and close the file, and closing
            // any descriptor of a file drops this process's POSIX lock on it
            throw inUse(what, option, holderLine());
        }
        try {
            return lock(key, what, option);
        } catch (RuntimeException e) {
            HELD.remove(key);
            throw e;
        }
    }

    private static RunLock lock(Path file, String what, String option) {
        Path folder = file.getParent();
        // a run refused before it wrote anything (an empty corpus, say) leaves no folder behind
        List<Path> missing = new ArrayList<>();
        for (Path f = folder; f != null && Files.notExists(f); f = f.getParent()) {
            missing.add(f);
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            FileChannel channel = null;
            try {
                Files.createDirectories(folder);
                try {
                    Files.createFile(file);
                } catch (FileAlreadyExistsException exists) {
                    // another run's, or one a killed run left
                }
                Object before = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
                channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    String holder = readHolder(channel);
                    channel.close();
                    throw inUse(what, option, holder);
                }
                // the name must still lead to the file we locked: a holder removes its file on
                // the way out, and a lock on a removed file guards nothing
                Object after = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
                if (before == null || !before.equals(after)) {
                    lock.release();
                    channel.close();
                    continue;
                }
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(holderLine().getBytes(StandardCharsets.UTF_8)), 0);
                channel.force(true);
                return new RunLock(file, channel, lock, List.copyOf(missing));
            } catch (NoSuchFileException removedMeanwhile) {
                closeQuietly(channel);
            } catch (IOException e) {
                closeQuietly(channel);
                throw new TrainingException("cannot write in " + folder + " (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); choose a folder you can write "
                        + "to with " + option);
            }
        }
        throw new TrainingException(what + " is being started and stopped by other runs right now; try again");
    }

    private static TrainingException inUse(String what, String option, String holder) {
        return new TrainingException(what + " is in use by another Pena run" + (holder.isEmpty() ? "" : " (" + holder
                + ")") + "; wait for it to finish, stop it, or choose another " + option);
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file); // still holding the lock: nobody else is using this file
        } catch (IOException ignored) {
            // a lock file left behind is harmless
        }
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
        HELD.remove(file);
        for (Path folder : createdFolders) {
            try {
                Files.delete(folder);
            } catch (IOException notEmptyOrGone) { // the run's files are in it (or another run's): it stays
                break;
            }
        }
    }

    private static String holderLine() {
        String command = ProcessHandle.current().info().commandLine().orElse("java");
        if (command.length() > 300) {
            command = command.substring(0, 300) + "...";
        }
        return "PID " + ProcessHandle.current().pid() + ": " + command;
    }

    private static String readHolder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(400);
            channel.read(buffer, 0);
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }
}
