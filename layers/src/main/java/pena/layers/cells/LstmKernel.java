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

import static pena.layers.cells.LstmGate.CANDIDATE;
import static pena.layers.cells.LstmGate.FORGET;
import static pena.layers.cells.LstmGate.INPUT;
import static pena.layers.cells.LstmGate.OUTPUT;

/**
 * The LSTM over a window in single precision: the equations of {@code pena.layers.Lstm}, the
 * gate layout of {@link LstmGate}, each time step one {@link StepProduct} for h(t-1)·RW and the
 * gate arithmetic in Java loops over the step's rows, the batch cut over the cores. Products
 * over the whole window (x·W before the steps; dW, dRW, db and dx after them) are
 * {@link WindowProducts}. Gives what {@link LstmReference} gives, to float rounding.
 *
 * <p>The steps work on Java arrays only (h, the gates, C); h goes to the pass's ND4J array once,
 * after the last step: it is the layer's output and the operand of dRW.
 */
public final class LstmKernel {
    private LstmKernel() {
    }

    /** The forward pass from the start states [batch, n]. */
    public static LstmPass forward(Window window, LstmArrays arrays, INDArray startH, INDArray startC,
                                   CellParameters weights) {
        int steps = window.steps();
        int batch = window.batch();
        int n = (int) startH.size(1);
        int width = LstmGate.BLOCKS * n;
        int g = CANDIDATE.from(n);
        int f = FORGET.from(n);
        int o = OUTPUT.from(n);
        int in = INPUT.from(n);
        INDArray hArray = arrays.h.get(DataType.FLOAT, (long) (steps + 1) * batch, n);
        INDArray cArray = arrays.c.get(DataType.FLOAT, (long) (steps + 1) * batch, n);
        float[] act = arrays.gateRows.get(steps * batch * width);
        float[] c = arrays.cRows.get((steps + 1) * batch * n);
        float[] tanhC = arrays.tanhCRows.get(steps * batch * n);
        float[] h = arrays.hRows.get((steps + 1) * batch * n);
        float[] keep = window.keep();
        float[] rw = StepProduct.rowsOf(weights.recurrentWeights(), arrays.rwScratch, arrays.rwRows); // RW [n, 4n]
        WindowProducts.inputProduct(window.x(), window.hot(), weights.inputWeights(), weights.bias(), act,
                arrays.input); // x·W + b of every step
        State.read(startH, h);
        State.read(startC, c);
        BatchSplit.run(batch, (from, to) -> {
            int rows = to - from;
            for (int t = 0; t < steps; t++) {
                int first = t * batch + from;
                StepProduct.multiply(h, first * n, n, rw, width, act, first * width, width, rows, width, n,
                        true); // + h(t-1)·RW
                for (int b = from; b < to; b++) {
                    int row = (t * batch + b) * width;
                    int before = (t * batch + b) * n;         // C(t-1), h(t-1)
                    int after = ((t + 1) * batch + b) * n;    // C(t), h(t)
                    float m = keep == null ? 1f : keep[t * batch + b];
                    FloatMath.tanh(act, row + g, row + g + n);
                    FloatMath.sigmoid(act, row + f, row + f + n);
                    FloatMath.sigmoid(act, row + o, row + o + n);
                    FloatMath.sigmoid(act, row + in, row + in + n);
                    // four loops the JIT vectorizes: C(t) goes through tanhC's block t first, since a
                    // loop that reads c at one offset and writes it at another is not vectorized
                    for (int j = 0; j < n; j++) {
                        tanhC[before + j] = act[row + f + j] * c[before + j] + act[row + in + j] * act[row + g + j]; // f*C + i*g
                    }
                    for (int j = 0; j < n; j++) {
                        c[after + j] = tanhC[before + j] * m;
                    }
                    FloatMath.tanh(tanhC, before, before + n);          // tanh(C(t)), block t
                    for (int j = 0; j < n; j++) {
                        h[after + j] = act[row + o + j] * tanhC[before + j] * m; // o * tanh(C)
                    }
                }
            }
        });
        Blas.of(hArray).write(h, 0); // the layer's output and the operand of dRW
        Blas.of(cArray).write(c, 0);
        return new LstmPass(window, n, null, hArray, cArray, h, act, c, tanhC);
    }

