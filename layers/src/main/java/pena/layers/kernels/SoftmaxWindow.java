package pena.layers.kernels;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The output layer's float kernel (pena.layers.TimeMajorOutputLayer): a dense layer, softmax and
 * cross-entropy over a whole window, as DL4J's softmax with {@code LossMCXENT} computes them.
 * Per row r (row t·B + b: step t of stream b), with target class y(r) and the row's mask m
 * (1 without a mask):
 *
 * <pre>
 *   p = softmax(x·W + b)          loss = -m · ln(clip(p[y]))   (clip to [ε, 1 - ε], LossMCXENT's softmaxClipEps)
 *   D = m · (p - onehot(y))       dW = Xᵀ·D,  db = Σ_r D,  dL/dX = D·Wᵀ
 * </pre>
 *
 * A row without a target (y = -1: an all-zero label) adds no loss and D = m·p, as LossMCXENT
 * gives for it. Targets are class indices, never one-hot arrays: at a 10 000-word vocabulary a
 * one-hot window is 20 MB to build and read.
 *
 * <p>The products are whole-window matrix products, [T·B, nIn]·[nIn, V] and its two gradients,
 * cut over the cores by rows (logits, softmax, dL/dX) and by classes (dW, db): a product per
 * time step would have batch rows only, and would read all of W once per step (10 MB for a
 * 256 × 10 000 layer), which made the word model's output layer memory-bound. The input moves to
 * rows once per window (a transpose per step, {@link TimeMajor}), dL/dX back the same way.
 */
public final class SoftmaxWindow {
    /** Rows per core below which a part is not worth a thread. */
    private static final int MIN_ROWS = 16;
    /** Classes per core below which the weight gradient is not split. */
    private static final int MIN_CLASSES = 32;

    /**
     * Classes from which, with the vector module, the window runs class-major on Java arrays
     * ({@link ClassMajorSoftmax}); below it (a character vocabulary) on OpenBLAS by rows.
     */
    static final int CLASS_MAJOR_FROM = 1024;

    private final double clip;
    private final int classMajorFrom;
    private ClassMajorSoftmax classMajor;
    private final ReusedArray inputRows = new ReusedArray();          // X [T·B, nIn]
    private final ReusedArray logitRows = new ReusedArray();          // [T·B, V]: logits, then D
    private final ReusedArray inputGradientRows = new ReusedArray();  // dL/dX [T·B, nIn]
    private final ReusedFloats inputs = new ReusedFloats();
    private final ReusedFloats probabilities = new ReusedFloats();
    private final ReusedFloats inputGradients = new ReusedFloats();
    private final ReusedFloats transposeScratch = new ReusedFloats();
    private final ReusedFloats keep = new ReusedFloats();

    /** @param clip probabilities are clipped to [clip, 1 - clip] before the logarithm (LossMCXENT's ε) */
    public SoftmaxWindow(double clip) {
        this(clip, SoftmaxArithmetic.VECTOR ? CLASS_MAJOR_FROM : Integer.MAX_VALUE);
    }

    /** With the vocabulary size from which the class-major path runs (tests choose each path). */
    SoftmaxWindow(double clip, int classMajorFrom) {
        this.clip = clip;
        this.classMajorFrom = classMajorFrom;
    }

    /**
     * Softmax and loss for every row; with {@code gradients}, also fills {@code gradW} and
     * {@code gradBias} (DL4J's views) and {@code epsilon} ([B, nIn, T] 'f', dL/dinput).
     * Returns the summed loss (not divided by the batch).
     *
     * @param input   [B, nIn, T] float 'f', gapless
     * @param targets per row t·B + b the target class, or -1 for none
     * @param mask    per row t·B + b a float (gapless), or null
     */
    public double run(INDArray input, int[] targets, INDArray mask, INDArray w, INDArray bias, boolean gradients,
                      INDArray gradW, INDArray gradBias, INDArray epsilon) {
        int batch = (int) input.size(0);
        int nIn = (int) input.size(1);
        int steps = (int) input.size(2);
        int vocabulary = (int) w.size(1);
        int total = batch * steps;
        if (targets.length < total) {
            throw new IllegalArgumentException("targets for " + targets.length + " rows, the window has " + total);
        }
        float[] b = row(bias);
        float[] m = null;
        if (mask != null) {
            m = keep.get(total);
            Blas.readAll(mask, m);
        }
        float[] rowMask = m;
        if (vocabulary >= classMajorFrom) {
            float[] x = inputs.get(total * nIn);
            TimeMajor.read(input, transposeScratch.get(total * nIn), x);
            float[] dxRows = gradients ? inputGradients.get(total * nIn) : null;
            float[] db = gradients ? new float[vocabulary] : null;
            if (classMajor == null) {
                classMajor = new ClassMajorSoftmax();
            }
            double loss = classMajor.run(x, input, transposeScratch.get(total * nIn), w, b, targets, m, clip, gradients,
                    gradW, db, dxRows);
            if (gradients) {
                Blas.ofRow(gradBias).write(db, 0);
                TimeMajor.write(dxRows, 0, transposeScratch.get(total * nIn), epsilon);
            }
            return loss;
        }
        Blas.Matrix xM = inputAsRows(input);
        Blas.Matrix wT = Blas.transposeOf(w);       // Wᵀ [V, nIn], DL4J's column-major W in place
        Blas.Matrix z = Blas.of(logitRows.get(DataType.FLOAT, total, vocabulary));
        Blas.Matrix dx = gradients ? Blas.of(inputGradientRows.get(DataType.FLOAT, total, nIn)) : null;
        float[] p = probabilities.get(total * vocabulary);
        int parts = BatchSplit.parts(total, MIN_ROWS);
        double[] partLoss = new double[parts];
        float[][] partBias = gradients ? new float[parts][vocabulary] : null; // each part's Σ D, summed in part order
        BatchSplit.run(total, MIN_ROWS, (index, from, to) -> {
            int count = to - from;
            Blas.Matrix part = z.rows(from, count);
            Blas.gemm(xM.rows(from, count), false, wT, true, 0f, part); // X·W
            part.read(p, from * vocabulary);
            double loss = 0;
            for (int r = from; r < to; r++) {
                loss += softmaxRow(p, r * vocabulary, b, targets[r], vocabulary, rowMask == null ? 1f : rowMask[r],
                        gradients, clip);
            }
            partLoss[index] = loss;
            if (gradients) {
                float[] db = partBias[index];
                for (int r = from; r < to; r++) { // db while the rows are still in cache
                    int row = r * vocabulary;
                    for (int v = 0; v < vocabulary; v++) {
                        db[v] += p[row + v];
                    }
                }
                part.write(p, from * vocabulary);                          // D
                Blas.gemm(part, false, wT, false, 0f, dx.rows(from, count)); // dL/dX = D·Wᵀ
            }
        });
        double loss = 0;
        for (double l : partLoss) {
            loss += l;
        }
        if (gradients) {
            Blas.Matrix gradWT = Blas.transposeOf(gradW); // dWᵀ [V, nIn]
            BatchSplit.run(vocabulary, MIN_CLASSES, (from, to) -> {
                int count = to - from;
                Blas.gemm(z.cols(from, count), true, xM, false, 0f, gradWT.rows(from, count)); // dWᵀ = Dᵀ·X
            });
            float[] db = partBias[0];
            for (int k = 1; k < parts; k++) {
                for (int v = 0; v < vocabulary; v++) {
                    db[v] += partBias[k][v];
                }
            }
            Blas.ofRow(gradBias).write(db, 0);
            float[] dxRows = inputGradients.get(total * nIn);
            dx.read(dxRows, 0);
            TimeMajor.write(dxRows, 0, transposeScratch.get(total * nIn), epsilon);
        }
        return loss;
    }

    /**
     * ln p(target) of every row with a target (NaN for a row without one): the forward half of
     * {@link #run}, for evaluation, where only the targets' probabilities are wanted. The log
     * probability is the log-softmax itself (logit - max - ln Σ e^(logit - max)), not the log of
     * a rounded probability.
     */
    public double[] logProbabilities(INDArray input, int[] targets, INDArray w, INDArray bias) {
        int total = (int) (input.size(0) * input.size(2));
        int vocabulary = (int) w.size(1);
        Blas.Matrix xM = inputAsRows(input);
        Blas.Matrix wT = Blas.transposeOf(w);
        Blas.Matrix z = Blas.of(logitRows.get(DataType.FLOAT, total, vocabulary));
        float[] b = row(bias);
        float[] p = probabilities.get(total * vocabulary);
        double[] logProbabilities = new double[total];
        BatchSplit.run(total, MIN_ROWS, (from, to) -> {
            int count = to - from;
            Blas.Matrix part = z.rows(from, count);
            Blas.gemm(xM.rows(from, count), false, wT, true, 0f, part); // X·W
            part.read(p, from * vocabulary);
            for (int r = from; r < to; r++) {
                int row = r * vocabulary;
                int target = targets[r];
                if (target < 0) {
                    logProbabilities[r] = Double.NaN;
                    continue;
                }
                float max = addBias(p, row, b, vocabulary);
                double sum = SoftmaxArithmetic.sumOfExp(p, row, vocabulary, max);
                logProbabilities[r] = p[row + target] - max - Math.log(sum);
            }
        });
        return logProbabilities;
    }

    /** The input [B, nIn, T] as rows [T·B, nIn] (row t·B + b) in this window's off-heap buffer. */
    private Blas.Matrix inputAsRows(INDArray input) {
        int total = (int) (input.size(0) * input.size(2));
        int nIn = (int) input.size(1);
        float[] x = inputs.get(total * nIn);
        TimeMajor.read(input, transposeScratch.get(total * nIn), x);
        Blas.Matrix rows = Blas.of(inputRows.get(DataType.FLOAT, total, nIn));
        rows.write(x, 0);
        return rows;
    }

    /** A row vector's values. */
    private static float[] row(INDArray vector) {
        float[] values = new float[(int) vector.length()];
        Blas.ofRow(vector).read(values, 0);
        return values;
    }

    /** Adds the bias to row {@code row}'s logits in place; returns their largest. */
    private static float addBias(float[] p, int row, float[] b, int vocabulary) {
        return SoftmaxArithmetic.addAndMax(p, row, b, vocabulary);
    }

    /**
     * Row {@code row} of {@code p}: logits (before the bias) in, probabilities out (or D when
     * {@code delta}). Returns the row's loss.
     */
    private static double softmaxRow(float[] p, int row, float[] b, int target, int vocabulary, float m,
                                     boolean delta, double clip) {
        float max = addBias(p, row, b, vocabulary);
        double sum = SoftmaxArithmetic.expAndSum(p, row, vocabulary, max);
        float scale = (float) (1 / sum);
        double loss = 0;
        if (target >= 0) {
            float probability = p[row + target] * scale;
            loss = -Math.log(Math.min(1 - clip, Math.max(clip, probability))) * m;
        }
        float factor = delta ? scale * m : scale;
        for (int v = 0; v < vocabulary; v++) {
            p[row + v] *= factor;
        }
        if (delta && target >= 0) {
            p[row + target] -= m;
        }
        return loss;
    }

    /**
     * Per row t·B + b of a [B, classes, T] label array, the class of its one-hot label (-1 for an
     * all-zero label), or null when some label is not one-hot (soft targets: not this kernel's job).
     * Index labels [B, 1, T] (for more than one class) are read as they are.
     */
    public static int[] targets(INDArray labels, int classes) {
        int batch = (int) labels.size(0);
        int steps = (int) labels.size(2);
        int total = batch * steps;
        int[] targets = new int[total];
        if (labels.size(1) == 1 && classes > 1) {
            float[] ids = labels.dup('f').data().asFloat(); // [B, 1, T] 'f': row t·B + b at t·B + b
            for (int r = 0; r < total; r++) {
                float id = ids[r];
                if (!(id >= 0 && id < classes) || id != (int) id) {
                    throw new IllegalArgumentException("label " + id + " at row " + r + " is not a class index in [0, "
                            + classes + ")");
                }
                targets[r] = (int) id;
            }
            return targets;
        }
        float[] oneHot = new float[(int) labels.length()];
        Blas.readAll(labels, oneHot); // 'f': element (b, c, t) at b + B·(c + classes·t)
        java.util.Arrays.fill(targets, -1);
        for (int t = 0; t < steps; t++) {
            for (int c = 0; c < classes; c++) {
                int at = batch * (c + classes * t);
                for (int b = 0; b < batch; b++) {
                    float value = oneHot[at + b];
                    if (value != 0) {
                        int r = t * batch + b;
                        if (value != 1 || targets[r] >= 0) {
                            return null;
                        }
                        targets[r] = c;
                    }
                }
            }
        }
        return targets;
    }
}
