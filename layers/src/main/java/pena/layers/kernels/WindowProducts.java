package pena.layers.kernels;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The float kernels' products over a whole window, cut over the cores: the input projection
 * before the steps and the weight and input gradients after them. W, RW and their gradients
 * are DL4J's column-major views, used in place as the row-major transposes they are in memory.
 */
public final class WindowProducts {
    /** Below this many rows (or columns) per part a product is not worth splitting. */
    private static final int MIN_PART = 64;
    /** Rows of x the Java input product takes at a time (their part of x stays in cache). */
    private static final int ROW_BLOCK = 64;

    private WindowProducts() {
    }

    /**
     * gates = x·W + b, [T·B, width], straight into the Java array the steps work on: a gather of
     * W's rows when x is one-hot, else {@link StepProduct} in blocks of rows (as fast as OpenBLAS
     * at these shapes, and the gates need not go through an ND4J array and a copy).
     */
    public static void inputProduct(INDArray x, int[] hot, INDArray w, INDArray bias, float[] gates,
                                    ProductScratch scratch) {
        int nIn = (int) w.size(0);
        int width = (int) w.size(1);
        int rows = (int) x.size(0);
        float[] b = scratch.bias.get(width);
        Blas.ofRow(bias).read(b, 0);
        float[] wRows = StepProduct.rowsOf(w, scratch.transposed, scratch.weights); // W [nIn, width]
        if (hot != null) {
            BatchSplit.run(rows, MIN_PART, (from, to) -> {
                for (int r = from; r < to; r++) {
                    int at = r * width;
                    if (hot[r] < 0) { // an all-zero row (a masked step): b alone
                        System.arraycopy(b, 0, gates, at, width);
                        continue;
                    }
                    int row = hot[r] * width;
                    for (int j = 0; j < width; j++) {
                        gates[at + j] = wRows[row + j] + b[j];
                    }
                }
            });
            return;
        }
        float[] xRows = scratch.input.get(rows * nIn);
        Blas.of(x).read(xRows, 0);
        BatchSplit.run(rows, MIN_PART, (from, to) -> {
            for (int r = from; r < to; r++) {
                System.arraycopy(b, 0, gates, r * width, width);
            }
            for (int r = from; r < to; r += ROW_BLOCK) {
                StepProduct.multiply(xRows, r * nIn, nIn, wRows, width, gates, r * width, width,
                        Math.min(ROW_BLOCK, to - r), width, nIn, true);
            }
        });
    }

    /**
     * dW = xᵀ·dGates, db = Σ dGates (rows summed as a product with a row of ones), dRW =
     * h(t-1)ᵀ·dRecurrent and dx = dGates·Wᵀ. {@code dRecurrent} is the gradient of the recurrent
     * side of the gates (for the LSTM the same array as dGates). With one-hot x ({@code hot}
     * not null) dW is a scatter-add of dGates' rows. A null {@code dx} is not wanted: not computed.
     */
    public static void gradients(INDArray x, int[] hot, INDArray dGates, INDArray previousH, INDArray dRecurrent, INDArray w,
                          INDArray ones, INDArray gradW, INDArray gradBias, INDArray gradRW, INDArray dx) {
        Blas.Matrix onesM = Blas.of(ones);
        Blas.Matrix gradBiasM = Blas.ofRow(gradBias);
        Blas.Matrix xM = Blas.of(x);
        Blas.Matrix dGatesM = Blas.of(dGates);
        Blas.Matrix previousM = Blas.of(previousH);
        Blas.Matrix dRecurrentM = Blas.of(dRecurrent);
        Blas.Matrix wT = Blas.transposeOf(w);
        Blas.Matrix gradWT = Blas.transposeOf(gradW);   // dWᵀ [k·n, nIn]
        Blas.Matrix gradRWT = Blas.transposeOf(gradRW); // dRWᵀ [k·n, n]
        if (hot != null) {
            OneHotRows.scatter(hot, dGates, gradW);
        }
        BatchSplit.run(dGatesM.cols(), MIN_PART, (from, to) -> {
            int count = to - from;
            if (hot == null) {
                Blas.gemm(dGatesM.cols(from, count), true, xM, false, 0f, gradWT.rows(from, count));
            }
            Blas.gemm(dRecurrentM.cols(from, count), true, previousM, false, 0f, gradRWT.rows(from, count));
            Blas.gemm(onesM, false, dGatesM.cols(from, count), false, 0f, gradBiasM.cols(from, count));
        });
        if (dx != null) {
            Blas.Matrix dxM = Blas.of(dx);
            BatchSplit.run(dGatesM.rows(), MIN_PART, (from, to) ->
                    Blas.gemm(dGatesM.rows(from, to - from), false, wT, false, 0f, dxM.rows(from, to - from)));
        }
    }
}
