package pena.layers.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link StepProduct} on the JDK's vector API: c's columns in blocks of four vectors, its rows in
 * groups of four, sixteen accumulators that stay in registers over the whole of k (each step of k
 * loads four vectors of b's row and broadcasts four elements of a, for sixteen fused
 * multiply-adds). Columns left over go one vector at a time, then one at a time; rows left over
 * one at a time. Loaded only when the module is present.
 */
final class VectorStepProduct {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int L = SPECIES.length();

    private VectorStepProduct() {
    }

    static void multiply(float[] a, int aFrom, int aRowStride, int aColStride, float[] b, int bFrom, int ldb,
                         float[] c, int cFrom, int ldc, int m, int n, int k, boolean accumulate) {
        int j = 0;
        for (; j + 4 * L <= n; j += 4 * L) {
            int i = 0;
            for (; i + 4 <= m; i += 4) {
                block4x4(a, aFrom + i * aRowStride, aRowStride, aColStride, b, bFrom + j, ldb, c, cFrom + i * ldc + j,
                        ldc, k, accumulate);
            }
            for (; i < m; i++) {
                block1x4(a, aFrom + i * aRowStride, aColStride, b, bFrom + j, ldb, c, cFrom + i * ldc + j, k,
                        accumulate);
            }
        }
        for (; j + L <= n; j += L) {
            for (int i = 0; i < m; i++) {
                block1x1(a, aFrom + i * aRowStride, aColStride, b, bFrom + j, ldb, c, cFrom + i * ldc + j, k,
                        accumulate);
            }
        }
        if (j < n) {
            StepProduct.scalarMultiplyColumns(a, aFrom, aRowStride, aColStride, b, bFrom, ldb, c, cFrom, ldc, m, j, n,
                    k, accumulate);
        }
    }

    private static FloatVector start(float[] c, int at, boolean accumulate) {
        return accumulate ? FloatVector.fromArray(SPECIES, c, at) : FloatVector.zero(SPECIES);
    }

    private static void block4x4(float[] a, int a0, int aRowStride, int aColStride, float[] b, int bAt, int ldb,
                                 float[] c, int c0, int ldc, int k, boolean accumulate) {
        int c1 = c0 + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        FloatVector s00 = start(c, c0, accumulate), s01 = start(c, c0 + L, accumulate);
        FloatVector s02 = start(c, c0 + 2 * L, accumulate), s03 = start(c, c0 + 3 * L, accumulate);
        FloatVector s10 = start(c, c1, accumulate), s11 = start(c, c1 + L, accumulate);
        FloatVector s12 = start(c, c1 + 2 * L, accumulate), s13 = start(c, c1 + 3 * L, accumulate);
        FloatVector s20 = start(c, c2, accumulate), s21 = start(c, c2 + L, accumulate);
        FloatVector s22 = start(c, c2 + 2 * L, accumulate), s23 = start(c, c2 + 3 * L, accumulate);
        FloatVector s30 = start(c, c3, accumulate), s31 = start(c, c3 + L, accumulate);
        FloatVector s32 = start(c, c3 + 2 * L, accumulate), s33 = start(c, c3 + 3 * L, accumulate);
        int a1 = a0 + aRowStride;
        int a2 = a1 + aRowStride;
        int a3 = a2 + aRowStride;
        for (int p = 0; p < k; p++) {
            int at = bAt + p * ldb;
            int ap = p * aColStride;
            FloatVector b0 = FloatVector.fromArray(SPECIES, b, at);
            FloatVector b1 = FloatVector.fromArray(SPECIES, b, at + L);
            FloatVector b2 = FloatVector.fromArray(SPECIES, b, at + 2 * L);
            FloatVector b3 = FloatVector.fromArray(SPECIES, b, at + 3 * L);
            FloatVector x = FloatVector.broadcast(SPECIES, a[a0 + ap]);
            s00 = x.fma(b0, s00);
            s01 = x.fma(b1, s01);
            s02 = x.fma(b2, s02);
            s03 = x.fma(b3, s03);
            x = FloatVector.broadcast(SPECIES, a[a1 + ap]);
            s10 = x.fma(b0, s10);
            s11 = x.fma(b1, s11);
            s12 = x.fma(b2, s12);
            s13 = x.fma(b3, s13);
            x = FloatVector.broadcast(SPECIES, a[a2 + ap]);
            s20 = x.fma(b0, s20);
            s21 = x.fma(b1, s21);
            s22 = x.fma(b2, s22);
            s23 = x.fma(b3, s23);
            x = FloatVector.broadcast(SPECIES, a[a3 + ap]);
            s30 = x.fma(b0, s30);
            s31 = x.fma(b1, s31);
            s32 = x.fma(b2, s32);
            s33 = x.fma(b3, s33);
        }
        s00.intoArray(c, c0);
        s01.intoArray(c, c0 + L);
        s02.intoArray(c, c0 + 2 * L);
        s03.intoArray(c, c0 + 3 * L);
        s10.intoArray(c, c1);
        s11.intoArray(c, c1 + L);
        s12.intoArray(c, c1 + 2 * L);
        s13.intoArray(c, c1 + 3 * L);
        s20.intoArray(c, c2);
        s21.intoArray(c, c2 + L);
        s22.intoArray(c, c2 + 2 * L);
        s23.intoArray(c, c2 + 3 * L);
        s30.intoArray(c, c3);
        s31.intoArray(c, c3 + L);
        s32.intoArray(c, c3 + 2 * L);
        s33.intoArray(c, c3 + 3 * L);
    }

    private static void block1x4(float[] a, int a0, int aColStride, float[] b, int bAt, int ldb, float[] c, int c0,
                                 int k, boolean accumulate) {
        FloatVector s0 = start(c, c0, accumulate), s1 = start(c, c0 + L, accumulate);
        FloatVector s2 = start(c, c0 + 2 * L, accumulate), s3 = start(c, c0 + 3 * L, accumulate);
        for (int p = 0; p < k; p++) {
            int at = bAt + p * ldb;
            FloatVector x = FloatVector.broadcast(SPECIES, a[a0 + p * aColStride]);
            s0 = x.fma(FloatVector.fromArray(SPECIES, b, at), s0);
            s1 = x.fma(FloatVector.fromArray(SPECIES, b, at + L), s1);
            s2 = x.fma(FloatVector.fromArray(SPECIES, b, at + 2 * L), s2);
            s3 = x.fma(FloatVector.fromArray(SPECIES, b, at + 3 * L), s3);
        }
        s0.intoArray(c, c0);
        s1.intoArray(c, c0 + L);
        s2.intoArray(c, c0 + 2 * L);
        s3.intoArray(c, c0 + 3 * L);
    }

    private static void block1x1(float[] a, int a0, int aColStride, float[] b, int bAt, int ldb, float[] c, int c0,
                                 int k, boolean accumulate) {
        FloatVector s = start(c, c0, accumulate);
        for (int p = 0; p < k; p++) {
            s = FloatVector.broadcast(SPECIES, a[a0 + p * aColStride]).fma(FloatVector.fromArray(SPECIES, b, bAt + p * ldb),
                    s);
        }
        s.intoArray(c, c0);
    }
}
