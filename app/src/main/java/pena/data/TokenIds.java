package pena.data;

/**
 * A corpus's token ids as one long sequence, wherever they live: a Java array for a text read
 * into memory, a memory-mapped file for a prepared corpus ({@link MappedTokenIds}). Documents are
 * ranges of it ({@link DocumentRange}).
 */
public interface TokenIds {
    long size();

    /** The id at {@code index}, in [0, size). */
    int get(long index);

    /** Ids of an array (index i is element i). */
    static TokenIds of(int[] ids) {
        return new TokenIds() {
            @Override
            public long size() {
                return ids.length;
            }

            @Override
            public int get(long index) {
                return ids[(int) index];
            }
        };
    }
}
