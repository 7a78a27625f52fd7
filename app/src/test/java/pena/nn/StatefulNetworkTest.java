package pena.nn;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import pena.TestModels;
import pena.layers.StatefulNetwork;
import pena.data.WindowArrays;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Training carries the recurrent state from one window to the next: after fitting window 2,
 * the state a layer carries must be the state a forward pass over windows 1 and 2 reaches, not
 * the one window 2 alone reaches. (Parameters are frozen, so the forward passes are comparable.)
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
        float[] trained = network.trainingState().get(1).get("h").dup().data().asFloat();

        network.clearInferenceState();
        network.rnnTimeStep(inputs(0, 2 * WINDOW));
        float[] carried = network.rnnGetPreviousState(1).get("h").dup().data().asFloat();
        network.clearInferenceState();
        network.rnnTimeStep(inputs(WINDOW, WINDOW));
        float[] fromZero = network.rnnGetPreviousState(1).get("h").dup().data().asFloat();

        assertArrayEquals(carried, trained, 1e-5f, "window 2 was not continued from window 1");
        assertTrue(maxDifference(fromZero, trained) > 1e-3, "the test cannot tell carried from reset state");
    }

    @Test
    void resetStreamsZeroesOnlyTheMarkedStreams() {
        StatefulNetwork network = TestModels.frozenNetwork(TestModels.spec(1, 8, VOCABULARY, WINDOW));
        network.fit(inputs(0, WINDOW), targets(0, WINDOW));
        network.resetStreams(new boolean[]{true, false, false});
        network.fit(inputs(WINDOW, WINDOW), targets(WINDOW, WINDOW));
        INDArray trained = network.trainingState().get(0).get("h");

        network.clearInferenceState();
        network.rnnTimeStep(inputs(0, 2 * WINDOW));
        INDArray carried = network.rnnGetPreviousState(0).get("h").dup();
        network.clearInferenceState();
        network.rnnTimeStep(inputs(WINDOW, WINDOW));
        INDArray fromZero = network.rnnGetPreviousState(0).get("h").dup();

        assertArrayEquals(fromZero.getRow(0).dup().data().asFloat(), trained.getRow(0).dup().data().asFloat(), 1e-5f);
        for (int b = 1; b < BATCH; b++) {
            assertArrayEquals(carried.getRow(b).dup().data().asFloat(), trained.getRow(b).dup().data().asFloat(), 1e-5f);
        }
    }

    private static double maxDifference(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
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
