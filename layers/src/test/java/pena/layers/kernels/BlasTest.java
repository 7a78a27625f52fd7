package pena.layers.kernels;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The direct cblas_sgemm calls against ND4J's products: transposed operands, accumulation into
 * the result (beta 1), row and column blocks of a matrix as matrices of their own, DL4J's
 * column-major weights used in place as their row-major transposes.
 */
class BlasTest {
    @Test
    void productsOfBlocksAndTransposesAreThoseOfNd4j() {
        INDArray a = Nd4j.rand(DataType.FLOAT, 10, 6);
        INDArray b = Nd4j.rand(DataType.FLOAT, 6, 8);
        INDArray c = Nd4j.rand(DataType.FLOAT, 10, 8);
        INDArray expected = a.mmul(b).addi(c);
        Blas.gemm(Blas.of(a), false, Blas.of(b), false, 1f, Blas.of(c));
        assertArrayEquals(expected.data().asFloat(), c.data().asFloat(), 1e-5f, "c += a·b");

        INDArray columnMajor = Nd4j.rand(DataType.FLOAT, 6, 8).dup('f'); // DL4J's W: its memory is Wᵀ row-major
        INDArray out = Nd4j.zeros(DataType.FLOAT, 10, 8);
        Blas.gemm(Blas.of(a), false, Blas.transposeOf(columnMajor), true, 0f, Blas.of(out));
        assertArrayEquals(a.mmul(columnMajor).dup('c').data().asFloat(), out.data().asFloat(), 1e-5f, "a·W, W in place");

        // rows 3..7 of a times columns 2..5 of b, written into rows 3..7, columns 2..5 of a zero result
        INDArray block = Nd4j.zeros(DataType.FLOAT, 10, 8);
        Blas.gemm(Blas.of(a).rows(3, 4), false, Blas.of(b).cols(2, 3), false, 0f, Blas.of(block).rows(3, 4).cols(2, 3));
        INDArray expectedBlock = Nd4j.zeros(DataType.FLOAT, 10, 8);
        expectedBlock.get(NDArrayIndex.interval(3, 7), NDArrayIndex.interval(2, 5))
                .assign(a.get(NDArrayIndex.interval(3, 7), NDArrayIndex.all()).mmul(b.get(NDArrayIndex.all(),
                        NDArrayIndex.interval(2, 5))));
        assertArrayEquals(expectedBlock.data().asFloat(), block.data().asFloat(), 1e-5f, "blocks");

        INDArray t = Nd4j.zeros(DataType.FLOAT, 6, 6);
        Blas.gemm(Blas.of(a), true, Blas.of(a), false, 0f, Blas.of(t));
        assertArrayEquals(a.transpose().mmul(a).dup('c').data().asFloat(), t.data().asFloat(), 1e-5f, "aᵀ·a");
    }

    @Test
    void aSizeOneDimensionDoesNotMakeAnArrayLookGappy() {
        INDArray oneStream = Nd4j.create(DataType.FLOAT, new long[]{1, 4, 5}, 'f'); // a batch of one, as evaluation has
        assertTrue(Blas.gapless(oneStream), oneStream.shapeInfoToString());
        assertTrue(Blas.gapless(Nd4j.create(DataType.FLOAT, new long[]{3, 1, 5}, 'c')));
        assertFalse(Blas.gapless(Nd4j.create(DataType.FLOAT, new long[]{3, 4, 5}, 'f').get(NDArrayIndex.interval(0, 2),
                NDArrayIndex.all(), NDArrayIndex.all())), "a slice of the batch");
        assertFalse(Blas.gapless(Nd4j.create(DataType.DOUBLE, new long[]{3, 4}, 'c')), "not float");
    }

    @Test
    void aMatrixThatIsNotContiguousRowMajorIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Blas.of(Nd4j.rand(DataType.FLOAT, 4, 5).dup('f')));
        assertThrows(IllegalArgumentException.class,
                () -> Blas.of(Nd4j.rand(DataType.FLOAT, 4, 5).get(NDArrayIndex.all(), NDArrayIndex.interval(1, 3))));
    }
}
