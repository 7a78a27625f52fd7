package pena.data;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Token ids in a file, read memory-mapped: the operating system pages them in as windows ask
 * for them, so the Java heap holds none of them and a corpus larger than memory trains. Each id
 * is an unsigned little-endian integer of {@code width} bytes (1, 2 or 4: the narrowest that
 * holds the vocabulary). A file over 2 GB is mapped in 1 GB pieces (Java maps at most 2 GB at a
 * time); an id never straddles two pieces because a piece is a multiple of 4 bytes.
 */
public final class MappedTokenIds implements TokenIds {
    private static final int PIECE_SHIFT = 30;
    private static final long PIECE = 1L << PIECE_SHIFT;

    private final MappedByteBuffer[] pieces;
    private final int width;
    private final long size;

    private MappedTokenIds(MappedByteBuffer[] pieces, int width, long size) {
        this.pieces = pieces;
        this.width = width;
        this.size = size;
    }

    /** Maps {@code file}; its length must be a whole number of ids. */
    public static MappedTokenIds open(Path file, int width) throws IOException {
        if (width != 1 && width != 2 && width != 4) {
            throw new IllegalArgumentException("id width " + width + " (1, 2 or 4 bytes)");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long bytes = channel.size();
            if (bytes % width != 0) {
                throw new IOException(file + ": " + bytes + " bytes is not a whole number of " + width + "-byte ids");
            }
            int count = (int) ((bytes + PIECE - 1) / PIECE);
            MappedByteBuffer[] pieces = new MappedByteBuffer[count];
            for (int p = 0; p < count; p++) {
                long from = p * PIECE;
                pieces[p] = channel.map(FileChannel.MapMode.READ_ONLY, from, Math.min(PIECE, bytes - from));
                pieces[p].order(ByteOrder.LITTLE_ENDIAN);
            }
            return new MappedTokenIds(pieces, width, bytes / width);
        }
    }

    /** Bytes per id. */
    public int width() {
        return width;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public int get(long index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("id " + index + " of " + size);
        }
        long at = index * width;
        MappedByteBuffer piece = pieces[(int) (at >>> PIECE_SHIFT)];
        int offset = (int) (at & (PIECE - 1));
        return switch (width) {
            case 1 -> piece.get(offset) & 0xFF;
            case 2 -> piece.getShort(offset) & 0xFFFF;
            default -> piece.getInt(offset);
        };
    }
}
