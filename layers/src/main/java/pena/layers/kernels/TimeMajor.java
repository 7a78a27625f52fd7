package pena.layers.kernels;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Between DL4J's recurrent arrays [batch, features, T] in 'f' order (memory: batch fastest, then
 * features, then time) and Pena's time-major [T·batch, features] rows. For each step the block
 * [features, batch] becomes [batch, features]: a transpose per step, done here in Java. ND4J's
 * permuted assign does the same copy element by element through strides, several times slower.
 */
public final class TimeMajor {
    /** Steps per core below which a transpose is not worth splitting. */
    private static final int STEPS_PER_PART = 4;

    private TimeMajor() {
    }

    /** Whether {@code array} is a float [batch, features, T] in 'f' order without gaps (DL4J's usual layout). */
    public static boolean applies(INDArray array) {
        return array.rank() == 3 && array.ordering() == 'f' && Blas.gapless(array);
    }

    /** target[(t·B + b)·F + f] = array(b, f, t); {@code scratch} holds at least the array's length. */
    public static void read(INDArray array, float[] scratch, float[] target) {
        int batch = (int) array.size(0);
        int features = (int) array.size(1);
        int steps = (int) array.size(2);
        Blas.readAll(array, scratch);
        transposeSteps(scratch, 0, target, features, batch, steps); // each step's [F, B] block → [B, F]
    }

    /**
     * The same array as columns: target[f·(T·B) + t·B + b] = array(b, f, t), the transpose of
     * {@link #read}'s rows. In 'f' order each step is already a [F, B] block, so this is one copy
     * of B values per feature and step. {@code scratch} holds at least the array's length.
     */
    public static void readColumns(INDArray array, float[] scratch, float[] target) {
        int batch = (int) array.size(0);
        int features = (int) array.size(1);
        int steps = (int) array.size(2);
        int total = batch * steps;
        Blas.readAll(array, scratch);
        for (int t = 0; t < steps; t++) {
            for (int f = 0; f < features; f++) {
                System.arraycopy(scratch, batch * (f + features * t), target, f * total + t * batch, batch);
            }
        }
    }

    /** array(b, f, t) = source[from + (t·B + b)·F + f]; {@code scratch} holds at least the array's length. */
    public static void write(float[] source, int from, float[] scratch, INDArray array) {
        int batch = (int) array.size(0);
        int features = (int) array.size(1);
        int steps = (int) array.size(2);
        transposeSteps(source, from, scratch, batch, features, steps); // each step's [B, F] rows → [F, B]
        Blas.writeAll(scratch, array);
    }

    /**
     * For each of {@code steps} blocks of rows·cols values (block t from {@code from + t·rows·cols}
     * of {@code source}), writes its transpose [cols, rows] at the same place of {@code target}
     * (from 0); the steps are cut over the cores.
     */
    private static void transposeSteps(float[] source, int from, float[] target, int rows, int cols, int steps) {
        BatchSplit.run(steps, STEPS_PER_PART, (first, end) -> {
            for (int t = first; t < end; t++) {
                int block = t * rows * cols;
                for (int c = 0; c < cols; c++) {
                    int out = block + c * rows;
                    for (int r = 0; r < rows; r++) {
                        target[out + r] = source[from + block + r * cols + c];
                    }
                }
            }
        });
    }

    /**
     * A [B·T, C] array whose row t·B + b is step t of stream b (row-major or column-major, no
     * gaps) into DL4J's [B, C, T] 'f' layout: out(b, c, t) = rows(t·B + b, c).
     */
    public static void rowsTo3d(INDArray rows, float[] scratch, float[] target, INDArray out) {
        int batch = (int) out.size(0);
        int features = (int) out.size(1);
        int steps = (int) out.size(2);
        Blas.readAll(rows, scratch);
        if (rows.ordering() == 'c') {
            write(scratch, 0, target, out);
            return;
        }
        int total = batch * steps; // column-major rows: element (r, c) at r + c·B·T
        for (int t = 0; t < steps; t++) {
            for (int c = 0; c < features; c++) {
                int from = t * batch + c * total;
                int to = t * batch * features + c * batch;
                System.arraycopy(scratch, from, target, to, batch);
            }
        }
        Blas.writeAll(target, out);
    }
}
