package pena.layers;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Evaluation's shortcut gives the log of the probabilities rnnTimeStep gives, window after
 * window with the state carried, and NaN where a row has no target.
 */
class TargetLogProbabilitiesTest {
    private static final int VOCABULARY = 150;
    private static final int BATCH = 3;
    private static final int STEPS = 7;

    @Test
    void theTargetsLogProbabilitiesAreThoseOfRnnTimeStep() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(9).dataType(DataType.FLOAT)
                .updater(new Adam(1e-3)).list()
                .layer(new EmbeddingSequenceLayer.Builder().nIn(VOCABULARY).nOut(8).build())
                .layer(new Lstm.Builder().nIn(8).nOut(20).build())
                .layer(new Gru.Builder().nIn(20).nOut(20).build())
                .layer(new TimeMajorOutput.Builder(LossFunctions.LossFunction.MCXENT).activation(new RowSoftmax())
                        .nIn(20).nOut(VOCABULARY).build())
                .build();
        StatefulNetwork shortcut = new StatefulNetwork(conf.clone());
        shortcut.init();
        RnnNets.randomize(shortcut);
        StatefulNetwork reference = new StatefulNetwork(conf.clone());
        reference.init(shortcut.params().dup(), true);
        Random random = new Random(4);
        for (int window = 0; window < 2; window++) {
            INDArray input = RnnNets.indices(RnnNets.ids(window, BATCH, STEPS, VOCABULARY)).castTo(DataType.FLOAT);
            int[] targets = new int[BATCH * STEPS];
            for (int r = 0; r < targets.length; r++) {
                targets[r] = r == 5 ? -1 : random.nextInt(VOCABULARY);
            }
            double[] logProbabilities = shortcut.rnnTimeStepTargetLogProbabilities(input, targets);
            INDArray p = reference.rnnTimeStep(input);
            for (int r = 0; r < targets.length; r++) {
                if (targets[r] < 0) {
                    assertTrue(Double.isNaN(logProbabilities[r]), "row " + r + " has no target");
                    continue;
                }
                double expected = Math.log(p.getDouble(r % BATCH, targets[r], r / BATCH));
                assertEquals(expected, logProbabilities[r], 1e-4, "window " + window + ", row " + r);
            }
        }
    }
}
