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

    private WindowProducts() {
    }

    /** gates = x·W + b, [T·B, k·n]; a gather of W's rows when x is one-hot ({@code hot} not null). */
    public static void inputProduct(INDArray x, int[] hot, INDArray w, INDArray bias, INDArray gates) {
        if (hot != null) {
            OneHotRows.gather(hot, w, bias, gates);
            return;
        }
        Blas.Matrix xM = Blas.of(x);
        Blas.Matrix wT = Blas.transposeOf(w);
        Blas.Matrix gatesM = Blas.of(gates);
        BatchSplit.run(xM.rows(), MIN_PART, (from, to) ->
                Blas.gemm(xM.rows(from, to - from), false, wT, true, 0f, gatesM.rows(from, to - from)));
        gates.addiRowVector(bias);
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
