package pena.layers.kernels;

/**
 * A softmax row's inner loops over a range of a float array: the bias added with the row's
 * maximum found, and e^(x - shift) in place with the sum of the results. With the JDK's vector module present ({@code java --add-modules
 * jdk.incubator.vector}, as Pena's Makefile runs it) the exponentials run as SIMD instructions
 * ({@link VectorSoftmaxArithmetic}, about 20 times faster than one {@code Math.exp} per element on
 * these machines); without it, one {@code Math.exp} per element. Both are accurate to float
 * rounding (the vector one to a few units in the last place): the choice changes speed, not
 * the model.
 */
public final class SoftmaxArithmetic {
    /** Whether the vector module was resolved at start-up (it is not by default: it incubates in Java 17). */
    public static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private SoftmaxArithmetic() {
    }

    /** a[from + v] += bias[v] for v in [0, n); returns the largest new value. */
    public static float addAndMax(float[] a, int from, float[] bias, int n) {
        return VECTOR ? VectorSoftmaxArithmetic.addAndMax(a, from, bias, n) : scalarAddAndMax(a, from, bias, n);
    }

    /** a[from, from + n) = e^(a - shift); returns Σ of the new values (in double). */
    public static double expAndSum(float[] a, int from, int n, float shift) {
        return VECTOR ? VectorSoftmaxArithmetic.expAndSum(a, from, n, shift) : scalarExpAndSum(a, from, n, shift);
    }

    /** Σ e^(a - shift) over a[from, from + n), leaving a as it is. */
    public static double sumOfExp(float[] a, int from, int n, float shift) {
        return VECTOR ? VectorSoftmaxArithmetic.sumOfExp(a, from, n, shift) : scalarSumOfExp(a, from, n, shift);
    }

    static float scalarAddAndMax(float[] a, int from, float[] bias, int n) {
        float max = Float.NEGATIVE_INFINITY;
        for (int v = 0; v < n; v++) {
            float x = a[from + v] + bias[v];
            a[from + v] = x;
            max = Math.max(max, x);
        }
        return max;
    }

    /** One {@code Math.exp} per element, rounded to float as the vector path rounds. */
    static double scalarExpAndSum(float[] a, int from, int n, float shift) {
        double sum = 0;
        for (int k = from; k < from + n; k++) {
            float e = (float) Math.exp(a[k] - shift);
            a[k] = e;
            sum += e;
        }
        return sum;
    }

    static double scalarSumOfExp(float[] a, int from, int n, float shift) {
        double sum = 0;
        for (int k = from; k < from + n; k++) {
            sum += (float) Math.exp(a[k] - shift);
        }
        return sum;
    }
}
