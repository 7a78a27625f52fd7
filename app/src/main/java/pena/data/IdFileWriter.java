package pena.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Writes ids to a file as little-endian integers of 1, 2 or 4 bytes, through one buffer. */
final class IdFileWriter implements AutoCloseable {
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
    private final int width;
    private long written;

    IdFileWriter(Path file, int width) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        this.width = width;
    }

    void write(int id) throws IOException {
        if (buffer.remaining() < 4) {
            flush();
        }
        switch (width) {
            case 1 -> buffer.put((byte) id);
            case 2 -> buffer.putShort((short) id);
            default -> buffer.putInt(id);
        }
        written++;
    }

    void writeLong(long value) throws IOException {
        if (buffer.remaining() < 8) {
            flush();
        }
        buffer.putLong(value);
    }

    long written() {
        return written;
    }

    private void flush() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
            channel.force(true);
        } finally {
            channel.close();
        }
    }
}
