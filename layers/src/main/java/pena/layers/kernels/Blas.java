package pena.layers.kernels;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Single-precision matrix products straight through OpenBLAS's {@code cblas_sgemm} (the
 * library ND4J itself calls), on row-major arrays addressed by an element offset. A time step's
 * product through {@code Nd4j.gemm} first builds views of both operands and the result, which
 * costs more than the product of a [32, 256] by [256, 1024] block; here a step is one native call.
 */
public final class Blas {
    private static final int ROW_MAJOR = 101;
    private static final int NO_TRANS = 111;
    private static final int TRANS = 112;

    private Blas() {
    }

    /**
     * A row-major float matrix stored from {@code offset} of {@code data}, rows {@code ld} apart.
     * Every call positions a pointer of its own, so matrices may share {@code data}.
     */
    public record Matrix(FloatPointer data, long offset, int rows, int cols, int ld) {
        /** Rows [from, from + count) as a matrix of their own. */
        public Matrix rows(long from, int count) {
            return new Matrix(data, offset + from * ld, count, cols, ld);
        }

        /** Columns [from, from + count): same rows, the same leading dimension. */
        public Matrix cols(int from, int count) {
            return new Matrix(data, offset + from, rows, count, ld);
        }

        /** Copies the rows [0, rows) of columns [0, cols) into {@code target} from {@code at}, row after row. */
        public void read(float[] target, int at) {
            copy(target, at, true);
        }

        /** Writes {@code rows·cols} values of {@code source} from {@code at} into this matrix. */
        public void write(float[] source, int at) {
            copy(source, at, false);
        }

        /** One bulk copy when the rows lie back to back, else one per row. */
        private void copy(float[] java, int at, boolean toJava) {
            FloatPointer cursor = new FloatPointer(data);
            int runs = cols == ld ? 1 : rows;
            int run = cols == ld ? rows * cols : cols;
            for (int r = 0; r < runs; r++) {
                cursor.position(offset + (long) r * ld);
                if (toJava) {
                    cursor.get(java, at + r * run, run);
                } else {
                    cursor.put(java, at + r * run, run);
                }
            }
        }
    }

    /**
     * A contiguous row-major float array as a matrix. The array must be 'c' ordered without
     * gaps (Pena's window buffers, or a {@code dup('c')}); anything else is refused.
     */
    public static Matrix of(INDArray array) {
        if (array.rank() != 2 || array.ordering() != 'c' || !gapless(array)) {
            throw new IllegalArgumentException("not a contiguous row-major matrix: " + array.shapeInfoToString());
        }
        return new Matrix(pointer(array), start(array), (int) array.size(0), (int) array.size(1), (int) array.size(1));
    }

    /**
     * A float [B, C, T] array in 'f' order without gaps (DL4J's recurrent layout) as the row-major
     * matrix [T·C, B] it is in memory: rows [t·C, (t+1)·C) are step t's [C, B] block, the
     * transpose of that step's [B, C] rows.
     */
    public static Matrix of3d(INDArray array) {
        if (!TimeMajor.applies(array)) {
            throw new IllegalArgumentException("not a gapless [batch, size, T] 'f' array: " + array.shapeInfoToString());
        }
        int batch = (int) array.size(0);
        return new Matrix(pointer(array), start(array), (int) (array.size(1) * array.size(2)), batch, batch);
    }

    /** A vector [c] or [1, c] float array (either order: one row is the same memory) as a one-row matrix. */
    public static Matrix ofRow(INDArray array) {
        boolean vector = array.rank() == 1 && (array.length() == 1 || array.stride(0) == 1);
        boolean row = array.rank() == 2 && array.size(0) == 1 && (array.size(1) == 1 || array.stride(1) == 1);
        if (!vector && !row) {
            throw new IllegalArgumentException("not a gapless row: " + array.shapeInfoToString());
        }
        int length = (int) array.length();
        return new Matrix(pointer(array), start(array), 1, length, length);
    }

