package pena.data;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The token ids of a corpus laid out for truncated BPTT with carried state.
 *
 * <p>Each document becomes (input, target) pairs, padded to a whole number of windows of
 * length T so that every document begins at a window boundary. The padded pair sequence is
 * then cut into {@code batch} contiguous streams (columns), like {@code batchify} in PyTorch's
 * word_language_model; window k holds rows [k*T, (k+1)*T) of every column:
 *
 * <pre>
 *             stream 0   stream 1  ...  stream B-1
 *   window 0  a b c d    m n o p        . . . .     state starts at zero
 *   window 1  e f g h    q r s t        . . . .     state carried from window 0
 *   window 2  i j k l    (doc 2) u v w  . . . .     stream 1: new document, its state reset
 * </pre>
 *
 * The state at the end of window k of a stream is exactly the state that window k+1 of that
 * stream must start from, unless window k+1 starts a document: then {@link Window#resetState}
 * says so for that stream. For training, windows left over after dividing by the batch size
 * are dropped (fewer than {@code batch} windows per epoch); for evaluation nothing is dropped:
 * empty (all-padding) windows fill the last row instead.
 *
 * <p>The layout is computed, not copied: the streams keep each document's range and the number
 * of the first padded window that belongs to it, and a window's ids are read from the
 * {@link TokenIds} when it is asked for. Over a memory-mapped prepared corpus nothing of the
 * corpus is held on the Java heap but one long per document.
 */
public final class TokenStreams implements Iterable<Window> {
    private final TokenIds ids;
    private final long[] documentStart;   // per document with a pair: its first id
    private final long[] pairs;           // its (input, target) pairs: length - 1
    private final long[] firstWindow;     // the global number of its first window; one more entry: all windows
    private final int batch;
    private final int windowLength;
    private final int windowsPerStream;

    /**
     * @param documents    token ids of each document, in order
     * @param batch        number of parallel streams; lowered to the number of windows when the text is short
     * @param windowLength T, the TBPTT window length
     * @throws IllegalArgumentException if the text does not fill one window
     */
    public TokenStreams(List<int[]> documents, int batch, int windowLength) {
        this(documents, batch, windowLength, true);
    }

    /**
     * @param dropRemainder true: drop the windows that do not fill a row of streams (training);
     *                      false: pad with empty windows so every token is visited (evaluation)
     */
    public TokenStreams(List<int[]> documents, int batch, int windowLength, boolean dropRemainder) {
        this(TokenIds.concatenation(documents), DocumentRange.of(documents), batch, windowLength, dropRemainder);
    }

    /** Streams over documents that are ranges of {@code ids} (a prepared corpus's, say). */
    public TokenStreams(TokenIds ids, List<DocumentRange> documents, int batch, int windowLength,
                        boolean dropRemainder) {
        if (batch < 1 || windowLength < 1) {
            throw new IllegalArgumentException("batch and window length must be positive");
        }
        this.ids = ids;
        this.windowLength = windowLength;
        int used = 0;
        for (DocumentRange document : documents) {
            if (document.end() > ids.size()) {
                throw new IllegalArgumentException("document range " + document + " beyond the " + ids.size() + " ids");
            }
            used += document.length() >= 2 ? 1 : 0;
        }
        documentStart = new long[used];
        pairs = new long[used];
        firstWindow = new long[used + 1];
        long totalPairs = 0;
        long windows = 0;
        int d = 0;
        for (DocumentRange document : documents) {
            if (document.length() < 2) {
                continue;
            }
            documentStart[d] = document.start();
            pairs[d] = document.length() - 1;
            firstWindow[d] = windows;
            windows += (pairs[d] + windowLength - 1) / windowLength;
            totalPairs += pairs[d];
            d++;
        }
        firstWindow[used] = windows;
        if (totalPairs < windowLength) {
            throw new IllegalArgumentException("the text has " + (totalPairs + (totalPairs > 0 ? 1 : 0))
                    + " tokens, fewer than one window of " + windowLength + " + 1");
        }
        this.batch = (int) Math.min(batch, windows);
        long perStream = dropRemainder ? windows / this.batch : (windows + this.batch - 1) / this.batch;
        if (perStream > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("more than " + Integer.MAX_VALUE + " windows per stream: raise --batch");
        }
        this.windowsPerStream = (int) perStream;
    }

    /** Streams actually used (the requested batch, or fewer for a short text). */
    public int batch() {
        return batch;
    }

    public int windowLength() {
        return windowLength;
    }

    /** Windows in one pass over the text (one epoch). */
    public int windowsPerStream() {
        return windowsPerStream;
    }

    /** Real (non-padding) targets in one epoch. */
    public long tokensPerEpoch() {
        long usedWindows = (long) batch * windowsPerStream;
        long n = 0;
        for (int d = 0; d < pairs.length && firstWindow[d] < usedWindows; d++) {
            long windowsInside = Math.min(firstWindow[d + 1], usedWindows) - firstWindow[d];
            n += Math.min(pairs[d], windowsInside * windowLength);
        }
        return n;
    }

    /** Window k of every stream. */
    public Window window(int k) {
        if (k < 0 || k >= windowsPerStream) {
            throw new IndexOutOfBoundsException("window " + k + " of " + windowsPerStream);
        }
        int[][] in = new int[batch][windowLength];
        int[][] out = new int[batch][windowLength];
        boolean[] reset = new boolean[batch];
        int tokens = 0;
        for (int b = 0; b < batch; b++) {
            long windowIndex = (long) b * windowsPerStream + k;
            int d = documentOf(windowIndex);
            if (d < 0) { // an empty window after the last document (evaluation's padding)
                Arrays.fill(in[b], Window.PADDING);
                Arrays.fill(out[b], Window.PADDING);
                reset[b] = true;
                continue;
            }
            long offset = (windowIndex - firstWindow[d]) * windowLength; // pair index inside the document
            long start = documentStart[d] + offset;
            int real = (int) Math.min(windowLength, pairs[d] - offset);
            for (int t = 0; t < real; t++) {
                in[b][t] = ids.get(start + t);
                out[b][t] = ids.get(start + t + 1);
            }
            if (real < windowLength) {
                Arrays.fill(in[b], real, windowLength, Window.PADDING);
                Arrays.fill(out[b], real, windowLength, Window.PADDING);
            }
            reset[b] = k == 0 || offset == 0;
            tokens += real;
        }
        return new Window(k, in, out, reset, tokens);
    }

    /** The document whose windows include global window {@code windowIndex}, or -1 past the last. */
    private int documentOf(long windowIndex) {
        if (windowIndex >= firstWindow[pairs.length]) {
            return -1;
        }
        int found = Arrays.binarySearch(firstWindow, 0, pairs.length, windowIndex);
        return found >= 0 ? found : -found - 2;
    }

    /** Windows from {@code first} to the end of the epoch, in order. */
    public Iterator<Window> from(int first) {
        return new Iterator<>() {
            private int next = first;

            @Override
            public boolean hasNext() {
                return next < windowsPerStream;
            }

            @Override
            public Window next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return window(next++);
            }
        };
    }

    @Override
    public Iterator<Window> iterator() {
        return from(0);
    }
}
