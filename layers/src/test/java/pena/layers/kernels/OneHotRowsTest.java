package pena.layers.kernels;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The one-hot kernels alone: the input product's gather equals x·W + b and the scatter-add equals xᵀ·dGates. */
class OneHotRowsTest {
    private static final int VOCABULARY = 37;
    private static final int WIDTH = 150;  // over two cores' minimum of gate columns
    private static final int ROWS = 600;   // over two cores' minimum of rows

    /** One-hot rows, every seventh all zero (a masked step); the index of each row's 1, or -1. */
    private static int[] hot(Random random) {
        int[] hot = new int[ROWS];
        for (int r = 0; r < ROWS; r++) {
            hot[r] = r % 7 == 3 ? -1 : random.nextInt(VOCABULARY);
        }
        return hot;
    }

    private static INDArray oneHot(int[] hot) {
        INDArray x = Nd4j.zeros(DataType.FLOAT, ROWS, VOCABULARY);
        for (int r = 0; r < ROWS; r++) {
            if (hot[r] >= 0) {
                x.putScalar(r, hot[r], 1f);
            }
        }
        return x;
    }

    @Test
    void findsTheOneOfEachRowAndGivesUpOnAnythingElse() {
        int[] hot = hot(new Random(1));
        assertArrayEquals(hot, OneHotRows.find(oneHot(hot).data().asFloat(), ROWS, VOCABULARY));
        float[] dense = oneHot(hot).data().asFloat();
        dense[5 * VOCABULARY + 2] = 0.5f;
        assertNull(OneHotRows.find(dense, ROWS, VOCABULARY));
        float[] two = oneHot(hot).data().asFloat();
        two[VOCABULARY] = 1f;
        two[VOCABULARY + 1] = 1f;
        assertNull(OneHotRows.find(two, ROWS, VOCABULARY), "two ones in a row");
    }

    @Test
    void theGatherIsTheProductWithTheBias() {
        Random random = new Random(2);
        int[] hot = hot(random);
        INDArray w = Nd4j.rand(DataType.FLOAT, VOCABULARY, WIDTH).subi(0.5).dup('f'); // DL4J's column-major W
        INDArray bias = Nd4j.rand(DataType.FLOAT, 1, WIDTH);
        float[] gates = new float[ROWS * WIDTH];
        WindowProducts.inputProduct(oneHot(hot), hot, w, bias, gates, new ProductScratch());
        INDArray expected = oneHot(hot).mmul(w).addiRowVector(bias);
        assertArrayEquals(expected.dup('c').data().asFloat(), gates, 1e-6f);
    }

    @Test
    void theScatterAddIsTheTransposedProduct() {
        Random random = new Random(3);
        int[] hot = hot(random);
        INDArray dGates = Nd4j.rand(DataType.FLOAT, ROWS, WIDTH).subi(0.5);
        INDArray gradW = Nd4j.createUninitialized(DataType.FLOAT, new long[]{VOCABULARY, WIDTH}, 'f');
        OneHotRows.scatter(hot, dGates, gradW);
        INDArray expected = oneHot(hot).transpose().mmul(dGates);
        assertArrayEquals(expected.dup('c').data().asFloat(), gradW.dup('c').data().asFloat(), 1e-4f);
    }
}
