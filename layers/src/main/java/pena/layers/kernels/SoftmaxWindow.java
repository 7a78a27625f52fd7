package pena.layers.kernels;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The output layer's float kernel (pena.layers.TimeMajorOutputLayer): softmax and cross-entropy over a whole window,
 * cut over the cores, reading and writing DL4J's [batch, size, T] 'f' arrays where they lie.
 *
 * <p>In such an array the block of step t is [size, batch] row-major, the transpose of that
 * step's rows. So a step's logits are one product with a transposed operand, Z(t) = X(t)·W
 * read from the block as it is, and dL/dX(t) goes straight back into its block as
 * (D(t)·Wᵀ)ᵀ = W·D(t)ᵀ: no layout conversion at all. Per row, with y the target distribution
 * and m the row's mask (1 without a mask), as DL4J's softmax with {@code LossMCXENT}:
 * p = softmax(z + b), loss = -m Σ y·ln(clip(p)) (clip to [ε, 1 - ε], LossMCXENT's softmaxClipEps),
 * D = m (p - y); dW = Σ_t X(t)ᵀ·D(t), db = Σ D.
 */
public final class SoftmaxWindow {
    /** Steps per core below which a part is not worth a thread. */
    private static final int STEPS_PER_PART = 4;
    /** Columns of dW per core below which the weight gradient is not split. */
    private static final int COLUMNS_PER_PART = 32;

    private INDArray rowsBuffer; // off-heap [T·B, V]: the logits, then D
    private float[] rows = new float[0];
    private float[] labels = new float[0];
    private float[] keep = new float[0];
    private double[] stepLoss = new double[0];
    private final double clip;

    /** @param clip probabilities are clipped to [clip, 1 - clip] before the logarithm (LossMCXENT's ε) */
    public SoftmaxWindow(double clip) {
        this.clip = clip;
    }

    /**
     * Softmax and loss for every row; with {@code gradients}, also fills {@code gradW} and
     * {@code gradBias} (DL4J's views) and {@code epsilon} ([B, nIn, T] 'f', dL/dinput).
     * Returns the summed loss (not divided by the batch).
     */
    public double run(INDArray input, INDArray labels3d, INDArray mask, INDArray w, INDArray bias, boolean gradients,
               INDArray gradW, INDArray gradBias, INDArray epsilon) {
        int batch = (int) input.size(0);
        int nIn = (int) input.size(1);
        int steps = (int) input.size(2);
        int vocabulary = (int) w.size(1);
        int total = batch * steps;
        prepare(total, vocabulary, labels3d, mask, steps);
        Blas.Matrix in = Blas.of3d(input);          // block t: X(t)ᵀ [nIn, B]
        Blas.Matrix wT = Blas.transposeOf(w);       // Wᵀ [V, nIn], DL4J's column-major W in place
        Blas.Matrix z = Blas.of(rowsBuffer);        // [T·B, V]
        Blas.Matrix eps = gradients ? Blas.of3d(epsilon) : null;
        float[] b = new float[vocabulary];
        Blas.ofRow(bias).read(b, 0);
        float[] p = rows;
        float[] y = labels;
        boolean masked = mask != null;
        BatchSplit.run(steps, STEPS_PER_PART, (first, end) -> {
            for (int t = first; t < end; t++) {
                Blas.Matrix step = z.rows((long) t * batch, batch);
                Blas.gemm(in.rows((long) t * nIn, nIn), true, wT, true, 0f, step); // X(t)·W
                step.read(p, t * batch * vocabulary);
                double loss = 0;
                for (int r = 0; r < batch; r++) {
                    int row = (t * batch + r) * vocabulary;
                    float m = masked ? keep[t * batch + r] : 1f;
                    loss += softmaxRow(p, row, b, y, t * batch * vocabulary + r, batch, vocabulary, m, gradients, clip);
                }
                stepLoss[t] = loss;
                if (gradients) {
                    step.write(p, t * batch * vocabulary); // D(t)
                    Blas.gemm(wT, true, step, true, 0f, eps.rows((long) t * nIn, nIn)); // (D(t)·Wᵀ)ᵀ
                }
            }
        });
        double loss = 0;
        for (int t = 0; t < steps; t++) {
            loss += stepLoss[t];
        }
        if (gradients) {
            weightGradient(in, z, Blas.transposeOf(gradW), batch, steps, nIn);
            float[] db = new float[vocabulary];
            for (int r = 0; r < total; r++) {
                for (int v = 0; v < vocabulary; v++) {
                    db[v] += p[r * vocabulary + v];
                }
            }
            Blas.ofRow(gradBias).write(db, 0);
        }
        return loss;
    }

    /**
     * Row {@code row} of {@code p}: logits in, probabilities out (or D when {@code delta}).
     * The row's targets are {@code y[at + v·stride]}, the 'f' layout of the labels. Returns
     * the row's loss.
     */
    private static double softmaxRow(float[] p, int row, float[] b, float[] y, int at, int stride, int vocabulary,
                                     float m, boolean delta, double clip) {
        float max = Float.NEGATIVE_INFINITY;
        for (int v = 0; v < vocabulary; v++) {
            float logit = p[row + v] + b[v];
            p[row + v] = logit;
            max = Math.max(max, logit);
        }
        double sum = 0;
        for (int v = 0; v < vocabulary; v++) {
            float e = (float) Math.exp(p[row + v] - max);
            p[row + v] = e;
            sum += e;
        }
        float scale = (float) (1 / sum);
        double loss = 0;
        for (int v = 0; v < vocabulary; v++) {
            float probability = p[row + v] * scale;
            float target = y[at + v * stride];
            if (target != 0) {
                loss -= target * Math.log(Math.min(1 - clip, Math.max(clip, probability)));
            }
            p[row + v] = delta ? (probability - target) * m : probability;
        }
        return loss * m;
    }

    /**
     * dWᵀ [V, nIn] = Σ_t D(t)ᵀ·X(t), cut over the columns of dWᵀ (the rows of each block X(t)ᵀ),
     * so each core sums all steps for its own columns.
     */
    private static void weightGradient(Blas.Matrix in, Blas.Matrix d, Blas.Matrix gradWT, int batch, int steps,
                                       int nIn) {
        BatchSplit.run(nIn, COLUMNS_PER_PART, (from, to) -> {
            int count = to - from;
            for (int t = 0; t < steps; t++) {
                Blas.gemm(d.rows((long) t * batch, batch), true, in.rows((long) t * nIn + from, count), true,
                        t == 0 ? 0f : 1f, gradWT.cols(from, count));
            }
        });
    }

    private void prepare(int total, int vocabulary, INDArray labels3d, INDArray mask, int steps) {
        if (rowsBuffer == null || rowsBuffer.size(0) != total || rowsBuffer.size(1) != vocabulary) {
            rowsBuffer = Nd4j.createUninitializedDetached(DataType.FLOAT, total, vocabulary);
        }
        if (rows.length < total * vocabulary) {
            rows = new float[total * vocabulary];
            labels = new float[total * vocabulary];
        }
        if (stepLoss.length < steps) {
            stepLoss = new double[steps];
        }
        Blas.readAll(labels3d, labels);
        if (mask != null) {
            if (keep.length < total) {
                keep = new float[total];
            }
            Blas.readAll(mask, keep);
        }
    }
}
