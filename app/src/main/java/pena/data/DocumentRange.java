package pena.data;

/** One document's ids: positions [start, end) of a {@link TokenIds}. */
public record DocumentRange(long start, long end) {
    public DocumentRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("a document range is [start, end) with 0 <= start <= end, got ["
                    + start + ", " + end + ")");
        }
    }

    public long length() {
        return end - start;
    }
}
