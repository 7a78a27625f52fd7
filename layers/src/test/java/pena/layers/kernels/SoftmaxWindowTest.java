package pena.layers.kernels;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The output layer's softmax window against the same quantities written with ND4J operations on
 * rows, in double: the summed masked cross-entropy, dW, db and dL/dinput, over DL4J's
 * [batch, size, T] 'f' arrays (65 rows and 300 classes cut unevenly over the cores); and which
 * labels it reads as targets.
 */
class SoftmaxWindowTest {
    private static final int BATCH = 5;
    private static final int N_IN = 7;
    private static final int STEPS = 13;
    private static final int VOCABULARY = 300;

    @ParameterizedTest(name = "masked {0}")
    @ValueSource(booleans = {false, true})
    void lossAndGradientsAreThoseOfSoftmaxWithCrossEntropy(boolean masked) {
        Random random = new Random(11);
        INDArray input = Nd4j.rand(DataType.FLOAT, BATCH, N_IN, STEPS).subi(0.5).muli(3).dup('f');
        INDArray labels = Nd4j.zeros(DataType.FLOAT, BATCH, VOCABULARY, STEPS).dup('f');
        INDArray mask = masked ? Nd4j.ones(DataType.FLOAT, BATCH * STEPS, 1) : null; // row t·B + b
        for (int b = 0; b < BATCH; b++) {
            for (int t = 0; t < STEPS; t++) {
                labels.putScalar(new long[]{b, random.nextInt(VOCABULARY), t}, 1f);
                if (masked && t >= STEPS - b) {
                    mask.putScalar(t * BATCH + b, 0, 0f);
                }
            }
        }
        INDArray w = Nd4j.rand(DataType.FLOAT, N_IN, VOCABULARY).subi(0.5).muli(2).dup('f');
        INDArray bias = Nd4j.rand(DataType.FLOAT, 1, VOCABULARY).subi(0.5);
        INDArray gradW = Nd4j.zeros(DataType.FLOAT, N_IN, VOCABULARY).dup('f');
        INDArray gradBias = Nd4j.zeros(DataType.FLOAT, 1, VOCABULARY);
        INDArray epsilon = Nd4j.zeros(DataType.FLOAT, BATCH, N_IN, STEPS).dup('f');

        int[] targets = SoftmaxWindow.targets(labels, VOCABULARY);
        assertArrayEquals(SoftmaxWindow.targets(indexLabels(labels), VOCABULARY), targets, "index labels read as one-hot ones");
        double loss = new SoftmaxWindow(1e-10).run(input, targets, mask, w, bias, true, gradW, gradBias, epsilon);
        double scoreOnly = new SoftmaxWindow(1e-10).run(input, targets, mask, w, bias, false, null, null, null);
        assertEquals(loss, scoreOnly, 1e-9 * loss, "the score without gradients");

        // the same on rows [T·B, ·], row t·B + b, in double
        INDArray x = rows(input);
        INDArray y = rows(labels);
        INDArray m = mask == null ? Nd4j.ones(DataType.DOUBLE, BATCH * STEPS, 1) : mask.castTo(DataType.DOUBLE);
        INDArray z = x.mmul(w.castTo(DataType.DOUBLE)).addiRowVector(bias.castTo(DataType.DOUBLE));
        INDArray p = Transforms.softmax(z, true);
        double expectedLoss = -Transforms.log(p, true).muli(y).sum(1).mul(m.reshape(BATCH * STEPS)).sumNumber().doubleValue();
        INDArray d = p.sub(y).muliColumnVector(m);
        INDArray expectedGradW = x.transpose().mmul(d);
        INDArray expectedGradBias = d.sum(true, 0);
        INDArray expectedInputGradient = d.mmul(w.castTo(DataType.DOUBLE).transpose());

        assertEquals(expectedLoss, loss, 1e-4 * expectedLoss, "loss");
        assertClose(expectedGradW, gradW, "dW");
        assertClose(expectedGradBias, gradBias, "db");
        assertClose(expectedInputGradient, rows(epsilon), "dL/dinput");
    }

    @Test
    void onlyOneHotLabelsAreReadAsTargets() {
        INDArray labels = Nd4j.zeros(DataType.FLOAT, 2, 4, 3).dup('f');
        labels.putScalar(new long[]{0, 2, 0}, 1f);
        labels.putScalar(new long[]{1, 3, 2}, 1f);
        assertArrayEquals(new int[]{2, -1, -1, -1, -1, 3}, SoftmaxWindow.targets(labels, 4), "row t·B + b, -1 without a 1");
        labels.putScalar(new long[]{1, 1, 2}, 1f);
        assertNull(SoftmaxWindow.targets(labels, 4), "two classes in one label");
        INDArray soft = Nd4j.zeros(DataType.FLOAT, 2, 4, 3).dup('f');
        soft.putScalar(new long[]{0, 1, 0}, 0.5f);
        assertNull(SoftmaxWindow.targets(soft, 4), "a soft target");
        INDArray outOfRange = Nd4j.zeros(DataType.FLOAT, 2, 1, 3).dup('f').addi(4);
        assertThrows(IllegalArgumentException.class, () -> SoftmaxWindow.targets(outOfRange, 4));
    }

    /** One-hot [B, V, T] → class indices [B, 1, T]. */
    private static INDArray indexLabels(INDArray oneHot) {
        INDArray ids = Nd4j.zeros(DataType.FLOAT, oneHot.size(0), 1, oneHot.size(2)).dup('f');
        for (int b = 0; b < oneHot.size(0); b++) {
            for (int t = 0; t < oneHot.size(2); t++) {
                ids.putScalar(new long[]{b, 0, t}, oneHot.get(NDArrayIndex.point(b), NDArrayIndex.all(), NDArrayIndex.point(t))
                        .argMax().getInt(0));
            }
        }
        return ids;
    }

    /** [B, C, T] → rows [T·B, C] in double. */
    private static INDArray rows(INDArray sequences) {
        INDArray out = Nd4j.create(DataType.DOUBLE, sequences.size(0) * sequences.size(2), sequences.size(1));
        for (int t = 0; t < sequences.size(2); t++) {
            for (int b = 0; b < sequences.size(0); b++) {
                out.getRow((long) t * sequences.size(0) + b).assign(sequences.get(NDArrayIndex.point(b), NDArrayIndex.all(),
                        NDArrayIndex.point(t)).castTo(DataType.DOUBLE));
            }
        }
        return out;
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        double scale = expected.amaxNumber().doubleValue();
        assertTrue(scale > 0, what + " is all zero");
        double difference = expected.sub(actual.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
        assertTrue(difference <= 1e-5 * Math.max(1, scale), what + ": largest difference " + difference);
    }
}
