package pena.layers;

import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fused optimizer step against DL4J's own (its updater, then its step function) from the
 * same parameters on the same windows, so on the same gradients: the parameters and Adam's state
 * after each of four steps (float rounding apart), with the per-layer clipping taking effect on
 * some layers and not on others, embedding and one-hot input.
 */
class FusedAdamTest {
    private static final int VOCABULARY = 23;
    private static final int STEPS = 12;

    @Test
    void stepsAsDl4jsUpdaterDoes() {
        for (int embedding : new int[]{0, 6}) {
            for (double clip : new double[]{0, 0.05, 50}) {
                MultiLayerConfiguration conf = configuration(embedding, clip, new Adam(0.01));
                MultiLayerNetwork dl4j = new MultiLayerNetwork(conf.clone());
                dl4j.init();
                StatefulNetwork fused = new StatefulNetwork(conf.clone());
                fused.init(dl4j.params().dup(), true);
                assertTrue(FusedAdam.of(fused).isPresent(), "the fused step applies");
                for (int k = 0; k < 4; k++) { // four iterations: Adam's bias correction changes with each
                    INDArray[] window = window(k, embedding);
                    dl4j.rnnClearPreviousState();
                    fused.clearState();
                    dl4j.fit(window[0], window[1]);
                    fused.fit(window[0], window[1]);
                    String what = "embedding " + embedding + ", clip " + clip + ", iteration " + k;
                    assertEquals(dl4j.getIterationCount(), fused.getIterationCount(), what + " iterations");
                    assertClose(dl4j.params(), fused.params(), what + " parameters");
                    assertClose(dl4j.getUpdater().getStateViewArray(), fused.getUpdater().getStateViewArray(),
                            what + " Adam state");
                    // the next step from the same parameters, so both see the same gradient again
                    fused.setParams(dl4j.params().dup());
                }
            }
        }
    }

    @Test
    void theFirstLayersInputGradientIsLeftOutInTrainingOnly() {
        // training skips layer 0's dL/dinput (MultiLayerNetwork drops it); asked for afterwards, it is there and right
        MultiLayerConfiguration conf = configuration(0, 0, new Adam(0.01));
        MultiLayerNetwork dl4j = new MultiLayerNetwork(conf.clone());
        dl4j.init();
        StatefulNetwork fused = new StatefulNetwork(conf.clone());
        fused.init(dl4j.params().dup(), true);
        INDArray[] window = window(1, 0);
        fused.fit(window[0], window[1]);
        dl4j.setParams(fused.params().dup());
        dl4j.rnnClearPreviousState();
        fused.clearState();
        INDArray want = dl4j.calculateGradients(window[0], window[1], null, null).getSecond();
        INDArray got = fused.calculateGradients(window[0], window[1], null, null).getSecond();
        assertTrue(got != null, "no input gradient after training");
        assertClose(want, got, "input gradient after training");
    }

    @Test
    void aLearningRateSetBetweenStepsIsTheOneBothUpdatersUse() {
        for (int embedding : new int[]{0, 6}) {
            MultiLayerConfiguration conf = configuration(embedding, 0, new Adam(0.01));
            StatefulNetwork fused = new StatefulNetwork(conf.clone());
            fused.init();
            StatefulNetwork general = new StatefulNetwork(conf.clone()); // with a listener: DL4J's own updater
            general.init(fused.params().dup(), true);
            general.setListeners(new org.deeplearning4j.optimize.listeners.ScoreIterationListener(1_000_000));
            assertTrue(FusedAdam.of(fused).isPresent(), "the fused step applies to one (the other has a listener)");
            for (StatefulNetwork network : new StatefulNetwork[] {fused, general}) {
                INDArray before = network.params().dup();
                network.learningRate(0);
                INDArray[] window = window(9, embedding);
                network.fit(window[0], window[1]);
                // DL4J's own Adam moves a parameter by one float rounding even at rate 0 (seen: 1.0 -> 0.99999994)
                double moved = before.sub(network.params()).amaxNumber().doubleValue();
                assertTrue(moved <= 1e-7, "rate 0: nothing moves (" + (network == fused ? "fused" : "DL4J") + ": "
                        + moved + ")");
                network.learningRate(0.01);
                network.fit(window[0], window[1]);
                assertTrue(before.sub(network.params()).amaxNumber().doubleValue() > 1e-4, "rate 0.01: it learns");
            }
        }
    }

    @Test
    void otherUpdatersAndRegularizationStayWithDl4j() {
        assertTrue(FusedAdam.of(network(configuration(0, 1, new Sgd(0.1)))).isEmpty(), "SGD");
        MultiLayerConfiguration l2 = new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.FLOAT)
                .updater(new Adam(0.01)).l2(1e-4).list()
                .layer(new Lstm.Builder().nIn(VOCABULARY).nOut(8).build())
                .layer(new TimeMajorOutput.Builder(LossFunctions.LossFunction.MCXENT).activation(new RowSoftmax())
                        .nIn(8).nOut(VOCABULARY).build())
                .build();
        assertTrue(FusedAdam.of(network(l2)).isEmpty(), "l2");
    }

    private static MultiLayerNetwork network(MultiLayerConfiguration conf) {
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        return network;
    }

    private static MultiLayerConfiguration configuration(int embedding, double clip,
                                                         org.nd4j.linalg.learning.config.IUpdater updater) {
        NeuralNetConfiguration.Builder base = new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.FLOAT)
                .updater(updater);
        if (clip > 0) {
            base.gradientNormalization(GradientNormalization.ClipL2PerLayer).gradientNormalizationThreshold(clip);
        }
        NeuralNetConfiguration.ListBuilder list = base.list();
        int width = VOCABULARY;
        if (embedding > 0) {
            list.layer(new EmbeddingSequenceLayer.Builder().nIn(VOCABULARY).nOut(embedding).build());
            width = embedding;
        }
        return list.layer(new Lstm.Builder().nIn(width).nOut(16).build())
                .layer(new Gru.Builder().nIn(16).nOut(16).build())
                .layer(new TimeMajorOutput.Builder(LossFunctions.LossFunction.MCXENT).activation(new RowSoftmax())
                        .nIn(16).nOut(VOCABULARY).build())
                .backpropType(BackpropType.TruncatedBPTT).tBPTTForwardLength(STEPS).tBPTTBackwardLength(STEPS)
                .build();
    }

    private static INDArray[] window(long seed, int embedding) {
        INDArray[] window = RnnNets.window(seed, 5, STEPS, VOCABULARY);
        if (embedding > 0) {
            window[0] = RnnNets.indices(RnnNets.ids(seed, 5, STEPS, VOCABULARY)).castTo(DataType.FLOAT);
        }
        return window;
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        double scale = expected.amaxNumber().doubleValue();
        double difference = expected.sub(actual).amaxNumber().doubleValue();
        assertTrue(scale > 0, what + " is all zero");
        assertTrue(difference <= 1e-6 * Math.max(1, scale), what + ": largest difference " + difference + " (scale " + scale + ")");
    }
}
