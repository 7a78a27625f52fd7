package pena.layers.kernels;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One [rows, cols] ND4J array kept from one window to the next while its shape and type stay
 * the same: allocating a fresh off-heap array per window costs more than filling it. Contents
 * are not cleared. A layer holds one of these per array it needs, as a named field. The array is
 * detached from DL4J's workspaces (it outlives the scope it was first asked for in).
 */
public final class ReusedArray {
    private INDArray array;

    /** The array, row-major, reallocated (uninitialised) when the shape or type changed. */
    public INDArray get(DataType type, long rows, long cols) {
        if (array == null || array.size(0) != rows || array.size(1) != cols || array.dataType() != type) {
            array = Nd4j.createUninitializedDetached(type, rows, cols);
        }
        return array;
    }
}