    /**
     * A contiguous column-major float array [r, c] (DL4J's weight and gradient views) as the
     * row-major matrix [c, r] it is in memory: its transpose, sharing the memory.
     */
    public static Matrix transposeOf(INDArray array) {
        if (array.rank() != 2 || array.ordering() != 'f' || !gapless(array)) {
            throw new IllegalArgumentException("not a contiguous column-major matrix: " + array.shapeInfoToString());
        }
        return new Matrix(pointer(array), start(array), (int) array.size(1), (int) array.size(0), (int) array.size(0));
    }

    /** Whether every element of the float array lies in one gapless block in its own order. */
    public static boolean gapless(INDArray array) {
        if (array.dataType() != DataType.FLOAT || array.isEmpty()) {
            return false;
        }
        // the strides of its own order, dimensions of size 1 excepted (their stride does not matter;
        // ND4J's own check refuses e.g. [1, 256, T] 'f' with strides [1, 1, 256])
        long[] shape = array.shape();
        long[] stride = array.stride();
        long expected = 1;
        boolean c = array.ordering() == 'c';
        for (int k = 0; k < shape.length; k++) {
            int d = c ? shape.length - 1 - k : k;
            if (shape[d] != 1 && stride[d] != expected) {
                return false;
            }
            expected *= shape[d];
        }
        return true;
    }

    /** Copies a gapless array's elements, in memory order, into {@code target} from 0. */
    public static void readAll(INDArray array, float[] target) {
        new FloatPointer(pointer(array)).position(start(array)).get(target, 0, (int) array.length());
    }

    /** Writes {@code array.length()} values of {@code source} from 0 into a gapless array, in memory order. */
    public static void writeAll(float[] source, INDArray array) {
        new FloatPointer(pointer(array)).position(start(array)).put(source, 0, (int) array.length());
    }

    /**
     * A gapless float array's memory as a byte buffer in the platform's byte order, byte 0 its
     * element 0, for code that reads and writes it in place. At most 2 GB (a byte buffer's limit).
     */
    public static java.nio.ByteBuffer bytesOf(INDArray array) {
        if (!gapless(array) || array.length() * Float.BYTES > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("not a gapless float array under 2 GB: " + array.shapeInfoToString());
        }
        long from = start(array) * Float.BYTES;
        long to = from + array.length() * Float.BYTES;
        org.bytedeco.javacpp.BytePointer bytes = new org.bytedeco.javacpp.BytePointer(pointer(array));
        bytes.capacity(to).limit(to).position(from);
        return bytes.asByteBuffer().order(java.nio.ByteOrder.nativeOrder());
    }

    private static FloatPointer pointer(INDArray array) {
        if (array.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException("not a float array: " + array.dataType());
        }
        return new FloatPointer(array.data().addressPointer());
    }

    /** Element (0, 0) counted from the data buffer's address (a view's buffer starts at its own offset). */
    private static long start(INDArray array) {
        return array.offset() - array.data().offset();
    }

    private static FloatPointer at(Matrix matrix) {
        return new FloatPointer(matrix.data()).position(matrix.offset());
    }

    /** c = op(a)·op(b) + beta·c, op transposing when asked. */
    public static void gemm(Matrix a, boolean transA, Matrix b, boolean transB, float beta, Matrix c) {
        int m = transA ? a.cols() : a.rows();
        int k = transA ? a.rows() : a.cols();
        int n = transB ? b.rows() : b.cols();
        int kb = transB ? b.cols() : b.rows();
        if (k != kb || c.rows() != m || c.cols() != n) {
            throw new IllegalArgumentException("gemm shapes: [" + m + "x" + k + "]·[" + kb + "x" + n + "] into ["
                    + c.rows() + "x" + c.cols() + "]");
        }
        openblas_nolapack.cblas_sgemm(ROW_MAJOR, transA ? TRANS : NO_TRANS, transB ? TRANS : NO_TRANS, m, n, k, 1f,
                at(a), a.ld(), at(b), b.ld(), beta, at(c), c.ld());
    }
}
