package pena.layers.kernels;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

/**
 * {@link SoftmaxWindow}'s arithmetic for a large vocabulary, on Java arrays and
 * {@link StepProduct}, with the logits held class-major: Zᵀ [V, T·B], one column per row of the
 * window. DL4J keeps W [nIn, V] column-major, which is Wᵀ [V, nIn] row-major, so every product
 * reads the weights as they lie and nothing of size V·nIn is transposed:
 *
 * <pre>
 *   Zᵀ  = Wᵀ · Xᵀ            forward, in blocks of {@value #CLASSES} classes
 *   dX  = (Dᵀ)ᵀ · Wᵀ          Dᵀ read through swapped strides, accumulated block by block
 *   dWᵀ = Dᵀ · X             DL4J's gradient view [nIn, V] column-major is dWᵀ row-major
 * </pre>
 *
 * Each core takes a range of columns (rows of the window) for the forward product, the softmax
 * and dX, so that every column's softmax is one core's; then a range of classes for dWᵀ.
 *
 * <p>The softmax is fused with the forward product: a block's logits are still in cache when
 * its bias is added and its exponentials taken, each block shifted by its own maximum per
 * column. Once all blocks are done, each column's maximum M and sum S = Σ_blocks s·e^(max - M)
 * give one factor per block and column, e^(max - M) / S (times the row's mask), that turns the
 * stored exponentials into probabilities, or into D = m·(p - onehot(y)) block by block just
 * before that block's share of dX reads it. Against OpenBLAS on row-major logits this saves
 * the copies of the [T·B, V] logits in and out of ND4J's memory and one pass over them, and the
 * products run at 78-86 GFLOP/s a core instead of about 70 at these shapes (docs/performance.md).
 */
final class ClassMajorSoftmax {
    /** Classes per block of the forward product: a block's logits for a core's columns stay in L2. */
    static final int CLASSES = 128;
    /** Classes per block of dWᵀ, and rows of the window per slice of its inner sum. */
    private static final int GRADIENT_CLASSES = 64;
    private static final int GRADIENT_ROWS = 512;
    /** Columns per core below which the window is not split. */
    private static final int MIN_COLUMNS = 32;
    /** Classes per core below which dWᵀ is not split. */
    private static final int MIN_CLASSES = 64;

    private final ReusedFloats logits = new ReusedFloats();         // Zᵀ [V, T·B]: logits, exponentials, then Dᵀ
    private final ReusedFloats inputColumns = new ReusedFloats();   // Xᵀ [nIn, T·B]
    private final ReusedFloats weightRows = new ReusedFloats();     // Wᵀ [V, nIn]
    private final ReusedFloats weightGradient = new ReusedFloats(); // dWᵀ [V, nIn]

    /**
     * The summed loss of the window's rows. With {@code gradients}, also fills {@code gradW}
     * (DL4J's [nIn, V] 'f' view), {@code db} [V] and {@code dx} [T·B, nIn] row-major.
     *
     * @param x       the input as rows [T·B, nIn], row t·B + b
     * @param input   the same input as DL4J has it, [B, nIn, T] 'f' gapless
     * @param scratch at least the input's length
     * @param targets per row its class, or -1 for none
     * @param mask    per row a float, or null
     */
    double run(float[] x, INDArray input, float[] scratch, INDArray w, float[] bias, int[] targets, float[] mask,
               double clip, boolean gradients, INDArray gradW, float[] db, float[] dx) {
        int total = (int) (input.size(0) * input.size(2));
        int nIn = (int) input.size(1);
        int classes = (int) w.size(1);
        float[] wT = weightRows.get(classes * nIn);
        Blas.transposeOf(w).read(wT, 0);
        float[] xT = inputColumns.get(nIn * total);
        TimeMajor.readColumns(input, scratch, xT);
        float[] z = logits.get(classes * total);
        int blocks = (classes + CLASSES - 1) / CLASSES;
        int parts = BatchSplit.parts(total, MIN_COLUMNS);
        double[] partLoss = new double[parts];
        float[][] partBias = gradients ? new float[parts][] : null; // each part's Σ D, summed in part order
        BatchSplit.run(total, MIN_COLUMNS, (index, from, to) -> {
            int n = to - from;
            // per block and column: the block's maximum, then the factor that makes its exponentials p (or m·p)
            float[] factor = new float[blocks * n];
            float[] sums = new float[blocks * n];
            for (int block = 0; block < blocks; block++) {
                int v0 = block * CLASSES;
                int count = Math.min(CLASSES, classes - v0);
                int at = block * n;
                StepProduct.multiply(wT, v0 * nIn, nIn, 1, xT, from, total, z, v0 * total + from, total, count, n, nIn,
                        false);
                Arrays.fill(factor, at, at + n, Float.NEGATIVE_INFINITY);
                for (int v = v0; v < v0 + count; v++) {
                    ColumnSoftmaxArithmetic.addAndMax(z, v * total + from, bias[v], factor, at, n);
                }
                for (int v = v0; v < v0 + count; v++) {
                    ColumnSoftmaxArithmetic.expAndSum(z, v * total + from, factor, sums, at, n);
                }
            }
            partLoss[index] = normalise(z, total, from, n, blocks, factor, sums, targets, mask, clip, gradients);
            if (gradients) {
                partBias[index] = deltaAndInputGradient(z, total, from, n, classes, nIn, factor, targets, mask, wT, dx);
            }
        });
        double loss = 0;
        for (double l : partLoss) {
            loss += l;
        }
        if (gradients) {
            weightGradient(z, x, total, nIn, classes, gradW);
            Arrays.fill(db, 0, classes, 0f);
            for (float[] part : partBias) {
                for (int v = 0; v < classes; v++) {
                    db[v] += part[v];
                }
            }
        }
        return loss;
    }

