package pena.layers.kernels;

/**
 * A softmax's inner loops when the classes run down the rows and each column is one softmax
 * (the output layer's logits held class-major, {@link ClassMajorSoftmax}): one row of a block of
 * classes against the running values of n columns at once. The vector path is
 * {@link VectorColumnSoftmaxArithmetic}; without the vector module, plain loops, accurate to the
 * same float rounding.
 */
final class ColumnSoftmaxArithmetic {
    private ColumnSoftmaxArithmetic() {
    }

    /** z[from + c] += bias; max[at + c] = max(max[at + c], z[from + c]) for c in [0, n). */
    static void addAndMax(float[] z, int from, float bias, float[] max, int at, int n) {
        if (SoftmaxArithmetic.VECTOR) {
            VectorColumnSoftmaxArithmetic.addAndMax(z, from, bias, max, at, n);
        } else {
            scalarAddAndMax(z, from, bias, max, at, n);
        }
    }

    /** z[from + c] = e^(z[from + c] - shift[at + c]); sums[at + c] += the new value, for c in [0, n). */
    static void expAndSum(float[] z, int from, float[] shift, float[] sums, int at, int n) {
        if (SoftmaxArithmetic.VECTOR) {
            VectorColumnSoftmaxArithmetic.expAndSum(z, from, shift, sums, at, n);
        } else {
            scalarExpAndSum(z, from, shift, sums, at, n);
        }
    }

    /** z[from + c] *= factor[at + c] for c in [0, n); returns the sum of the new values. */
    static double scaleAndSum(float[] z, int from, float[] factor, int at, int n) {
        return SoftmaxArithmetic.VECTOR ? VectorColumnSoftmaxArithmetic.scaleAndSum(z, from, factor, at, n)
                : scalarScaleAndSum(z, from, factor, at, n);
    }

    static void scalarAddAndMax(float[] z, int from, float bias, float[] max, int at, int n) {
        for (int c = 0; c < n; c++) {
            float x = z[from + c] + bias;
            z[from + c] = x;
            max[at + c] = Math.max(max[at + c], x);
        }
    }

    static void scalarExpAndSum(float[] z, int from, float[] shift, float[] sums, int at, int n) {
        for (int c = 0; c < n; c++) {
            float e = (float) Math.exp(z[from + c] - shift[at + c]);
            z[from + c] = e;
            sums[at + c] += e;
        }
    }

    static double scalarScaleAndSum(float[] z, int from, float[] factor, int at, int n) {
        double sum = 0;
        for (int c = 0; c < n; c++) {
            float x = z[from + c] * factor[at + c];
            z[from + c] = x;
            sum += x;
        }
        return sum;
    }
}
