package pena.layers.cells;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

/** Random windows and parameters in the layouts the cells' kernels take, for holding a kernel against its reference. */
final class CellKernels {
    private CellKernels() {
    }

    /** x [steps·batch, nIn]: one-hot rows (some all zero, as padding) or dense values; mask of varied lengths or none. */
    static Window window(long seed, int steps, int batch, int nIn, boolean oneHot, boolean masked) {
        Random random = new Random(seed);
        INDArray x = Nd4j.zeros(DataType.FLOAT, (long) steps * batch, nIn);
        int[] hot = oneHot ? new int[steps * batch] : null;
        INDArray mask = masked ? Nd4j.ones(DataType.FLOAT, (long) steps * batch, 1) : null;
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < batch; b++) {
                int row = t * batch + b;
                boolean padding = masked && t >= steps - b % 4;
                if (padding) {
                    mask.putScalar(row, 0, 0f);
                }
                if (oneHot) {
                    hot[row] = padding ? -1 : random.nextInt(nIn);
                    if (hot[row] >= 0) {
                        x.putScalar(row, hot[row], 1f);
                    }
                } else {
                    for (int k = 0; k < nIn; k++) {
                        x.putScalar(row, k, (float) random.nextGaussian());
                    }
                }
            }
        }
        return new Window(x, mask, hot, steps, batch);
    }

    /** Parameters spread over [-0.8, 0.8] in DL4J's layout: W and RW in 'f' order, b (and RB) rows. */
    static CellParameters parameters(long seed, int nIn, int n, int blocks, boolean recurrentBias) {
        return new CellParameters(uniform(seed, nIn, blocks * n), uniform(seed + 1, n, blocks * n),
                uniform(seed + 2, 1, blocks * n), recurrentBias ? uniform(seed + 3, 1, n) : null);
    }

    /** Gradient views, filled by a backward pass. */
    static CellParameters gradients(int nIn, int n, int blocks, boolean recurrentBias) {
        return new CellParameters(Nd4j.zeros(DataType.FLOAT, nIn, (long) blocks * n).dup('f'),
                Nd4j.zeros(DataType.FLOAT, n, (long) blocks * n).dup('f'),
                Nd4j.zeros(DataType.FLOAT, 1, (long) blocks * n), recurrentBias ? Nd4j.zeros(DataType.FLOAT, 1, n) : null);
    }

    static INDArray uniform(long seed, long rows, long cols) {
        INDArray values = Nd4j.rand(seed, new long[]{rows, cols}).castTo(DataType.FLOAT).subi(0.5).muli(1.6);
        return values.dup('f');
    }

    static INDArray gaussian(long seed, long rows, long cols) {
        Random random = new Random(seed);
        INDArray values = Nd4j.create(DataType.FLOAT, rows, cols);
        for (long r = 0; r < rows; r++) {
            for (long c = 0; c < cols; c++) {
                values.putScalar(r, c, (float) random.nextGaussian());
            }
        }
        return values;
    }

    /** The largest difference, relative to the expected array's largest value; fails on an all-zero expectation. */
    static double relativeDifference(INDArray expected, INDArray actual) {
        double scale = expected.amaxNumber().doubleValue();
        if (!(scale > 0)) {
            throw new AssertionError("the expected array is all zero");
        }
        return expected.sub(actual).amaxNumber().doubleValue() / Math.max(1e-3, scale);
    }
}
