package pena.layers.cells;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import pena.layers.kernels.BatchSplit;
import pena.layers.kernels.Blas;
import pena.layers.kernels.FloatMath;
import pena.layers.kernels.State;
import pena.layers.kernels.StepProduct;
import pena.layers.kernels.WindowProducts;

import java.util.Arrays;

import static pena.layers.cells.GruGate.CANDIDATE;
import static pena.layers.cells.GruGate.RESET;
import static pena.layers.cells.GruGate.UPDATE;

/**
 * The reset-after GRU (the default, see {@code pena.layers.Gru}) over a window in single
 * precision: per time step one {@link StepProduct} for h(t-1)·RW (all three blocks of
 * {@link GruGate}) and the gate arithmetic in Java loops, the batch cut over the cores; the
 * window's x·W before the steps and its weight products after them are {@link WindowProducts}.
 * Gives what {@link GruReference} gives, to float rounding. The steps work on Java arrays; h
 * goes to the pass's ND4J array after the last step (the layer's output, the operand of dRW).
 */
public final class GruKernel {
    private GruKernel() {
    }

    /** The forward pass from the start state [batch, n]. */
    public static GruPass forward(Window window, GruArrays arrays, INDArray startH, CellParameters weights) {
        int steps = window.steps();
        int batch = window.batch();
        int n = (int) startH.size(1);
        int width = GruGate.BLOCKS * n;
        int z = UPDATE.from(n);
        int r = RESET.from(n);
        int candidate = CANDIDATE.from(n);
        INDArray hArray = arrays.h.get(DataType.FLOAT, (long) (steps + 1) * batch, n);
        float[] act = arrays.gateRows.get(steps * batch * width);
        float[] part = arrays.candidatePartRows.get(steps * batch * n);
        float[] h = arrays.hRows.get((steps + 1) * batch * n);
        float[] recurrent = arrays.recurrentRows.get(batch * width);
        float[] rb = weights.recurrentBias().dup('c').data().asFloat();
        float[] keep = window.keep();
        float[] rw = StepProduct.rowsOf(weights.recurrentWeights(), arrays.rwScratch, arrays.rwRows); // RW [n, 3n]
        WindowProducts.inputProduct(window.x(), window.hot(), weights.inputWeights(), weights.bias(), act,
                arrays.input); // x·W + b of every step
        State.read(startH, h);
        BatchSplit.run(batch, (from, to) -> {
            int rows = to - from;
            float[] pre = new float[n]; // the candidate's pre-activation, in an array of its own

            for (int t = 0; t < steps; t++) {
                StepProduct.multiply(h, (t * batch + from) * n, n, rw, width, recurrent, from * width, width, rows,
                        width, n, false); // h(t-1)·RW
                for (int b = from; b < to; b++) {
                    int row = (t * batch + b) * width;
                    int rec = b * width;
                    int before = (t * batch + b) * n;
                    int after = ((t + 1) * batch + b) * n;
                    float m = keep == null ? 1f : keep[t * batch + b];
                    // z and r, the sigmoid gates (the blocks before the candidate); the activations run
                    // as FloatMath's range loops, which the JIT vectorizes (inlined here they were not)
                    for (int k = z; k < candidate; k++) {
                        act[row + k] += recurrent[rec + k];
                    }
                    FloatMath.sigmoid(act, row + z, row + candidate);
                    for (int j = 0; j < n; j++) { // h(t-1)·RW_h + RB, kept for the backward pass
                        part[before + j] = recurrent[rec + candidate + j] + rb[j];
                    }
                    for (int j = 0; j < n; j++) { // h̃ = tanh(x·W_h + b_h + r * (h(t-1)·RW_h + RB))
                        pre[j] = act[row + candidate + j] + act[row + r + j] * part[before + j];
                    }
                    FloatMath.tanh(pre, 0, n);
                    System.arraycopy(pre, 0, act, row + candidate, n);
                    for (int j = 0; j < n; j++) { // h = h(t-1) + z * (h̃ - h(t-1))
                        float previous = h[before + j];
                        h[after + j] = (previous + act[row + z + j] * (act[row + candidate + j] - previous)) * m;
                    }
                }
            }
        });
        Blas.of(hArray).write(h, 0); // the layer's output and the operand of dRW
        return new GruPass(window, n, null, hArray, h, act, part);
    }

