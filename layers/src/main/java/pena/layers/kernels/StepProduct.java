package pena.layers.kernels;

/**
 * A time step's matrix product on Java arrays: c (+)= a·b for a few rows of a (one part of the
 * batch: 8 or 16) against a weight matrix b. OpenBLAS repacks b on every call, which for so few
 * rows costs as much as the arithmetic (on these machines about 20 GFLOP/s for 8 rows of a
 * 256-unit LSTM's h(t-1)·RW, 30 for 16, against 90 for a window's products). Here b stays as it
 * is, row-major, and the product runs in register blocks of 4 rows by 4 vectors on the JDK's
 * vector API ({@link VectorStepProduct}, 70-85 GFLOP/s at the same shapes); without the vector
 * module a plain loop gives the same numbers, slower.
 *
 * <p>All matrices are row-major float arrays: a is [m, k] from {@code aFrom} with rows
 * {@code lda} apart, b is [k, n] from 0 with rows {@code ldb} apart, c is [m, n] from
 * {@code cFrom} with rows {@code ldc} apart.
 */
public final class StepProduct {
    /** Side of the square tiles the transposing copy moves. */
    private static final int TILE = 32;

    private StepProduct() {
    }

    /** c = a·b, or c += a·b when {@code accumulate}. */
    public static void multiply(float[] a, int aFrom, int lda, float[] b, int ldb, float[] c, int cFrom, int ldc,
                                int m, int n, int k, boolean accumulate) {
        multiply(a, aFrom, lda, 1, b, 0, ldb, c, cFrom, ldc, m, n, k, accumulate);
    }

    /**
     * The same product with a read through strides, element (i, p) at
     * {@code a[aFrom + i·aRowStride + p·aColStride]} (so aᵀ of a row-major array is the strides
     * swapped), and b from {@code bFrom}.
     */
    public static void multiply(float[] a, int aFrom, int aRowStride, int aColStride, float[] b, int bFrom, int ldb,
                                float[] c, int cFrom, int ldc, int m, int n, int k, boolean accumulate) {
        if (SoftmaxArithmetic.VECTOR) {
            VectorStepProduct.multiply(a, aFrom, aRowStride, aColStride, b, bFrom, ldb, c, cFrom, ldc, m, n, k,
                    accumulate);
        } else {
            scalarMultiply(a, aFrom, aRowStride, aColStride, b, bFrom, ldb, c, cFrom, ldc, m, n, k, accumulate);
        }
    }

    /** The same product one element at a time: the path without the vector module, and what the tests compare with. */
    static void scalarMultiply(float[] a, int aFrom, int aRowStride, int aColStride, float[] b, int bFrom, int ldb,
                               float[] c, int cFrom, int ldc, int m, int n, int k, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            int row = cFrom + i * ldc;
            if (!accumulate) {
                java.util.Arrays.fill(c, row, row + n, 0f);
            }
            for (int p = 0; p < k; p++) {
                float x = a[aFrom + i * aRowStride + p * aColStride];
                int bRow = bFrom + p * ldb;
                for (int j = 0; j < n; j++) { // a loop the JIT vectorizes on its own
                    c[row + j] += x * b[bRow + j];
                }
            }
        }
    }

    /** Columns [from, to) of the product one element at a time: the vector path's leftover columns. */
    static void scalarMultiplyColumns(float[] a, int aFrom, int aRowStride, int aColStride, float[] b, int bFrom,
                                      int ldb, float[] c, int cFrom, int ldc, int m, int from, int to, int k,
                                      boolean accumulate) {
        for (int i = 0; i < m; i++) {
            int row = cFrom + i * ldc;
            int aRow = aFrom + i * aRowStride;
            for (int j = from; j < to; j++) {
                float sum = accumulate ? c[row + j] : 0f;
                for (int p = 0; p < k; p++) {
                    sum = Math.fma(a[aRow + p * aColStride], b[bFrom + p * ldb + j], sum);
                }
                c[row + j] = sum;
            }
        }
    }

    /**
     * DL4J's recurrent weights RW [n, w] (column-major, a view of the parameter vector) as the
     * row-major [n, w] array a forward step multiplies h(t-1) by: a transposing copy into
     * {@code into}, once per pass (the weights change between windows, not within one).
     */
    public static float[] rowsOf(org.nd4j.linalg.api.ndarray.INDArray rw, ReusedFloats scratch, ReusedFloats into) {
        int n = (int) rw.size(0);
        int w = (int) rw.size(1);
        float[] transposed = transposedRowsOf(rw, scratch); // [w, n]
        float[] rows = into.get(n * w);
        transpose(transposed, w, n, rows);
        return rows;
    }

    /**
     * target [cols, rows] = source [rows, cols]ᵀ, both row-major from 0. In tiles, so that both
     * sides stay in cache; within a tile the writes run along target's rows (reading along
     * source's rows and writing across was three times slower, measured on a 1024 × 256 array).
     */
    public static void transpose(float[] source, int rows, int cols, float[] target) {
        for (int c0 = 0; c0 < cols; c0 += TILE) {
            int cEnd = Math.min(cols, c0 + TILE);
            for (int r0 = 0; r0 < rows; r0 += TILE) {
                int rEnd = Math.min(rows, r0 + TILE);
                for (int c = c0; c < cEnd; c++) {
                    int to = c * rows;
                    for (int r = r0; r < rEnd; r++) {
                        target[to + r] = source[r * cols + c];
                    }
                }
            }
        }
    }

    /**
     * RWᵀ [w, n] row-major, which a backward step multiplies dGates(t) by: DL4J's column-major
     * RW is that array already, so this is one bulk copy.
     */
    public static float[] transposedRowsOf(org.nd4j.linalg.api.ndarray.INDArray rw, ReusedFloats into) {
        float[] rows = into.get((int) rw.length());
        Blas.Matrix view = Blas.transposeOf(rw);
        view.read(rows, 0);
        return rows;
    }
}
