package pena.nn;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import pena.TestModels;
import pena.layers.StatefulNetwork;
import pena.data.WindowArrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Sampling feeds one step at a time; it must see exactly what a full forward pass sees. */
class StepByStepTest {

    @Test
    void oneStepAtATimeEqualsTheFullSequence() {
        StatefulNetwork network = TestModels.network(TestModels.spec(2, 16, 7, 8));
        int[] ids = {1, 4, 2, 6, 0, 3, 5, 5, 2, 1};
        INDArray full = network.output(WindowArrays.oneHot(new int[][]{ids}, 7));
        network.clearInferenceState();
        for (int t = 0; t < ids.length; t++) {
            INDArray step = network.rnnTimeStep(WindowArrays.oneHot(new int[][]{{ids[t]}}, 7));
            float[] expected = full.get(NDArrayIndex.point(0), NDArrayIndex.all(), NDArrayIndex.point(t)).toFloatVector();
            float[] actual = step.get(NDArrayIndex.point(0), NDArrayIndex.all(), NDArrayIndex.point(0)).toFloatVector();
            assertArrayEquals(expected, actual, 1e-5f, "step " + t);
        }
    }
}
