package pena.layers.kernels;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Adam step and the squared norm, in place on the vector API against the heap-copy scalar
 * path: the same numbers (the step operation for operation; the sum to rounding), over lengths that
 * leave a partial chunk and a partial vector, at offsets inside larger arrays, on a view whose
 * buffer does not start at element 0.
 */
class AdamKernelTest {
    private static final int COUNT = 3 * AdamKernel.CHUNK + 37;
    private static final int FROM = 5;

    /** A float vector of {@code length} that is a view from element 3 of a larger array. */
    private static INDArray vector(long seed, int length) {
        Nd4j.getRandom().setSeed(seed);
        INDArray whole = Nd4j.randn(DataType.FLOAT, 1, length + 10);
        return whole.get(NDArrayIndex.point(0), NDArrayIndex.interval(3, 3 + length));
    }

    @Test
    void inPlaceStepEqualsTheHeapCopyStep() {
        Assumptions.assumeTrue(SoftmaxArithmetic.VECTOR);
        int length = FROM + COUNT + 4;
        INDArray params = vector(1, length);
        INDArray gradients = vector(2, length);
        INDArray state = vector(3, 2 * length).add(0).dup(); // m then v; v must be non-negative
        state.get(NDArrayIndex.interval(length, 2 * length)).assign(Nd4j.rand(DataType.FLOAT, 1, length).reshape(length));
        INDArray params2 = params.dup();
        INDArray state2 = state.dup();
        float[] gradientsBefore = gradients.toFloatVector();
        float[] around = params.toFloatVector();
        AdamKernel.step(params, gradients, state, FROM, FROM, length + FROM, COUNT, 0.25f, 0.9f, 0.999f, 0.01f,
                1e-8f);
        Blas.Matrix s2 = Blas.ofRow(state2);
        AdamKernel.scalarStep(Blas.ofRow(params2), Blas.ofRow(gradients), s2, s2, FROM, FROM, length + FROM, COUNT,
                0.25f, 0.9f, 0.999f, 0.01f, 1e-8f);
        assertArrayEquals(params2.toFloatVector(), params.toFloatVector(), "parameters");
        assertArrayEquals(state2.toFloatVector(), state.toFloatVector(), "m and v");
        assertArrayEquals(gradientsBefore, gradients.toFloatVector(), "the gradients are only read");
        float[] after = params.toFloatVector();
        for (int k = 0; k < FROM; k++) {
            assertEquals(around[k], after[k], "before the range");
        }
        for (int k = FROM + COUNT; k < length; k++) {
            assertEquals(around[k], after[k], "after the range");
        }
        assertTrue(after[FROM] != around[FROM], "the range was stepped");
    }

    @Test
    void squaredNormMatchesDoublePrecision() {
        INDArray gradients = vector(4, FROM + COUNT + 3);
        float[] values = gradients.toFloatVector();
        double want = 0;
        for (int k = FROM; k < FROM + COUNT; k++) {
            want += (double) values[k] * values[k];
        }
        assertEquals(want, AdamKernel.sumOfSquares(gradients, FROM, COUNT), 1e-6 * want, "chosen path");
        assertEquals(want, AdamKernel.scalarSumOfSquares(Blas.ofRow(gradients), FROM, COUNT), 1e-6 * want, "heap copies");
    }
}