    /**
     * The backward pass of a pass this kernel computed: steps back from the last, filling
     * dL/d(pre-activation) of the gates' input side (dGates) and recurrent side (dRecurrent: dz,
     * dr, r * dh̃), then the window's products. Fills the gradient views and returns dL/dx.
     */
    public static INDArray backward(GruPass pass, GruArrays arrays, INDArray epsilon, CellParameters weights,
                                    CellParameters gradients) {
        int n = pass.n;
        int width = GruGate.BLOCKS * n;
        int steps = pass.steps;
        int batch = pass.batch;
        int zAt = UPDATE.from(n);
        int rAt = RESET.from(n);
        int candidateAt = CANDIDATE.from(n);
        float[] act = pass.gateRows;
        float[] part = pass.candidatePartRows;
        float[] h = pass.hRows;
        float[] keep = pass.window.keep();
        float[] epsilonRows = pass.epsilonRows(epsilon, arrays.epsilonRows);
        INDArray dGates = arrays.dGates.get(DataType.FLOAT, (long) steps * batch, width);
        INDArray dRecurrent = arrays.dRecurrent.get(DataType.FLOAT, (long) steps * batch, width);
        Blas.Matrix dGatesM = Blas.of(dGates);
        Blas.Matrix dRecurrentM = Blas.of(dRecurrent);
        float[] rwT = StepProduct.transposedRowsOf(weights.recurrentWeights(), arrays.rwTRows); // RWᵀ [3n, n]
        float[] dStep = arrays.dGateStep.get(batch * width);
        float[] dRecStep = arrays.dRecurrentStep.get(batch * width);
        float[] dNext = arrays.dNextRows.get(batch * n);        // dL/dh(t) from step t+1
        float[] fromRecurrent = arrays.fromRecurrentRows.get(batch * n);
        Arrays.fill(dNext, 0, batch * n, 0f);
        BatchSplit.run(batch, (from, to) -> {
            int rows = to - from;
            // dz, dr and dh̃ of one row, each in an array of its own: a loop storing into one array
            // at several offsets is not vectorized by the JIT; copied into the step's rows after
            float[] dzRow = new float[n];
            float[] drRow = new float[n];
            float[] dCandidateRow = new float[n];
            for (int t = steps - 1; t >= 0; t--) {
                for (int b = from; b < to; b++) {
                    int row = (t * batch + b) * width;
                    int here = (t * batch + b) * n;  // ε(t), h(t-1) in h, part(t)
                    int out = b * width;
                    int carry = b * n;
                    float m = keep == null ? 1f : keep[t * batch + b];
                    for (int j = 0; j < n; j++) {
                        float dh = (epsilonRows[here + j] + dNext[carry + j]) * m;
                        float z = act[row + zAt + j];
                        float r = act[row + rAt + j];
                        float candidate = act[row + candidateAt + j];
                        float previous = h[here + j];
                        float dz = dh * (candidate - previous) * z * (1f - z);
                        float dCandidate = dh * z * (1f - candidate * candidate);
                        float dr = dCandidate * part[here + j] * r * (1f - r);
                        dzRow[j] = dz;
                        drRow[j] = dr;
                        dCandidateRow[j] = dCandidate;
                        dNext[carry + j] = dh * (1f - z);
                    }
                    System.arraycopy(dzRow, 0, dStep, out + zAt, n);
                    System.arraycopy(drRow, 0, dStep, out + rAt, n);
                    System.arraycopy(dCandidateRow, 0, dStep, out + candidateAt, n);
                    System.arraycopy(dzRow, 0, dRecStep, out + zAt, n);
                    System.arraycopy(drRow, 0, dRecStep, out + rAt, n);
                    for (int j = 0; j < n; j++) { // the candidate's recurrent side: r * dh̃
                        dRecStep[out + candidateAt + j] = dCandidateRow[j] * act[row + rAt + j];
                    }
                }
                dGatesM.rows((long) t * batch + from, rows).write(dStep, from * width);
                dRecurrentM.rows((long) t * batch + from, rows).write(dRecStep, from * width);
                if (t > 0) { // dL/dh(t-1) = (1 - z) * dh + dRecurrent(t)·RWᵀ
                    StepProduct.multiply(dRecStep, from * width, width, rwT, n, fromRecurrent, from * n, n, rows, n,
                            width, false);
                    for (int k = from * n; k < to * n; k++) {
                        dNext[k] += fromRecurrent[k];
                    }
                }
            }
        });
        INDArray x = pass.window.x();
        INDArray dx = pass.inputGradientWanted ? arrays.dx.get(DataType.FLOAT, (long) steps * batch, x.size(1)) : null;
        INDArray ones = arrays.ones.get(DataType.FLOAT, (long) steps * batch);
        WindowProducts.gradients(x, pass.window.hot(), dGates, pass.allHBefore(), dRecurrent, weights.inputWeights(),
                ones, gradients.inputWeights(), gradients.bias(), gradients.recurrentWeights(), dx);
        Nd4j.gemm(ones, dRecurrent.get(NDArrayIndex.all(), NDArrayIndex.interval(CANDIDATE.from((long) n),
                CANDIDATE.to((long) n))), gradients.recurrentBias(), false, false, 1.0, 0.0); // dRB = Σ r * dh̃
        return dx;
    }
}
