package pena.layers;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.factory.Nd4j;
import pena.layers.kernels.KernelChoice;

import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end through the layers: the float kernels (per-step StepProduct and Java gate
 * arithmetic) against the reference path of ND4J operations, on the same float network: outputs,
 * rnnTimeStep chunks and every parameter's gradient, with and without a mask, 2 layers, one-hot
 * and embedding input. Each kernel also has a test of its own (pena.layers.cells, pena.layers.kernels).
 */
class FloatKernelsMatchReferenceTest {
    private static final int VOCABULARY = 11;
    private static final int HIDDEN = 48;     // gate columns over the cores in the one-hot scatter-add
    private static final int BATCH = 17; // split over the cores in parts of unequal size
    private static final int STEPS = 31;      // 527 rows: the one-hot gather split over the cores

    @AfterEach
    void restore() {
        KernelChoice.referenceOnly(false);
    }

    @Test
    void lstmFloatKernelEqualsReference() {
        compare(RnnNets.lstm(), 0, false);
        compare(RnnNets.lstm(), 0, true);
        compare(RnnNets.lstm(), 6, true);
    }

    @Test
    void gruFloatKernelEqualsReference() {
        compare(RnnNets.gru(true), 0, false);
        compare(RnnNets.gru(true), 0, true);
        compare(RnnNets.gru(true), 6, true);
    }

    @Test
    void rnnFloatKernelEqualsReference() {
        compare(RnnNets.rnn(), 0, false);
        compare(RnnNets.rnn(), 0, true);
        compare(RnnNets.rnn(), 6, true);
    }

    private static void compare(BiFunction<Integer, Integer, Layer> cell, int embedding, boolean masked) {
        MultiLayerConfiguration configuration = RnnNets.configuration(cell, 2, VOCABULARY, HIDDEN, embedding, 0);
        configuration.setDataType(DataType.FLOAT);
        int[][] ids = RnnNets.ids(3, BATCH, STEPS, VOCABULARY);
        INDArray input = (embedding > 0 ? RnnNets.indices(ids) : RnnNets.oneHot(ids, VOCABULARY)).castTo(DataType.FLOAT);
        INDArray labels = RnnNets.oneHot(RnnNets.ids(4, BATCH, STEPS, VOCABULARY), VOCABULARY).castTo(DataType.FLOAT);
        INDArray mask = masked ? RnnNets.mask(BATCH, STEPS).castTo(DataType.FLOAT) : null;
        if (masked && embedding == 0) { // masked steps as padding: all-zero input rows (the one-hot gather's -1)
            for (int b = 0; b < BATCH; b++) {
                for (int t = 0; t < STEPS; t++) {
                    if (mask.getFloat(b, t) == 0f) {
                        input.get(NDArrayIndex.point(b), NDArrayIndex.all(), NDArrayIndex.point(t)).assign(0);
                    }
                }
            }
        }

        Result fast = run(configuration, input, labels, mask, true);
        Result reference = run(configuration, input, labels, mask, false);
        String what = configuration.getConf(embedding > 0 ? 1 : 0).getLayer().getClass().getSimpleName()
                + (embedding > 0 ? " embedding" : " one-hot") + (masked ? " masked" : "");
        // float rounding and the tanh/σ approximation over 31 steps and 2 layers (bugs give 1e-3 and more)
        assertClose(reference.output, fast.output, 1e-5, what + " output");
        assertClose(reference.chunked, fast.chunked, 1e-5, what + " rnnTimeStep");
        assertClose(reference.gradient, fast.gradient, 1e-4, what + " gradient");
        assertEquals(reference.score, fast.score, 1e-6 * Math.abs(reference.score), what + " score");
    }

    private record Result(INDArray output, INDArray chunked, INDArray gradient, double score) {
    }

    private static Result run(MultiLayerConfiguration configuration, INDArray input, INDArray labels, INDArray mask,
                              boolean fastPath) {
        KernelChoice.referenceOnly(!fastPath);
        MultiLayerNetwork network = new MultiLayerNetwork(configuration.clone());
        network.init();
        RnnNets.randomize(network);
        for (org.deeplearning4j.nn.api.Layer layer : network.getLayers()) {
            // a plain RNN with RW spread over ±0.8 at 48 units is chaotic (spectral radius about 3):
            // float rounding then grows step by step; at a third of it the two paths stay comparable
            if (layer instanceof RnnLayer) {
                layer.getParam(RecurrentParamInitializer.RECURRENT_WEIGHTS).muli(0.3);
            }
        }
        assertEquals(DataType.FLOAT, network.params().dataType());
        for (org.deeplearning4j.nn.api.Layer layer : network.getLayers()) {
            if (layer instanceof RecurrentCellLayer<?, ?> recurrent) {
                assertEquals(fastPath, recurrent.floatKernels(), "path taken by layer " + layer.getIndex());
            }
        }
        INDArray output = network.output(input, false, mask, null).dup();
        network.rnnClearPreviousState();
        INDArray first = network.rnnTimeStep(input.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 6))).dup();
        INDArray second = network.rnnTimeStep(input.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.interval(6, STEPS))).dup();
        network.rnnClearPreviousState();
        network.setInput(input);
        network.setLabels(labels);
        network.setLayerMaskArrays(mask, mask);
        network.computeGradientAndScore();
        INDArray gradient = network.gradient().gradient().dup();
        return new Result(output, Nd4j.concat(2, first, second), gradient, network.score());
    }

    private static void assertClose(INDArray expected, INDArray actual, double tolerance, String what) {
        double scale = Math.max(1e-3, expected.amaxNumber().doubleValue());
        double difference = expected.sub(actual).amaxNumber().doubleValue();
        assertTrue(difference <= tolerance * scale, what + ": largest difference " + difference + " (scale " + scale + ")");
        assertTrue(expected.amaxNumber().doubleValue() > 0, what + " is all zero");
    }
}
