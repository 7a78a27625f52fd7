package pena.nn;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import pena.data.WindowArrays;
import pena.layers.StatefulNetwork;
import pena.layers.step.TokenStepper;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** The plain-Java stepper gives the probabilities DL4J's rnnTimeStep gives, step after step, to 1e-5. */
class TokenStepperOnPenaNetworksTest {
    private static final int VOCABULARY = 11;

    @ParameterizedTest
    @EnumSource(CellType.class)
    void matchesRnnTimeStepWithOneHotInput(CellType cell) {
        compare(new NetworkSpec(TokenLevel.CHAR, cell, 2, 16, 0, 0, 0, 0, 5, 2e-3, 8, 3, VOCABULARY));
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void matchesRnnTimeStepWithEmbeddingAndDense(CellType cell) {
        compare(new NetworkSpec(TokenLevel.CHAR, cell, 3, 12, 6, 9, 0, 0, 5, 2e-3, 8, 3, VOCABULARY));
    }

    private static void compare(NetworkSpec spec) {
        StatefulNetwork network = new StatefulNetwork(NetworkFactory.configuration(spec));
        network.init();
        // larger weights than the initializer's, so the gates leave their linear region
        network.setParams(Nd4j.rand(network.params().dataType(), network.params().shape()).subi(0.5).muli(1.5));
        TokenStepper stepper = TokenStepper.of(network).orElseThrow();
        Random random = new Random(5);
        network.clearInferenceState();
        for (int step = 0; step < 12; step++) {
            int token = random.nextInt(VOCABULARY);
            int[][] ids = {{token}};
            INDArray input = spec.embedding() > 0 ? WindowArrays.indices(ids) : WindowArrays.oneHot(ids, VOCABULARY);
            float[] expected = network.rnnTimeStep(input)
                    .get(NDArrayIndex.point(0), NDArrayIndex.all(), NDArrayIndex.point(0)).toFloatVector();
            assertArrayEquals(expected, stepper.next(token), 1e-5f, "step " + step);
        }
    }
}
