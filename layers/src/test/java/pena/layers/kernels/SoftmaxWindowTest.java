package pena.layers.kernels;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The output layer's softmax window against the same quantities written with ND4J operations on
 * rows, in double: the summed masked cross-entropy, dW, db and dL/dinput, over DL4J's
 * [batch, size, T] 'f' arrays, on both paths (OpenBLAS by rows, and class-major on Java arrays),
 * at shapes cut unevenly over the cores, into blocks of classes and slices of rows; and which
 * labels it reads as targets.
 */
class SoftmaxWindowTest {
    /** batch, input size, steps, classes. */
    private static final int[][] SHAPES = {{5, 7, 13, 300}, {9, 70, 15, 1100}, {9, 20, 60, 200}};

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (int[] shape : SHAPES) {
            for (boolean classMajor : new boolean[]{false, true}) {
                for (boolean masked : new boolean[]{false, true}) {
                    cases.add(Arguments.of(shape[0], shape[1], shape[2], shape[3], classMajor, masked));
                }
            }
        }
        return cases.build();
    }

    @ParameterizedTest(name = "[{0}, {1}, {2}] to {3} classes, class-major {4}, masked {5}")
    @MethodSource("cases")
    void lossAndGradientsAreThoseOfSoftmaxWithCrossEntropy(int batch, int nIn, int steps, int vocabulary,
                                                           boolean classMajor, boolean masked) {
        Assumptions.assumeTrue(!classMajor || SoftmaxArithmetic.VECTOR || vocabulary < 1000, "slow without the vector module");
        int classMajorFrom = classMajor ? 0 : Integer.MAX_VALUE;
        Random random = new Random(11);
        INDArray input = Nd4j.rand(DataType.FLOAT, batch, nIn, steps).subi(0.5).muli(3).dup('f');
        INDArray labels = Nd4j.zeros(DataType.FLOAT, batch, vocabulary, steps).dup('f');
        INDArray mask = masked ? Nd4j.ones(DataType.FLOAT, batch * steps, 1) : null; // row t·B + b
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < steps; t++) {
                if (b != 1 || t != 2) { // one row without a target
                    labels.putScalar(new long[]{b, random.nextInt(vocabulary), t}, 1f);
                }
                if (masked && t >= steps - b) {
                    mask.putScalar(t * batch + b, 0, 0f);
                }
            }
        }
        // logits of a few units whatever nIn, so that no probability reaches the clip at 1e-10
        INDArray w = Nd4j.rand(DataType.FLOAT, nIn, vocabulary).subi(0.5).muli(2 * Math.sqrt(7.0 / nIn)).dup('f');
        INDArray bias = Nd4j.rand(DataType.FLOAT, 1, vocabulary).subi(0.5);
        INDArray gradW = Nd4j.zeros(DataType.FLOAT, nIn, vocabulary).dup('f');
        INDArray gradBias = Nd4j.zeros(DataType.FLOAT, 1, vocabulary);
        INDArray epsilon = Nd4j.zeros(DataType.FLOAT, batch, nIn, steps).dup('f');

        int[] targets = SoftmaxWindow.targets(labels, vocabulary);
        int[] indexed = targets.clone();
        indexed[2 * batch + 1] = 0; // index labels have no row without a target: argMax of zeros is 0
        assertArrayEquals(indexed, SoftmaxWindow.targets(indexLabels(labels), vocabulary), "index labels read as one-hot ones");
        assertEquals(-1, targets[2 * batch + 1], "the row without a target");
        double loss = new SoftmaxWindow(1e-10, classMajorFrom).run(input, targets, mask, w, bias, true, gradW, gradBias, epsilon);
        double scoreOnly = new SoftmaxWindow(1e-10, classMajorFrom).run(input, targets, mask, w, bias, false, null, null, null);
        assertEquals(loss, scoreOnly, 1e-9 * loss, "the score without gradients");

        // the same on rows [T·B, ·], row t·B + b, in double
        INDArray x = rows(input);
        INDArray y = rows(labels);
        INDArray m = mask == null ? Nd4j.ones(DataType.DOUBLE, batch * steps, 1) : mask.castTo(DataType.DOUBLE);
        INDArray z = x.mmul(w.castTo(DataType.DOUBLE)).addiRowVector(bias.castTo(DataType.DOUBLE));
        INDArray p = Transforms.softmax(z, true);
        double expectedLoss = -Transforms.log(p, true).muli(y).sum(1).mul(m.reshape(batch * steps)).sumNumber().doubleValue();
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
