package pena.layers.kernels;

/**
 * Adam over flat float vectors in one pass, cut over the cores: for each parameter, with g its
 * gradient already scaled (divided by the batch, clipped),
 *
 * <pre>
 *   m = β1·m + (1 - β1)·g        v = β2·v + (1 - β2)·g²        p = p - α·m / (√v + ε)
 * </pre>
 *
 * α the step size of this iteration (the learning rate with Adam's bias corrections). Vectors are
 * read and written in chunks that stay in cache, each chunk once.
 */
public final class AdamKernel {
    private static final int CHUNK = 8192;

    private AdamKernel() {
    }

    /** Σ x² over [from, from + count) of a one-row matrix; chunks summed in a fixed order. */
    public static double sumOfSquares(Blas.Matrix vector, long from, long count) {
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

    /**
     * One Adam step over {@code count} parameters: params and gradients from {@code paramFrom},
     * the state m from {@code mFrom} of {@code m} and v from {@code vFrom} of {@code v}; each
     * gradient is multiplied by {@code gradientScale} first. The gradients are read, not written.
     */
    public static void step(Blas.Matrix params, Blas.Matrix gradients, Blas.Matrix m, Blas.Matrix v, long paramFrom,
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
