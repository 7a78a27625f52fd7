package pena.layers;

import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's example of the library, as written there: a stacked GRU network in a plain
 * {@code MultiLayerConfiguration}, trained window by window with the state carried, saved and
 * restored by DL4J's own {@code ModelSerializer}.
 */
class LibraryExampleTest {
    @Test
    void theReadmeExampleTrainsAndSurvivesTheModelFile() throws IOException {
        int vocabulary = 20;
        // --- as in the README
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(42).updater(new Adam(2e-3)).list()
                .layer(new Gru.Builder().nIn(vocabulary).nOut(64).build())
                .layer(new Gru.Builder().nIn(64).nOut(64).build())
                .layer(new TimeMajorOutput.Builder(LossFunctions.LossFunction.MCXENT)
                        .activation(new RowSoftmax()).nIn(64).nOut(vocabulary).build())
                .backpropType(BackpropType.TruncatedBPTT).tBPTTForwardLength(32).tBPTTBackwardLength(32)
                .build();
        StatefulNetwork network = new StatefulNetwork(conf);
        network.init();
        // ---
        INDArray[] window = RnnNets.window(1, 8, 32, vocabulary);
        double first = network.score(new org.nd4j.linalg.dataset.DataSet(window[0], window[1]));
        for (int k = 0; k < 80; k++) {
            network.fit(window[0], window[1]);
        }
        double last = network.score(new org.nd4j.linalg.dataset.DataSet(window[0], window[1]));
        assertTrue(last < 0.8 * first, "the loss went from " + first + " to " + last);

        assertEquals(conf, MultiLayerConfiguration.fromJson(conf.toJson()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(network, bytes, true);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes.toByteArray()), true);
        assertEquals(DataType.FLOAT, restored.params().dataType());
        network.rnnClearPreviousState();
        assertArrayEquals(network.output(window[0]).dup().data().asFloat(), restored.output(window[0]).dup().data().asFloat(),
                1e-6f);
    }
}
