package pena.layers.kernels;

/**
 * e^(x - shift) over a range of a float array, in place, with the sum of the results: the inner
 * loop of a softmax. With the JDK's vector module present ({@code java --add-modules
 * jdk.incubator.vector}, as Pena's Makefile runs it) the exponentials run as SIMD instructions
 * ({@link VectorExponentials}, about 20 times faster than one {@code Math.exp} per element on
 * these machines); without it, one {@code Math.exp} per element. Both are accurate to float
 * rounding (the vector one to a few units in the last place): the choice changes speed, not
 * the model.
 */
public final class Exponentials {
    /** Whether the vector module was resolved at start-up (it is not by default: it incubates in Java 17). */
    public static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private Exponentials() {
    }

    /** a[from, from + n) = e^(a - shift); returns Σ of the new values (in double). */
    public static double expAndSum(float[] a, int from, int n, float shift) {
        return VECTOR ? VectorExponentials.expAndSum(a, from, n, shift) : scalarExpAndSum(a, from, n, shift);
    }

    /** Σ e^(a - shift) over a[from, from + n), leaving a as it is. */
    public static double sumOfExp(float[] a, int from, int n, float shift) {
        return VECTOR ? VectorExponentials.sumOfExp(a, from, n, shift) : scalarSumOfExp(a, from, n, shift);
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
