package pena.data;

/** One document's ids: positions [start, end) of a {@link TokenIds}. */
public record DocumentRange(long start, long end) {
    public DocumentRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("a document range is [start, end) with 0 <= start <= end, got ["
                    + start + ", " + end + ")");
        }
    }

    /** The ranges of the documents in {@link TokenIds#concatenation} of them. */
    public static java.util.List<DocumentRange> of(java.util.List<int[]> documents) {
        java.util.List<DocumentRange> ranges = new java.util.ArrayList<>(documents.size());
        long at = 0;
        for (int[] document : documents) {
            ranges.add(new DocumentRange(at, at + document.length));
            at += document.length;
        }
        return ranges;
    }

    public long length() {
        return end - start;
    }
}
