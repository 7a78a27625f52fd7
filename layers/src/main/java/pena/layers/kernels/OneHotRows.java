package pena.layers.kernels;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The first layer of a character model reads one-hot rows: x·W then only picks rows of W, and
 * xᵀ·dGates only adds each row of dGates into the row of dW its character picked. Done as a
 * gather (in {@link WindowProducts#inputProduct}) and a scatter-add (here) instead of two dense
 * products, this drops about 7 % of a 2x256 model's arithmetic (the vocabulary-wide dimension of
 * both products is almost all zeros).
 */
public final class OneHotRows {
    /** Gate columns per core below which the scatter-add is not worth a thread. */
    private static final int MIN_COLUMNS = 64;
    /** Rows of dGates the scatter-add copies to the heap at a time (a small buffer, not the window). */
    private static final int CHUNK_ROWS = 128;

    private OneHotRows() {
    }

    /**
     * The index of the 1 in each of {@code count} rows of {@code width} values (-1 for an all-zero
     * row, a masked step), or null as soon as a row holds anything else.
     */
    public static int[] find(float[] rows, int count, int width) {
        int[] hot = new int[count];
        for (int r = 0; r < count; r++) {
            int index = -1;
            int start = r * width;
            for (int j = 0; j < width; j++) {
                float value = rows[start + j];
                if (value == 0f) {
                    continue;
                }
                if (value != 1f || index >= 0) {
                    return null;
                }
                index = j;
            }
            hot[r] = index;
        }
        return hot;
    }

    /** dW = xᵀ·dGates for one-hot x: each row of dGates added into row hot[r] of dW. */
    public static void scatter(int[] hot, INDArray dGates, INDArray gradW) {
        Blas.Matrix dGatesM = Blas.of(dGates);
        Blas.Matrix gradWT = Blas.transposeOf(gradW); // dWᵀ [width, nIn], DL4J's column-major dW in place
        int nIn = gradWT.cols();
        int width = gradWT.rows();
        BatchSplit.run(width, MIN_COLUMNS, (from, to) -> {
            int count = to - from;
            Blas.Matrix columns = dGatesM.cols(from, count);
            float[] chunk = new float[CHUNK_ROWS * count];
            float[] sums = new float[nIn * count]; // [nIn, count]: this part's columns of dW
            for (int first = 0; first < hot.length; first += CHUNK_ROWS) {
                int rows = Math.min(CHUNK_ROWS, hot.length - first);
                columns.rows(first, rows).read(chunk, 0);
                for (int r = 0; r < rows; r++) {
                    int v = hot[first + r];
                    if (v < 0) {
                        continue;
                    }
                    int source = r * count;
                    int target = v * count;
                    for (int j = 0; j < count; j++) {
                        sums[target + j] += chunk[source + j];
                    }
                }
            }
            float[] block = new float[count * nIn]; // the same as rows of dWᵀ
            for (int v = 0; v < nIn; v++) {
                for (int j = 0; j < count; j++) {
                    block[j * nIn + v] = sums[v * count + j];
                }
            }
            gradWT.rows(from, count).write(block, 0);
        });
    }
}
