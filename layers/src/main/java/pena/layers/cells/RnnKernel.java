package pena.layers.cells;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import pena.layers.kernels.BatchSplit;
import pena.layers.kernels.Blas;
import pena.layers.kernels.FloatMath;
import pena.layers.kernels.State;
import pena.layers.kernels.StepProduct;
import pena.layers.kernels.WindowProducts;

import java.util.Arrays;

/**
 * The plain RNN over a window in single precision: per time step one {@link StepProduct} for
 * h(t-1)·RW and the tanh in a Java loop, the batch cut over the cores; the window's x·W before
 * the steps and its weight products after them are {@link WindowProducts}. Gives what
 * {@link RnnReference} gives, to float rounding.
 */
public final class RnnKernel {
    private RnnKernel() {
    }

    /** The forward pass from the start state [batch, n]. */
    public static RnnPass forward(Window window, RnnArrays arrays, INDArray startH, CellParameters weights) {
        int steps = window.steps();
        int batch = window.batch();
        int n = (int) startH.size(1);
        INDArray hArray = arrays.h.get(DataType.FLOAT, (long) (steps + 1) * batch, n);
        float[] act = arrays.activationRows.get(steps * batch * n);
        float[] h = arrays.hRows.get((steps + 1) * batch * n);
        float[] keep = window.keep();
        float[] rw = StepProduct.rowsOf(weights.recurrentWeights(), arrays.rwScratch, arrays.rwRows); // RW [n, n]
        WindowProducts.inputProduct(window.x(), window.hot(), weights.inputWeights(), weights.bias(), act,
                arrays.input); // x·W + b of every step
        State.read(startH, h);
        BatchSplit.run(batch, (from, to) -> {
            int rows = to - from;
            for (int t = 0; t < steps; t++) {
                int first = (t * batch + from) * n;
                StepProduct.multiply(h, first, n, rw, n, act, first, n, rows, n, n, true); // + h(t-1)·RW
                FloatMath.tanh(act, first, first + rows * n);
                for (int b = from; b < to; b++) {
                    int row = (t * batch + b) * n;
                    int after = ((t + 1) * batch + b) * n;
                    float m = keep == null ? 1f : keep[t * batch + b]; // a padded step: zero output and state
                    for (int j = 0; j < n; j++) {
                        h[after + j] = act[row + j] * m;
                    }
                }
            }
        });
        Blas.of(hArray).write(h, 0); // the layer's output and the operand of dRW
        return new RnnPass(window, n, null, hArray, h, act);
    }

    /**
     * The backward pass of a pass this kernel computed: steps back from the last, filling
     * dL/d(pre-activation) (the same for the input and the recurrent side), then the window's
     * products. Fills the gradient views and returns dL/dx.
     */
    public static INDArray backward(RnnPass pass, RnnArrays arrays, INDArray epsilon, CellParameters weights,
                                    CellParameters gradients) {
        int n = pass.n;
        int steps = pass.steps;
        int batch = pass.batch;
        float[] act = pass.activationRows;
        float[] keep = pass.window.keep();
        float[] epsilonRows = pass.epsilonRows(epsilon, arrays.epsilonRows);
        INDArray dPre = arrays.dPre.get(DataType.FLOAT, (long) steps * batch, n);
        Blas.Matrix dPreM = Blas.of(dPre);
        float[] rwT = StepProduct.transposedRowsOf(weights.recurrentWeights(), arrays.rwTRows); // RWᵀ [n, n]
        float[] dStep = arrays.dPreStep.get(batch * n);
        float[] dNext = arrays.dNextRows.get(batch * n);        // dL/dh(t) from step t+1
        Arrays.fill(dNext, 0, batch * n, 0f);
        BatchSplit.run(batch, (from, to) -> {
            int rows = to - from;
            for (int t = steps - 1; t >= 0; t--) {
                for (int b = from; b < to; b++) {
                    int here = (t * batch + b) * n;
                    int carry = b * n;
                    float m = keep == null ? 1f : keep[t * batch + b];
                    for (int j = 0; j < n; j++) {
                        float a = act[here + j];
                        dStep[carry + j] = (epsilonRows[here + j] + dNext[carry + j]) * m * (1f - a * a);
                    }
                }
                Blas.Matrix step = dPreM.rows((long) t * batch + from, rows);
                step.write(dStep, from * n);
                if (t > 0) { // dL/dh(t-1) = d(t)·RWᵀ
                    StepProduct.multiply(dStep, from * n, n, rwT, n, dNext, from * n, n, rows, n, n, false);
                }
            }
        });
        INDArray x = pass.window.x();
        INDArray dx = pass.inputGradientWanted ? arrays.dx.get(DataType.FLOAT, (long) steps * batch, x.size(1)) : null;
        INDArray ones = arrays.ones.get(DataType.FLOAT, (long) steps * batch);
        WindowProducts.gradients(x, pass.window.hot(), dPre, pass.allHBefore(), dPre, weights.inputWeights(),
                ones, gradients.inputWeights(), gradients.bias(), gradients.recurrentWeights(), dx);
        return dx;
    }
}
