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

    /** The documents' ids one after the other (their ranges: {@link DocumentRange#of}). */
    static TokenIds concatenation(java.util.List<int[]> documents) {
        int total = 0;
        for (int[] document : documents) {
            total = Math.addExact(total, document.length);
        }
        int[] all = new int[total];
        int at = 0;
        for (int[] document : documents) {
            System.arraycopy(document, 0, all, at, document.length);
            at += document.length;
        }
        return of(all);
    }

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
