package pena.data;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class WindowArraysTest {

    @Test
    void oneHotPutsEachIdAtItsRowAndTime() {
        INDArray x = WindowArrays.oneHot(new int[][]{{2, 0, -1}, {1, 1, 3}}, 4);
        assertArrayEquals(new long[]{2, 4, 3}, x.shape());
        assertEquals(1.0, x.getDouble(0, 2, 0));
        assertEquals(1.0, x.getDouble(0, 0, 1));
        assertEquals(0.0, x.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(2)).sumNumber().doubleValue());
        assertEquals(1.0, x.getDouble(1, 3, 2));
        assertEquals(6 - 1, x.sumNumber().intValue());
    }

    @Test
    void maskMarksPaddingAndIsAbsentWithoutIt() {
        Window padded = new Window(0, new int[][]{{1, 2, -1}}, new int[][]{{2, 3, -1}}, new boolean[]{true}, 2);
        assertArrayEquals(new float[]{1, 1, 0}, WindowArrays.targetMask(padded).toFloatVector());
        Window full = new Window(0, new int[][]{{1, 2}}, new int[][]{{2, 3}}, new boolean[]{true}, 2);
        assertNull(WindowArrays.targetMask(full));
        assertArrayEquals(new long[]{1, 1, 3}, WindowArrays.indexInputs(padded).shape());
    }
}
