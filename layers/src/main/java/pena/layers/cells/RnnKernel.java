package pena.layers.cells;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import pena.layers.kernels.BatchSplit;
import pena.layers.kernels.Blas;
import pena.layers.kernels.FloatMath;
import pena.layers.kernels.State;
import pena.layers.kernels.WindowProducts;

import java.util.Arrays;

/**
 * The plain RNN over a window in single precision: per time step one {@code cblas_sgemm} for
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
        INDArray activations = arrays.activations.get(DataType.FLOAT, (long) steps * batch, n);
        WindowProducts.inputProduct(window.x(), window.hot(), weights.inputWeights(), weights.bias(), activations);
        INDArray hArray = arrays.h.get(DataType.FLOAT, (long) (steps + 1) * batch, n);
        float[] act = arrays.activationRows.get(steps * batch * n);
        float[] h = arrays.hRows.get((steps + 1) * batch * n);
        float[] recurrent = arrays.recurrentRows.get(batch * n);
        float[] keep = window.keep();
        Blas.Matrix activationsM = Blas.of(activations);
        Blas.Matrix hM = Blas.of(hArray);
        Blas.Matrix rwT = Blas.transposeOf(weights.recurrentWeights()); // RWᵀ [n, n], DL4J's column-major RW in place
        Blas.Matrix recurrentM = Blas.of(arrays.recurrent.get(DataType.FLOAT, batch, n));
        State.read(startH, h);
        hM.rows(0, batch).write(h, 0);
        BatchSplit.run(batch, (from, to) -> {
            int rows = to - from;
            Blas.Matrix recurrentPart = recurrentM.rows(from, rows);
            for (int t = 0; t < steps; t++) {
                Blas.gemm(hM.rows((long) t * batch + from, rows), false, rwT, true, 0f, recurrentPart); // h(t-1)·RW
                recurrentPart.read(recurrent, from * n);
                int first = (t * batch + from) * n;
                activationsM.rows((long) t * batch + from, rows).read(act, first);
                for (int k = 0; k < rows * n; k++) {
                    act[first + k] += recurrent[from * n + k];
                }
                FloatMath.tanh(act, first, first + rows * n);
                for (int b = from; b < to; b++) {
                    int row = (t * batch + b) * n;
                    int after = ((t + 1) * batch + b) * n;
                    float m = keep == null ? 1f : keep[t * batch + b]; // a padded step: zero output and state
                    for (int j = 0; j < n; j++) {
                        h[after + j] = act[row + j] * m;
                    }
                }
                hM.rows((long) (t + 1) * batch + from, rows).write(h, ((t + 1) * batch + from) * n);
            }
        });
        return new RnnPass(window, n, activations, hArray, h, act);
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
        Blas.Matrix rwT = Blas.transposeOf(weights.recurrentWeights());
        Blas.Matrix fromRecurrentM = Blas.of(arrays.fromRecurrent.get(DataType.FLOAT, batch, n));
        float[] dStep = arrays.dPreStep.get(batch * n);
        float[] dNext = arrays.dNextRows.get(batch * n);        // dL/dh(t) from step t+1
        float[] fromRecurrent = arrays.fromRecurrentRows.get(batch * n);
        Arrays.fill(dNext, 0, batch * n, 0f);
        BatchSplit.run(batch, (from, to) -> {
            int rows = to - from;
            Blas.Matrix fromRecurrentPart = fromRecurrentM.rows(from, rows);
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
                    Blas.gemm(step, false, rwT, false, 0f, fromRecurrentPart);
                    fromRecurrentPart.read(fromRecurrent, from * n);
                    System.arraycopy(fromRecurrent, from * n, dNext, from * n, rows * n);
                }
            }
        });
        INDArray x = pass.window.x();
        INDArray dx = arrays.dx.get(DataType.FLOAT, (long) steps * batch, x.size(1));
        INDArray ones = arrays.ones.get(DataType.FLOAT, (long) steps * batch);
        WindowProducts.gradients(x, pass.window.hot(), dPre, pass.allHBefore(), dPre, weights.inputWeights(),
                ones, gradients.inputWeights(), gradients.bias(), gradients.recurrentWeights(), dx);
        return dx;
    }
}
