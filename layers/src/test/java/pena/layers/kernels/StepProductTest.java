package pena.layers.kernels;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A time step's product, vector and scalar, against double-precision sums, at the shapes the
 * kernels use (8 or 16 rows of a 256-unit layer's gates) and at shapes that leave every kind of
 * remainder: rows not a multiple of four, columns not a multiple of four vectors or of one.
 */
class StepProductTest {
    /** rows, columns, inner size. */
    private static final int[][] SHAPES = {
            {8, 1024, 256}, {16, 256, 1024}, {16, 768, 256}, {1, 64, 3}, {3, 7, 5}, {5, 200, 50}, {9, 333, 17},
            {4, 16, 1}, {7, 80, 48}};

    private static float[] random(int length, Random random) {
        float[] a = new float[length];
        for (int k = 0; k < length; k++) {
            a[k] = (float) random.nextGaussian();
        }
        return a;
    }

    /**
     * c (+)= a·b inside larger arrays (a and c start at an offset, their rows further apart than
     * their width), so a kernel reading or writing past its rows or columns is caught: the
     * elements around c's block must stay as they were. With {@code transposedA}, a is read
     * through swapped strides (element (i, p) at p·lda + i), as the output layer reads Dᵀ.
     */
    private static void check(boolean vector, boolean accumulate, boolean transposedA) {
        Random random = new Random(7);
        for (int[] shape : SHAPES) {
            int m = shape[0];
            int n = shape[1];
            int k = shape[2];
            int lda = (transposedA ? m : k) + 3;
            int rowStride = transposedA ? 1 : lda;
            int colStride = transposedA ? lda : 1;
            int ldb = n + 5;
            int ldc = n + 2;
            int aFrom = 11;
            int bFrom = 9;
            int cFrom = 13;
            float[] a = random(aFrom + (transposedA ? k : m) * lda, random);
            float[] b = random(bFrom + k * ldb, random);
            float[] c = random(cFrom + m * ldc + 4, random);
            float[] before = c.clone();
            if (vector) {
                VectorStepProduct.multiply(a, aFrom, rowStride, colStride, b, bFrom, ldb, c, cFrom, ldc, m, n, k,
                        accumulate);
            } else {
                StepProduct.scalarMultiply(a, aFrom, rowStride, colStride, b, bFrom, ldb, c, cFrom, ldc, m, n, k,
                        accumulate);
            }
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < ldc; j++) {
                    int at = cFrom + i * ldc + j;
                    if (j >= n) {
                        assertEquals(before[at], c[at], "outside the product: " + describe(shape, i, j));
                        continue;
                    }
                    double want = accumulate ? before[at] : 0;
                    for (int p = 0; p < k; p++) {
                        want += (double) a[aFrom + i * rowStride + p * colStride] * b[bFrom + p * ldb + j];
                    }
                    assertEquals(want, c[at], 1e-5 * (Math.sqrt(k) + Math.abs(want)), describe(shape, i, j));
                }
            }
            for (int at = 0; at < cFrom; at++) {
                assertEquals(before[at], c[at], "before the product's first row");
            }
            for (int at = cFrom + m * ldc; at < c.length; at++) {
                assertEquals(before[at], c[at], "after the product's last row");
            }
        }
    }

    private static String describe(int[] shape, int i, int j) {
        return "[" + shape[0] + "x" + shape[2] + "]·[" + shape[2] + "x" + shape[1] + "] at (" + i + ", " + j + ")";
    }

    @Test
    void theVectorModuleIsPresentWhereTheBuildRunsTheTests() {
        assertEquals(true, SoftmaxArithmetic.VECTOR, "the tests run without the JDK's vector module");
    }

    @Test
    void vectorProductMatchesDoublePrecision() {
        Assumptions.assumeTrue(SoftmaxArithmetic.VECTOR);
        check(true, false, false);
    }

    @Test
    void vectorProductAddsToWhatIsThere() {
        Assumptions.assumeTrue(SoftmaxArithmetic.VECTOR);
        check(true, true, false);
    }

    @Test
    void vectorProductReadsATransposed() {
        Assumptions.assumeTrue(SoftmaxArithmetic.VECTOR);
        check(true, false, true);
        check(true, true, true);
    }

    @Test
    void scalarProductMatchesDoublePrecision() {
        check(false, false, false);
        check(false, true, false);
        check(false, false, true);
        check(false, true, true);
    }

    @Test
    void recurrentWeightsAreCopiedBothWays() {
        // DL4J keeps RW [n, w] column-major: rowsOf gives it row-major, transposedRowsOf RWᵀ row-major
        // (37 x 70: tiles of the transposing copy left over on both sides)
        for (int[] shape : new int[][] {{5, 12}, {37, 70}, {64, 256}}) {
            INDArray rw = Nd4j.rand(DataType.FLOAT, shape[0], shape[1]).dup('f');
            float[] rows = StepProduct.rowsOf(rw, new ReusedFloats(), new ReusedFloats());
            float[] transposed = StepProduct.transposedRowsOf(rw, new ReusedFloats());
            float[] want = rw.dup('c').data().asFloat();
            float[] wantTransposed = rw.transpose().dup('c').data().asFloat();
            assertArrayEquals(want, java.util.Arrays.copyOf(rows, want.length));
            assertArrayEquals(wantTransposed, java.util.Arrays.copyOf(transposed, wantTransposed.length));
        }
    }
}
