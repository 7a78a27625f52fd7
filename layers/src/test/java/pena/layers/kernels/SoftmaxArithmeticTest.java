package pena.layers.kernels;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The softmax's exponentials, vector and scalar, against double-precision e^x. */
class SoftmaxArithmeticTest {
    /** A softmax row's logits: spread like a trained word model's, a length that leaves a tail. */
    private static float[] logits(int n, long seed) {
        Random random = new Random(seed);
        float[] a = new float[n];
        for (int k = 0; k < n; k++) {
            a[k] = (float) (random.nextGaussian() * 6);
        }
        a[n / 2] = 30f; // the row's maximum: the shifted values reach down to e^-60 and below
        return a;
    }

    @Test
    void theVectorModuleIsPresentWhereTheBuildRunsTheTests() {
        // surefire runs with --add-modules jdk.incubator.vector (pom.xml), so the tests below check the vector path
        assertTrue(SoftmaxArithmetic.VECTOR, "the tests run without the JDK's vector module");
    }

    @Test
    void vectorExponentialsMatchDoublePrecision() {
        Assumptions.assumeTrue(SoftmaxArithmetic.VECTOR);
        check(true);
    }

    @Test
    void scalarExponentialsMatchDoublePrecision() {
        check(false);
    }

    @Test
    void biasAndMaximumMatchOneElementAtATime() {
        int n = 10_007;
        float[] bias = logits(n, 11);
        float[] a = logits(n + 4, 12);
        float[] b = a.clone();
        a[n + 2] = 1e9f; // just beyond the row: not its maximum
        b[n + 2] = 1e9f;
        float want = Float.NEGATIVE_INFINITY;
        for (int v = 0; v < n; v++) {
            want = Math.max(want, a[2 + v] + bias[v]);
        }
        float scalar = SoftmaxArithmetic.scalarAddAndMax(a, 2, bias, n);
        float chosen = SoftmaxArithmetic.addAndMax(b, 2, bias, n);
        assertEquals(scalar, chosen);
        assertEquals(want, scalar);
        org.junit.jupiter.api.Assertions.assertArrayEquals(a, b);
        float[] tail = {1f, 2f, 3f};
        assertEquals(9f, SoftmaxArithmetic.addAndMax(tail, 0, new float[] {0f, 7f, 0f}, 3), "a row shorter than a vector");
    }

    private static void check(boolean vector) {
        int n = 10_007;
        float[] a = logits(n, 5);
        int from = 3;
        int count = n - 5;
        float shift = 30f;
        double expected = 0;
        double[] want = new double[n];
        for (int k = from; k < from + count; k++) {
            want[k] = Math.exp((double) a[k] - shift);
            expected += want[k];
        }
        double sumOnly = vector ? VectorSoftmaxArithmetic.sumOfExp(a, from, count, shift)
                : SoftmaxArithmetic.scalarSumOfExp(a, from, count, shift);
        float first = a[0];
        float last = a[n - 1];
        double sum = vector ? VectorSoftmaxArithmetic.expAndSum(a, from, count, shift)
                : SoftmaxArithmetic.scalarExpAndSum(a, from, count, shift);
        assertEquals(expected, sumOnly, expected * 1e-6, "sum of e^x");
        assertEquals(expected, sum, expected * 1e-6, "sum of e^x, in place");
        double worst = 0;
        for (int k = from; k < from + count; k++) {
            if (want[k] > 1e-30) { // float's normal range; below it relative error means nothing
                worst = Math.max(worst, Math.abs(a[k] - want[k]) / want[k]);
            }
        }
        assertTrue(worst < 2e-6, "relative error " + worst);
        assertEquals(first, a[0], "outside the range untouched");
        assertEquals(last, a[n - 1], "outside the range untouched");
    }
}
