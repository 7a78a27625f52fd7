package pena.layers.kernels;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** The window's products alone, against ND4J's: x·W + b before the steps, every gradient after them. */
class WindowProductsTest {
    private static final int ROWS = 300;    // T·B, over two cores' minimum, not a whole number of 64-row blocks
    private static final int IN = 40;
    private static final int UNITS = 24;
    private static final int WIDTH = 4 * UNITS; // an LSTM's gate blocks

    private static float[] c(INDArray a) {
        return a.dup('c').data().asFloat();
    }

    @Test
    void theInputProjectionIsXTimesWPlusB() {
        INDArray x = Nd4j.rand(DataType.FLOAT, ROWS, IN).subi(0.5);
        INDArray w = Nd4j.rand(DataType.FLOAT, IN, WIDTH).subi(0.5).dup('f');
        INDArray bias = Nd4j.rand(DataType.FLOAT, 1, WIDTH);
        float[] gates = new float[ROWS * WIDTH]; // the steps' Java array, row r at r·WIDTH
        WindowProducts.inputProduct(x, null, w, bias, gates, new ProductScratch());
        assertArrayEquals(c(x.mmul(w).addiRowVector(bias)), gates, 1e-5f);
    }

    @Test
    void theGradientsAreTheTransposedProductsAndTheColumnSums() {
        INDArray x = Nd4j.rand(DataType.FLOAT, ROWS, IN).subi(0.5);
        INDArray dGates = Nd4j.rand(DataType.FLOAT, ROWS, WIDTH).subi(0.5);
        INDArray previousH = Nd4j.rand(DataType.FLOAT, ROWS, UNITS).subi(0.5);
        INDArray w = Nd4j.rand(DataType.FLOAT, IN, WIDTH).subi(0.5).dup('f');
        INDArray ones = Nd4j.ones(DataType.FLOAT, 1, ROWS);
        INDArray gradW = Nd4j.createUninitialized(DataType.FLOAT, new long[]{IN, WIDTH}, 'f');
        INDArray gradBias = Nd4j.createUninitialized(DataType.FLOAT, 1, WIDTH);
        INDArray gradRW = Nd4j.createUninitialized(DataType.FLOAT, new long[]{UNITS, WIDTH}, 'f');
        INDArray dx = Nd4j.createUninitialized(DataType.FLOAT, ROWS, IN);
        WindowProducts.gradients(x, null, dGates, previousH, dGates, w, ones, gradW, gradBias, gradRW, dx);
        assertArrayEquals(c(x.transpose().mmul(dGates)), c(gradW), 1e-4f);
        assertArrayEquals(c(dGates.sum(true, 0)), c(gradBias), 1e-4f);
        assertArrayEquals(c(previousH.transpose().mmul(dGates)), c(gradRW), 1e-4f);
        assertArrayEquals(c(dGates.mmul(w.transpose())), c(dx), 1e-5f);
    }
}
