package pena.layers.step;

import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import pena.layers.RnnNets;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The one-token stepper gives the probabilities DL4J's rnnTimeStep gives, step after step, for
 * every cell the library has (and DL4J's own LSTM), one-hot and embedding input; and it shows
 * the recorder each gate under the course's name.
 */
class TokenStepperTest {
    private static final int VOCABULARY = 9;

    @Test
    void everyCellStepsAsRnnTimeStepDoes() {
        List<BiFunction<Integer, Integer, Layer>> cells = List.of(RnnNets.lstm(), RnnNets.gru(true), RnnNets.gru(false),
                RnnNets.dl4jLstm(), RnnNets.rnn());
        for (BiFunction<Integer, Integer, Layer> cell : cells) {
            for (int embedding : new int[]{0, 5}) {
                MultiLayerNetwork network = RnnNets.network(cell, 2, VOCABULARY, 12, embedding, 0);
                TokenStepper stepper = TokenStepper.of(network).orElseThrow();
                Random random = new Random(3);
                network.rnnClearPreviousState();
                for (int step = 0; step < 10; step++) {
                    int token = random.nextInt(VOCABULARY);
                    int[][] ids = {{token}};
                    INDArray input = embedding > 0 ? RnnNets.indices(ids) : RnnNets.oneHot(ids, VOCABULARY);
                    float[] expected = network.rnnTimeStep(input)
                            .get(NDArrayIndex.point(0), NDArrayIndex.all(), NDArrayIndex.point(0)).toFloatVector();
                    assertArrayEquals(expected, stepper.next(token), 1e-5f,
                            network.getLayer(embedding > 0 ? 1 : 0).getClass().getSimpleName() + " embedding "
                                    + embedding + ", step " + step);
                }
            }
        }
    }

    @Test
    void theRecorderSeesEachGateUnderItsCourseName() {
        MultiLayerNetwork lstm = RnnNets.network(RnnNets.lstm(), 1, VOCABULARY, 6, 0, 0);
        MultiLayerNetwork gru = RnnNets.network(RnnNets.gru(true), 1, VOCABULARY, 6, 0, 0);
        assertEquals(List.of("i", "f", "o", "g", "c", "h"), recorded(lstm));
        assertEquals(List.of("z", "r", "n", "h"), recorded(gru));
        assertEquals(List.of("h"), recorded(RnnNets.network(RnnNets.rnn(), 1, VOCABULARY, 6, 0, 0)));
        assertEquals(recorded(lstm), TokenStepper.of(lstm).orElseThrow().quantities(0));
    }

    private static List<String> recorded(MultiLayerNetwork network) {
        List<String> names = new ArrayList<>();
        TokenStepper.of(network).orElseThrow().next(2, (layer, quantity, values) -> {
            assertEquals(6, values.length);
            names.add(quantity);
        });
        return names;
    }
}
