package pena.layers;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pena's output layer against DL4J's RnnOutputLayer with the same parameters: probabilities,
 * score and every gradient, in float (the fast path: SoftmaxWindow and the Java transposes) and
 * double (DL4J's conversions), with and without a mask; small enough to run on one core, and
 * large enough (20 steps, 70 inputs) for the fast path to cut the steps and the weight gradient
 * over two cores.
 */
class TimeMajorOutputTest {
    private static final int VOCABULARY = 9;
    private static final int BATCH = 6;

    @Test
    void sameOutputsScoreAndGradientsAsDl4jsLayer() {
        for (DataType type : new DataType[]{DataType.FLOAT, DataType.DOUBLE}) {
            for (boolean masked : new boolean[]{false, true}) {
                compare(type, masked, 12, 7);
                compare(type, masked, 70, 20);
            }
        }
    }

    private static void compare(DataType type, boolean masked, int hidden, int steps) {
        MultiLayerNetwork pena = network(type, new TimeMajorOutput.Builder(LossFunctions.LossFunction.MCXENT)
                .activation(new RowSoftmax()).nIn(hidden).nOut(VOCABULARY).build(), hidden);
        MultiLayerNetwork dl4j = network(type, new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .activation(Activation.SOFTMAX).dataFormat(RNNFormat.NCW).nIn(hidden).nOut(VOCABULARY).build(), hidden);
        dl4j.setParams(pena.params().dup());
        INDArray input = RnnNets.oneHot(RnnNets.ids(1, BATCH, steps, VOCABULARY), VOCABULARY).castTo(type);
        INDArray labels = RnnNets.oneHot(RnnNets.ids(2, BATCH, steps, VOCABULARY), VOCABULARY).castTo(type).dup('f'); // as WindowArrays makes them
        INDArray mask = masked ? RnnNets.mask(BATCH, steps).castTo(type) : null;
        String what = type + (masked ? " masked" : "") + " " + hidden + "x" + steps;
        double tolerance = type == DataType.FLOAT ? 1e-5 : 1e-10;

        assertClose(dl4j.output(input, false, mask, mask), pena.output(input, false, mask, mask), tolerance, what + " output");
        for (MultiLayerNetwork network : new MultiLayerNetwork[]{pena, dl4j}) {
            network.setInput(input);
            network.setLabels(labels);
            network.setLayerMaskArrays(mask, mask);
            network.computeGradientAndScore();
        }
        assertEquals(dl4j.score(), pena.score(), tolerance * 10, what + " score");
        assertClose(dl4j.gradient().gradient(), pena.gradient().gradient(), tolerance * 10, what + " gradient");

        // the same labels as class indices [B, 1, T]: Pena's layer gives what DL4J's gives for one-hot ones
        pena.setInput(input);
        pena.setLabels(RnnNets.indices(RnnNets.ids(2, BATCH, steps, VOCABULARY)).castTo(type).dup('f'));
        pena.setLayerMaskArrays(mask, mask);
        pena.computeGradientAndScore();
        assertEquals(dl4j.score(), pena.score(), tolerance * 10, what + " score, index labels");
        assertClose(dl4j.gradient().gradient(), pena.gradient().gradient(), tolerance * 10, what + " gradient, index labels");
    }

    private static MultiLayerNetwork network(DataType type, Layer output, int hidden) {
        MultiLayerConfiguration configuration = new NeuralNetConfiguration.Builder().seed(5).dataType(type)
                .updater(new NoOp()).list()
                .layer(new Lstm.Builder().nIn(VOCABULARY).nOut(hidden).build())
                .layer(output)
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(configuration);
        network.init();
        return RnnNets.randomize(network);
    }

    private static void assertClose(INDArray expected, INDArray actual, double tolerance, String what) {
        assertEquals(java.util.Arrays.toString(expected.shape()), java.util.Arrays.toString(actual.shape()), what);
        double scale = Math.max(1, expected.amaxNumber().doubleValue());
        double difference = expected.sub(actual).amaxNumber().doubleValue();
        assertTrue(difference <= tolerance * scale, what + ": largest difference " + difference);
        assertTrue(expected.amaxNumber().doubleValue() > 0, what + " is all zero");
    }
}