    /**
     * The backward pass of a pass this kernel computed: steps back from the last, then the
     * window's products. Fills the gradient views and returns dL/dx [T·batch, nIn].
     *
     * @param epsilon dL/dh of every step, time-major [T·batch, n] (read when the pass carries
     *                no {@link WindowPass#epsilonRows})
     */
    public static INDArray backward(LstmPass pass, LstmArrays arrays, INDArray epsilon, CellParameters weights,
                                    CellParameters gradients) {
        int n = pass.n;
        int width = LstmGate.BLOCKS * n;
        int steps = pass.steps;
        int batch = pass.batch;
        int g = CANDIDATE.from(n);
        int f = FORGET.from(n);
        int o = OUTPUT.from(n);
        int in = INPUT.from(n);
        float[] act = pass.gateRows;
        float[] c = pass.cRows;
        float[] tanhC = pass.tanhCRows;
        float[] keep = pass.window.keep();
        float[] epsilonRows = pass.epsilonRows(epsilon, arrays.epsilonRows);
        INDArray dGates = arrays.dGates.get(DataType.FLOAT, (long) steps * batch, width);
        Blas.Matrix dGatesM = Blas.of(dGates);
        float[] rwT = StepProduct.transposedRowsOf(weights.recurrentWeights(), arrays.rwTRows); // RWᵀ [4n, n]
        float[] dStep = arrays.dGateStep.get(batch * width);
        float[] dhNext = arrays.dhNextRows.get(batch * n);  // dL/dh(t) from step t+1
        float[] dcNext = arrays.dcNextRows.get(batch * n);  // dL/dC(t) from step t+1
        Arrays.fill(dhNext, 0, batch * n, 0f);
        Arrays.fill(dcNext, 0, batch * n, 0f);
        BatchSplit.run(batch, (from, to) -> {
            int rows = to - from;
            for (int t = steps - 1; t >= 0; t--) {
                for (int b = from; b < to; b++) {
                    int row = (t * batch + b) * width;
                    int here = (t * batch + b) * n;   // ε(t), tanh(C(t)), and C(t-1) in c
                    int out = b * width;
                    int carry = b * n;
                    float m = keep == null ? 1f : keep[t * batch + b];
                    for (int j = 0; j < n; j++) {
                        float dh = (epsilonRows[here + j] + dhNext[carry + j]) * m;
                        float gv = act[row + g + j];
                        float fv = act[row + f + j];
                        float ov = act[row + o + j];
                        float iv = act[row + in + j];
                        float tc = tanhC[here + j];
                        float dc = dh * ov * (1f - tc * tc) + dcNext[carry + j] * m; // h = o * tanh(C)
                        dStep[out + g + j] = dc * iv * (1f - gv * gv);                 // through g
                        dStep[out + f + j] = dc * c[here + j] * fv * (1f - fv);        // through f
                        dStep[out + o + j] = dh * tc * ov * (1f - ov);                 // through o
                        dStep[out + in + j] = dc * gv * iv * (1f - iv);                // through i
                        dcNext[carry + j] = dc * fv;
                    }
                }
                Blas.Matrix step = dGatesM.rows((long) t * batch + from, rows);
                step.write(dStep, from * width);
                if (t > 0) { // dL/dh(t-1) = dGates(t)·RWᵀ (not needed before the window's start)
                    StepProduct.multiply(dStep, from * width, width, rwT, n, dhNext, from * n, n, rows, n, width, false);
                }
            }
        });
        INDArray x = pass.window.x();
        INDArray dx = pass.inputGradientWanted ? arrays.dx.get(DataType.FLOAT, (long) steps * batch, x.size(1)) : null;
        WindowProducts.gradients(x, pass.window.hot(), dGates, pass.allHBefore(), dGates, weights.inputWeights(),
                arrays.ones.get(DataType.FLOAT, (long) steps * batch), gradients.inputWeights(), gradients.bias(),
                gradients.recurrentWeights(), dx);
        return dx;
    }
}