    /**
     * Per column of [from, from + n): its maximum M and sum S over the blocks, each block's
     * factor e^(max - M) / S (times the row's mask when {@code masked}), and the row's loss.
     */
    private static double normalise(float[] z, int total, int from, int n, int blocks, float[] factor, float[] sums,
                                    int[] targets, float[] mask, double clip, boolean masked) {
        double loss = 0;
        for (int c = 0; c < n; c++) {
            int r = from + c;
            float max = Float.NEGATIVE_INFINITY;
            for (int block = 0; block < blocks; block++) {
                max = Math.max(max, factor[block * n + c]);
            }
            double sum = 0;
            for (int block = 0; block < blocks; block++) {
                sum += sums[block * n + c] * Math.exp(factor[block * n + c] - max);
            }
            for (int block = 0; block < blocks; block++) {
                factor[block * n + c] = (float) (Math.exp(factor[block * n + c] - max) / sum);
            }
            float keep = mask == null ? 1f : mask[r];
            int y = targets[r];
            if (y >= 0) {
                double p = z[y * total + r] * (double) factor[(y / CLASSES) * n + c];
                loss -= Math.log(Math.min(1 - clip, Math.max(clip, p))) * keep;
            }
            if (masked && keep != 1f) {
                for (int block = 0; block < blocks; block++) {
                    factor[block * n + c] *= keep;
                }
            }
        }
        return loss;
    }

    /**
     * Block by block: the exponentials become D = m·(p - onehot(y)), the block's Σ D per class
     * is taken, and its share of dX = D·W is added to rows [from, from + n) of {@code dx}.
     * Returns the part's Σ D per class.
     */
    private static float[] deltaAndInputGradient(float[] z, int total, int from, int n, int classes, int nIn,
                                                 float[] factor, int[] targets, float[] mask, float[] wT, float[] dx) {
        float[] db = new float[classes];
        for (int v0 = 0, block = 0; v0 < classes; v0 += CLASSES, block++) {
            int count = Math.min(CLASSES, classes - v0);
            for (int v = v0; v < v0 + count; v++) {
                db[v] = (float) ColumnSoftmaxArithmetic.scaleAndSum(z, v * total + from, factor, block * n, n);
            }
            for (int c = 0; c < n; c++) {
                int r = from + c;
                int y = targets[r];
                if (y >= v0 && y < v0 + count) {
                    float keep = mask == null ? 1f : mask[r];
                    z[y * total + r] -= keep;
                    db[y] -= keep;
                }
            }
            // dx[r, :] (+)= Σ_v Dᵀ[v, r]·Wᵀ[v, :] over this block's classes
            StepProduct.multiply(z, v0 * total + from, 1, total, wT, v0 * nIn, nIn, dx, from * nIn, nIn, n, nIn, count,
                    block > 0);
        }
        return db;
    }

    /** dWᵀ = Dᵀ·X, split over the cores by classes, into DL4J's gradient view. */
    private void weightGradient(float[] z, float[] x, int total, int nIn, int classes, INDArray gradW) {
        float[] gw = weightGradient.get(classes * nIn);
        BatchSplit.run(classes, MIN_CLASSES, (from, to) -> {
            for (int v0 = from; v0 < to; v0 += GRADIENT_CLASSES) {
                int count = Math.min(GRADIENT_CLASSES, to - v0);
                for (int r0 = 0; r0 < total; r0 += GRADIENT_ROWS) { // the inner sum in slices that stay in cache
                    int rows = Math.min(GRADIENT_ROWS, total - r0);
                    StepProduct.multiply(z, v0 * total + r0, total, 1, x, r0 * nIn, nIn, gw, v0 * nIn, nIn, count, nIn,
                            rows, r0 > 0);
                }
            }
        });
        Blas.transposeOf(gradW).write(gw, 0);
    }
}
