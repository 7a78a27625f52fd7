package pena.nn;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import pena.TestModels;
import pena.data.WindowArrays;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Training carries the recurrent state from one window to the next: the loss DL4J computes
 * for window 2 must be the loss of a forward pass that read window 1 first.
 */
class StatefulNetworkTest {
    private static final int VOCABULARY = 6;
    private static final int BATCH = 3;
    private static final int WINDOW = 5;

    private final int[][] ids = randomIds(new Random(11), BATCH, 2 * WINDOW + 1);

    @Test
    void theSecondWindowStartsFromTheStateTheFirstEndedIn() {
        StatefulNetwork network = TestModels.frozenNetwork(TestModels.spec(2, 8, VOCABULARY, WINDOW));
        network.fit(inputs(0, WINDOW), targets(0, WINDOW));
        network.fit(inputs(WINDOW, WINDOW), targets(WINDOW, WINDOW));
        double carriedScore = network.score();

        INDArray all = network.rnnTimeStep(inputs(0, 2 * WINDOW));
        network.clearInferenceState();
        double fromStart = loss(all, WINDOW, new boolean[]{false, false, false});
        double fromZero = loss(network.output(inputs(WINDOW, WINDOW)), 0, new boolean[]{false, false, false});

        assertEquals(fromStart, carriedScore, 1e-4 * fromStart, "window 2 was not continued from window 1");
        assertTrue(Math.abs(fromZero - carriedScore) > 1e-3, "the test cannot tell carried from reset state");
    }

    @Test
    void resetStreamsZeroesOnlyTheMarkedStreams() {
        StatefulNetwork network = TestModels.frozenNetwork(TestModels.spec(1, 8, VOCABULARY, WINDOW));
        network.fit(inputs(0, WINDOW), targets(0, WINDOW));
        network.resetStreams(new boolean[]{true, false, false});
        network.fit(inputs(WINDOW, WINDOW), targets(WINDOW, WINDOW));
        double score = network.score();

        INDArray carried = network.rnnTimeStep(inputs(0, 2 * WINDOW));
        network.clearInferenceState();
        INDArray fresh = network.output(inputs(WINDOW, WINDOW));
        // stream 0 from a zero state, streams 1 and 2 carried
        double expected = (loss(fresh, 0, new boolean[]{false, true, true}) * BATCH
                + loss(carried, WINDOW, new boolean[]{true, false, false}) * BATCH) / BATCH;
        assertEquals(expected, score, 1e-4 * expected);
    }

    /** Cross-entropy summed over the window's steps and the unskipped streams, divided by the batch (DL4J's score). */
    private double loss(INDArray probabilities, int offset, boolean[] skip) {
        double total = 0;
        for (int b = 0; b < BATCH; b++) {
            if (skip[b]) {
                continue;
            }
            for (int t = 0; t < WINDOW; t++) {
                int target = ids[b][WINDOW + t + 1];
                total -= Math.log(probabilities.getDouble(b, target, offset + t));
            }
        }
        return total / BATCH;
    }

    private INDArray inputs(int from, int length) {
        return WindowArrays.oneHot(slice(from, length), VOCABULARY);
    }

    private INDArray targets(int from, int length) {
        return WindowArrays.oneHot(slice(from + 1, length), VOCABULARY);
    }

    private int[][] slice(int from, int length) {
        int[][] out = new int[BATCH][length];
        for (int b = 0; b < BATCH; b++) {
            System.arraycopy(ids[b], from, out[b], 0, length);
        }
        return out;
    }

    private static int[][] randomIds(Random random, int batch, int length) {
        int[][] ids = new int[batch][length];
        for (int[] row : ids) {
            for (int t = 0; t < length; t++) {
                row[t] = random.nextInt(VOCABULARY);
            }
        }
        return ids;
    }
}
