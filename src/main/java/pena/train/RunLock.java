package pena.train;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One run at a time per output: an operating-system lock on {@code NAME.lock} beside the run's
 * files, held while the run lives. The lock goes with the process, so a run that crashed or was
 * killed leaves nothing stuck; the file names the holder (PID and command) for the message a
 * second run gets. Taking it is also the check that the folder is writable, before any training.
 * The holder removes the file when it ends (a killed run leaves it, harmlessly: the next run
 * locks it again). Because of that removal, a lock taken on a file that was removed meanwhile is
 * no lock at all: the taker checks that the name still leads to the file it locked (what it wrote
 * through its lock reads back through the name) and otherwise tries again.
 */
public final class RunLock implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * @param file   the lock file (its folder is created)
     * @param what   what is being locked, for messages ("the run models/casmurro")
     * @param option the option that chose it, for the way out ("--out")
     * @throws TrainingException when another process holds it or the folder cannot be written
     */
    public static RunLock take(Path file, String what, String option) {
        Path folder = file.toAbsolutePath().getParent();
        for (int attempt = 0; attempt < 5; attempt++) {
            FileChannel channel = null;
            try {
                Files.createDirectories(folder);
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException sameProcess) {
                    lock = null;
                }
                if (lock == null) {
                    String holder = readHolder(channel);
                    channel.close();
                    throw new TrainingException(what + " is in use by another Pena run"
                            + (holder.isEmpty() ? "" : " (" + holder + ")") + "; wait for it to finish, stop it, "
                            + "or choose another " + option);
                }
                String holder = holderLine() + " #" + System.nanoTime();
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
                channel.force(true);
                if (holder.equals(readName(file))) {
                    return new RunLock(file, channel, lock);
                }
                lock.release(); // the file was removed under us: lock the one that has the name now
                channel.close();
            } catch (IOException e) {
                closeQuietly(channel);
                throw new TrainingException("cannot write in " + folder + " (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); choose a folder you can write "
                        + "to with " + option);
            }
        }
        throw new TrainingException(what + " is being started and stopped by other runs right now; try again");
    }

    private static String readName(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
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
            String line = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).trim();
            int nonce = line.lastIndexOf(" #");
            return nonce < 0 ? line : line.substring(0, nonce);
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
