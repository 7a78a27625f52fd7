package pena.layers.kernels;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The layout kernel alone: DL4J's [batch, features, T] 'f' arrays to time-major rows and back. */
class TimeMajorTest {
    private static final int BATCH = 5;
    private static final int FEATURES = 7;
    private static final int STEPS = 13; // enough steps to be cut over two cores

    @Test
    void rowsAreTimeMajorAndTheWayBackRestoresTheArray() {
        INDArray array = Nd4j.rand(DataType.FLOAT, BATCH, FEATURES, STEPS).dup('f');
        assertTrue(TimeMajor.applies(array));
        float[] rows = new float[(int) array.length()];
        TimeMajor.read(array, new float[rows.length], rows);
        for (int t = 0; t < STEPS; t++) {
            for (int b = 0; b < BATCH; b++) {
                for (int f = 0; f < FEATURES; f++) {
                    assertEquals(array.getFloat(b, f, t), rows[(t * BATCH + b) * FEATURES + f], "b " + b + " f " + f
                            + " t " + t);
                }
            }
        }
        INDArray back = Nd4j.createUninitialized(DataType.FLOAT, new long[]{BATCH, FEATURES, STEPS}, 'f');
        float[] offset = new float[rows.length + 3];
        System.arraycopy(rows, 0, offset, 3, rows.length);
        TimeMajor.write(offset, 3, new float[rows.length], back);
        assertArrayEquals(array.dup('c').data().asFloat(), back.dup('c').data().asFloat());
    }

    @Test
    void columnsAreTheRowsTransposed() {
        INDArray array = Nd4j.rand(DataType.FLOAT, BATCH, FEATURES, STEPS).dup('f');
        int total = BATCH * STEPS;
        float[] columns = new float[(int) array.length()];
        TimeMajor.readColumns(array, new float[columns.length], columns);
        for (int t = 0; t < STEPS; t++) {
            for (int b = 0; b < BATCH; b++) {
                for (int f = 0; f < FEATURES; f++) {
                    assertEquals(array.getFloat(b, f, t), columns[f * total + t * BATCH + b], "b " + b + " f " + f
                            + " t " + t);
                }
            }
        }
    }

    @Test
    void onlyGaplessFloatColumnMajorArraysApply() {
        assertFalse(TimeMajor.applies(Nd4j.rand(DataType.FLOAT, BATCH, FEATURES, STEPS).dup('c')));
        assertFalse(TimeMajor.applies(Nd4j.rand(DataType.DOUBLE, BATCH, FEATURES, STEPS).dup('f')));
        assertFalse(TimeMajor.applies(Nd4j.rand(DataType.FLOAT, BATCH, FEATURES)));
    }
}
