package pena.data;

import java.util.ArrayList;
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
 */
public final class TokenStreams implements Iterable<Window> {
    private final int[] inputs;
    private final int[] targets;
    private final boolean[] documentStart;
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
        if (batch < 1 || windowLength < 1) {
            throw new IllegalArgumentException("batch and window length must be positive");
        }
        this.windowLength = windowLength;
        List<Integer> in = new ArrayList<>();
        List<Integer> out = new ArrayList<>();
        List<Boolean> starts = new ArrayList<>();
        long pairs = 0;
        for (int[] ids : documents) {
            if (ids.length < 2) {
                continue;
            }
            int n = ids.length - 1;
            pairs += n;
            int padded = (n + windowLength - 1) / windowLength * windowLength;
            for (int t = 0; t < padded; t++) {
                if (t % windowLength == 0) {
                    starts.add(t == 0);
                }
                in.add(t < n ? ids[t] : Window.PADDING);
                out.add(t < n ? ids[t + 1] : Window.PADDING);
            }
        }
        if (pairs < windowLength) {
            throw new IllegalArgumentException("the text has " + (pairs + (pairs > 0 ? 1 : 0))
                    + " tokens, fewer than one window of " + windowLength + " + 1");
        }
        int windows = in.size() / windowLength;
        this.batch = Math.min(batch, windows);
        if (!dropRemainder) {
            while (windows % this.batch != 0) {
                for (int t = 0; t < windowLength; t++) {
                    in.add(Window.PADDING);
                    out.add(Window.PADDING);
                }
                starts.add(true);
                windows++;
            }
        }
        this.windowsPerStream = windows / this.batch;
        this.inputs = in.stream().mapToInt(Integer::intValue).toArray();
        this.targets = out.stream().mapToInt(Integer::intValue).toArray();
        this.documentStart = new boolean[starts.size()];
        for (int i = 0; i < starts.size(); i++) {
            documentStart[i] = starts.get(i);
        }
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
        long n = 0;
        int used = batch * windowsPerStream * windowLength;
        for (int i = 0; i < used; i++) {
            if (targets[i] != Window.PADDING) {
                n++;
            }
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
            int windowIndex = b * windowsPerStream + k;
            int offset = windowIndex * windowLength;
            System.arraycopy(inputs, offset, in[b], 0, windowLength);
            System.arraycopy(targets, offset, out[b], 0, windowLength);
            reset[b] = k == 0 || documentStart[windowIndex];
            for (int t = 0; t < windowLength; t++) {
                if (out[b][t] != Window.PADDING) {
                    tokens++;
                }
            }
        }
        return new Window(k, in, out, reset, tokens);
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
