package pena.layers.kernels;

/**
 * tanh and σ over ranges of float arrays, written so that the JIT turns each loop into SIMD
 * instructions: only multiplications, additions, one division and clamping per element, no
 * call to {@code Math.exp} (which runs one element at a time).
 *
 * <p>tanh(x) ≈ x·P(x²)/Q(x²) with P and Q of degree 4, on |x| ≤ 9 (beyond, tanh rounds to ±1 in
 * float). The coefficients were fitted for Pena by iterated weighted least squares against
 * double-precision tanh; the largest error in float arithmetic is 3.8e-7 over [-9, 9], the
 * size of float rounding. σ(x) = (1 + tanh(x/2)) / 2.
 */
public final class FloatMath {
    private static final float P0 = 0.99999994f;
    private static final float P1 = 0.13381399f;
    private static final float P2 = 0.0034960618f;
    private static final float P3 = 2.0617426e-05f;
    private static final float P4 = 1.3366429e-08f;
    private static final float Q1 = 0.4671471f;
    private static final float Q2 = 0.025878718f;
    private static final float Q3 = 0.00032864398f;
    private static final float Q4 = 7.781368e-07f;
    private static final float LIMIT = 9f;

    private FloatMath() {
    }

    public static float tanh(float x) {
        float v = Math.max(-LIMIT, Math.min(LIMIT, x));
        float s = v * v;
        float p = (((P4 * s + P3) * s + P2) * s + P1) * s + P0;
        float q = (((Q4 * s + Q3) * s + Q2) * s + Q1) * s + 1f;
        return Math.max(-1f, Math.min(1f, v * p / q));
    }

    public static float sigmoid(float x) {
        return 0.5f + 0.5f * tanh(0.5f * x);
    }

    /** a[from, to) = tanh(a[from, to)) */
    public static void tanh(float[] a, int from, int to) {
        for (int k = from; k < to; k++) {
            a[k] = tanh(a[k]);
        }
    }

    /** a[from, to) = σ(a[from, to)) */
    public static void sigmoid(float[] a, int from, int to) {
        for (int k = from; k < to; k++) {
            a[k] = sigmoid(a[k]);
        }
    }
}
