package pena.layers.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SoftmaxArithmetic} on the JDK's vector API. The exponential is {@code VectorOperators.EXP}, which HotSpot
 * compiles to its SIMD exponential (Intel's SVML routines on x86). Loaded only when the module is
 * present; a class that names {@code jdk.incubator.vector} cannot be loaded without it.
 *
 * <p>Each lane keeps its own float sum of one vector's worth of elements per step; the lanes
 * are added in double once per call (a softmax row: at most 10 000 / 16 terms per lane, each
 * at most 1 after the shift by the row's maximum, so the float sums lose nothing that matters).
 */
final class VectorSoftmaxArithmetic {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    private VectorSoftmaxArithmetic() {
    }

    static float addAndMax(float[] a, int from, float[] bias, int n) {
        FloatVector max = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY);
        int v = 0;
        for (int bound = SPECIES.loopBound(n); v < bound; v += SPECIES.length()) {
            FloatVector x = FloatVector.fromArray(SPECIES, a, from + v).add(FloatVector.fromArray(SPECIES, bias, v));
            x.intoArray(a, from + v);
            max = max.max(x);
        }
        float largest = max.reduceLanes(VectorOperators.MAX);
        for (; v < n; v++) {
            float x = a[from + v] + bias[v];
            a[from + v] = x;
            largest = Math.max(largest, x);
        }
        return largest;
    }

    static double expAndSum(float[] a, int from, int n, float shift) {
        return exponentials(a, from, n, shift, true);
    }

    static double sumOfExp(float[] a, int from, int n, float shift) {
        return exponentials(a, from, n, shift, false);
    }

    /** Σ e^(a - shift) over the range; with {@code store}, each exponential also replaces its element. */
    private static double exponentials(float[] a, int from, int n, float shift, boolean store) {
        FloatVector s = FloatVector.broadcast(SPECIES, shift);
        FloatVector sums = FloatVector.zero(SPECIES);
        int end = from + n;
        int k = from;
        for (int bound = from + SPECIES.loopBound(n); k < bound; k += SPECIES.length()) {
            FloatVector e = FloatVector.fromArray(SPECIES, a, k).sub(s).lanewise(VectorOperators.EXP);
            if (store) {
                e.intoArray(a, k);
            }
            sums = sums.add(e);
        }
        double sum = lanes(sums);
        for (; k < end; k++) {
            float e = (float) Math.exp(a[k] - shift);
            if (store) {
                a[k] = e;
            }
            sum += e;
        }
        return sum;
    }

    private static double lanes(FloatVector sums) {
        double sum = 0;
        for (float lane : sums.toArray()) { // toArray is one store; lane(i) is not compiled to one instruction
            sum += lane;
        }
        return sum;
    }
}
