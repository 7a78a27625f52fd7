package pena.layers.kernels;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.ByteBuffer;

/**
 * Adam over flat float vectors in one pass, cut over the cores: for each parameter, with g its
 * gradient already scaled (divided by the batch, clipped),
 *
 * <pre>
 *   m = β1·m + (1 - β1)·g        v = β2·v + (1 - β2)·g²        p = p - α·m / (√v + ε)
 * </pre>
 *
 * α the step size of this iteration (the learning rate with Adam's bias corrections). Vectors are
 * read and written in chunks, each chunk once. With the JDK's vector module the chunks are read
 * and written in place, in ND4J's memory ({@link VectorAdam}); without it (or past 2 GB, which a
 * byte buffer cannot address) they are copied to the heap and back, the same numbers, slower.
 */
public final class AdamKernel {
    static final int CHUNK = 8192;

    private AdamKernel() {
    }

    /** Σ x² over [from, from + count) of a gapless float vector; chunks summed in a fixed order. */
    public static double sumOfSquares(INDArray vector, long from, long count) {
        if (inPlace(vector)) {
            return VectorAdam.sumOfSquares(Blas.bytesOf(vector), from, count, CHUNK);
        }
        return scalarSumOfSquares(Blas.ofRow(vector), from, count);
    }

    /**
     * One Adam step over {@code count} parameters of the gapless float vectors {@code params} and
     * {@code gradients} from {@code paramFrom}, the state m from {@code mFrom} and v from
     * {@code vFrom} of {@code state}; each gradient is multiplied by {@code gradientScale} first.
     * The gradients are read, not written.
     */
    public static void step(INDArray params, INDArray gradients, INDArray state, long paramFrom, long mFrom,
                            long vFrom, long count, float gradientScale, float beta1, float beta2, float stepSize,
                            float epsilon) {
        if (inPlace(params) && inPlace(gradients) && inPlace(state)) {
            VectorAdam.step(Blas.bytesOf(params), Blas.bytesOf(gradients), Blas.bytesOf(state), paramFrom, mFrom,
                    vFrom, count, gradientScale, beta1, beta2, stepSize, epsilon, CHUNK);
            return;
        }
        Blas.Matrix stateM = Blas.ofRow(state);
        scalarStep(Blas.ofRow(params), Blas.ofRow(gradients), stateM, stateM, paramFrom, mFrom, vFrom, count,
                gradientScale, beta1, beta2, stepSize, epsilon);
    }

    /** Whether the vector path can work on the array where it lies. */
    private static boolean inPlace(INDArray array) {
        return SoftmaxArithmetic.VECTOR && Blas.gapless(array) && array.length() * Float.BYTES <= Integer.MAX_VALUE;
    }

    /** {@link #sumOfSquares} through heap copies, one element at a time. */
    static double scalarSumOfSquares(Blas.Matrix vector, long from, long count) {
        int chunks = (int) ((count + CHUNK - 1) / CHUNK);
        double[] sums = new double[chunks];
        BatchSplit.run(chunks, 1, (first, end) -> {
            float[] values = new float[CHUNK];
            for (int c = first; c < end; c++) {
                long at = from + (long) c * CHUNK;
                int length = (int) Math.min(CHUNK, from + count - at);
                vector.cols((int) at, length).read(values, 0);
                double sum = 0;
                for (int k = 0; k < length; k++) {
                    sum += values[k] * values[k];
                }
                sums[c] = sum;
            }
        });
        double total = 0;
        for (double sum : sums) {
            total += sum;
        }
        return total;
    }

    /** {@link #step} through heap copies, one element at a time. */
    static void scalarStep(Blas.Matrix params, Blas.Matrix gradients, Blas.Matrix m, Blas.Matrix v, long paramFrom,
                            long mFrom, long vFrom, long count, float gradientScale, float beta1, float beta2,
                            float stepSize, float epsilon) {
        int chunks = (int) ((count + CHUNK - 1) / CHUNK);
        BatchSplit.run(chunks, 1, (first, end) -> {
            float[] p = new float[CHUNK];
            float[] g = new float[CHUNK];
            float[] mc = new float[CHUNK];
            float[] vc = new float[CHUNK];
            for (int c = first; c < end; c++) {
                long offset = (long) c * CHUNK;
                int length = (int) Math.min(CHUNK, count - offset);
                int at = (int) (paramFrom + offset);
                int mAt = (int) (mFrom + offset);
                int vAt = (int) (vFrom + offset);
                params.cols(at, length).read(p, 0);
                gradients.cols(at, length).read(g, 0);
                m.cols(mAt, length).read(mc, 0);
                v.cols(vAt, length).read(vc, 0);
                for (int k = 0; k < length; k++) {
                    float gk = g[k] * gradientScale;
                    float mk = beta1 * mc[k] + (1 - beta1) * gk;
                    float vk = beta2 * vc[k] + (1 - beta2) * gk * gk;
                    mc[k] = mk;
                    vc[k] = vk;
                    p[k] -= stepSize * mk / ((float) Math.sqrt(vk) + epsilon);
                }
                params.cols(at, length).write(p, 0);
                m.cols(mAt, length).write(mc, 0);
                v.cols(vAt, length).write(vc, 0);
            }
        });
    }
}
