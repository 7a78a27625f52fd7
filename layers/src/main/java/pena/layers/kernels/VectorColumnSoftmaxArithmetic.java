package pena.layers.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ColumnSoftmaxArithmetic} on the JDK's vector API, one vector of columns at a time, the
 * columns left over one at a time. Loaded only when the module is present.
 */
final class VectorColumnSoftmaxArithmetic {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int L = SPECIES.length();

    private VectorColumnSoftmaxArithmetic() {
    }

    static void addAndMax(float[] z, int from, float bias, float[] max, int at, int n) {
        FloatVector b = FloatVector.broadcast(SPECIES, bias);
        int c = 0;
        for (int bound = SPECIES.loopBound(n); c < bound; c += L) {
            FloatVector x = FloatVector.fromArray(SPECIES, z, from + c).add(b);
            x.intoArray(z, from + c);
            FloatVector.fromArray(SPECIES, max, at + c).max(x).intoArray(max, at + c);
        }
        if (c < n) {
            ColumnSoftmaxArithmetic.scalarAddAndMax(z, from + c, bias, max, at + c, n - c);
        }
    }

    static void expAndSum(float[] z, int from, float[] shift, float[] sums, int at, int n) {
        int c = 0;
        for (int bound = SPECIES.loopBound(n); c < bound; c += L) {
            FloatVector e = FloatVector.fromArray(SPECIES, z, from + c).sub(FloatVector.fromArray(SPECIES, shift, at + c))
                    .lanewise(VectorOperators.EXP);
            e.intoArray(z, from + c);
            FloatVector.fromArray(SPECIES, sums, at + c).add(e).intoArray(sums, at + c);
        }
        if (c < n) {
            ColumnSoftmaxArithmetic.scalarExpAndSum(z, from + c, shift, sums, at + c, n - c);
        }
    }

    static double scaleAndSum(float[] z, int from, float[] factor, int at, int n) {
        FloatVector sums = FloatVector.zero(SPECIES);
        int c = 0;
        for (int bound = SPECIES.loopBound(n); c < bound; c += L) {
            FloatVector x = FloatVector.fromArray(SPECIES, z, from + c).mul(FloatVector.fromArray(SPECIES, factor, at + c));
            x.intoArray(z, from + c);
            sums = sums.add(x);
        }
        double sum = 0;
        for (float lane : sums.toArray()) {
            sum += lane;
        }
        if (c < n) {
            sum += ColumnSoftmaxArithmetic.scalarScaleAndSum(z, from + c, factor, at + c, n - c);
        }
        return sum;
    }
}
