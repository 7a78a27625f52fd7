package pena.layers.cells;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;
import pena.layers.kernels.StepScratch;

import static pena.layers.cells.LstmGate.CANDIDATE;
import static pena.layers.cells.LstmGate.FORGET;
import static pena.layers.cells.LstmGate.INPUT;
import static pena.layers.cells.LstmGate.OUTPUT;

/**
 * The LSTM over a window in ND4J operations, in any precision (gradient checks run it in
 * double): the input projection of the whole window in one product, then per step the
 * recurrent product and the gate arithmetic (equations in {@code pena.layers.Lstm}, layout in
 * {@link LstmGate}). The float kernel ({@link LstmKernel}) is tested against it.
 */
public final class LstmReference {
    private LstmReference() {
    }

    /** The forward pass from the start states [batch, n]. */
    public static LstmPass forward(Window window, LstmArrays arrays, INDArray startH, INDArray startC,
                                   CellParameters weights) {
        DataType type = window.x().dataType();
        long steps = window.steps();
        long batch = window.batch();
        long n = startH.size(1);
        INDArray rw = weights.recurrentWeights();
        INDArray gates = arrays.gates.get(type, steps * batch, LstmGate.BLOCKS * n);
        Nd4j.gemm(window.x(), weights.inputWeights(), gates, false, false, 1.0, 0.0); // all steps' input part at once
        gates.addiRowVector(weights.bias());
        INDArray hArray = arrays.h.get(type, (steps + 1) * batch, n);
        INDArray cArray = arrays.c.get(type, (steps + 1) * batch, n);
        INDArray tanhC = arrays.tanhC.get(type, steps * batch, n);
        LstmPass pass = new LstmPass(window, (int) n, gates, hArray, cArray, tanhC);
        pass.hBefore(0).assign(startH);
        pass.cBefore(0).assign(startC);
        INDArray mask = window.mask();
        for (long t = 0; t < steps; t++) {
            try (MemoryWorkspace ignored = StepScratch.open()) {
                INDArray step = pass.step(gates, t);
                Nd4j.gemm(pass.hBefore(t), rw, step, false, false, 1.0, 1.0);
                INDArray g = pass.step(gates, t, CANDIDATE.from(n), CANDIDATE.to(n));
                INDArray f = pass.step(gates, t, FORGET.from(n), FORGET.to(n));
                INDArray o = pass.step(gates, t, OUTPUT.from(n), OUTPUT.to(n));
                INDArray i = pass.step(gates, t, INPUT.from(n), INPUT.to(n));
                Transforms.tanh(g, false);
                Transforms.sigmoid(f, false);
                Transforms.sigmoid(o, false);
                Transforms.sigmoid(i, false);
                INDArray cNext = pass.cBefore(t + 1);
                f.mul(pass.cBefore(t), cNext).addi(i.mul(g));            // C = f * C(t-1) + i * g
                INDArray tc = pass.step(tanhC, t);
                Nd4j.getExecutioner().exec(new Tanh(cNext, tc));
                INDArray hNext = pass.hBefore(t + 1);
                o.mul(tc, hNext);                                          // h = o * tanh(C)
                if (mask != null) {
                    INDArray m = pass.step(mask, t);
                    hNext.muliColumnVector(m);
                    cNext.muliColumnVector(m);
                }
            }
        }
        return pass;
    }

    /**
     * The backward pass of a pass this class computed: fills the gradient views and returns
     * dL/dx [T·batch, nIn]. {@code epsilon} is dL/dh of every step, time-major [T·batch, n].
     */
    public static INDArray backward(LstmPass pass, LstmArrays arrays, INDArray epsilon, CellParameters weights,
                                    CellParameters gradients) {
        DataType type = pass.gates.dataType();
        long steps = pass.steps;
        long batch = pass.batch;
        INDArray w = weights.inputWeights();
        INDArray dGates = stepsBack(pass, arrays, epsilon, weights.recurrentWeights());
        INDArray ones = arrays.ones.get(type, steps * batch);
        // all steps at once: dW = xᵀ·dGates, dRW = h(t-1)ᵀ·dGates, db = Σ dGates, dx = dGates·Wᵀ
        Nd4j.gemm(pass.window.x(), dGates, gradients.inputWeights(), true, false, 1.0, 0.0);
        Nd4j.gemm(ones, dGates, gradients.bias(), false, false, 1.0, 0.0);
        Nd4j.gemm(pass.allHBefore(), dGates, gradients.recurrentWeights(), true, false, 1.0, 0.0);
        INDArray dx = arrays.dx.get(type, steps * batch, w.size(0));
        Nd4j.gemm(dGates, w, dx, false, true, 1.0, 0.0);
        return dx;
    }

    /** Steps back from the last: dL/d(pre-activation) of every gate, [T·batch, 4n]. */
    private static INDArray stepsBack(LstmPass pass, LstmArrays arrays, INDArray epsilon, INDArray rw) {
        DataType type = pass.gates.dataType();
        long n = pass.n;
        long steps = pass.steps;
        long batch = pass.batch;
        INDArray gates = pass.gates;
        INDArray tanhC = pass.tanhC;
        INDArray mask = pass.window.mask();
        INDArray dGates = arrays.dGates.get(type, steps * batch, LstmGate.BLOCKS * n);
        // What does not depend on the recurrence is computed for the whole window in one op each:
        // dh→dC factor o * (1 - tanh²C), the sigmoid derivatives of f, o, i, tanh' of g.
        INDArray hToC = arrays.hToC.get(type, steps * batch, n);
        tanhC.mul(tanhC, hToC).rsubi(1.0).muli(columns(gates, OUTPUT, n));
        INDArray gateSlopes = arrays.gateSlopes.get(type, steps * batch, LstmGate.BLOCKS * n);
        for (LstmGate gate : LstmGate.values()) {
            INDArray value = columns(gates, gate, n);
            INDArray slope = columns(gateSlopes, gate, n);
            if (gate == CANDIDATE) {
                value.mul(value, slope).rsubi(1.0);  // tanh' = 1 - g²
            } else {
                value.rsub(1.0, slope).muli(value);  // σ' = σ (1 - σ)
            }
        }
        INDArray dhNext = arrays.dhNext.get(type, batch, n).assign(0); // dL/dh(t) from step t+1
        INDArray dcNext = arrays.dcNext.get(type, batch, n).assign(0); // dL/dC(t) from step t+1
        for (long t = steps - 1; t >= 0; t--) {
            try (MemoryWorkspace ignored = StepScratch.open()) {
                INDArray dh = pass.step(epsilon, t).add(dhNext);
                if (mask != null) {
                    INDArray m = pass.step(mask, t);
                    dh.muliColumnVector(m);
                    dcNext.muliColumnVector(m);
                }
                INDArray g = pass.step(gates, t, CANDIDATE.from(n), CANDIDATE.to(n));
                INDArray f = pass.step(gates, t, FORGET.from(n), FORGET.to(n));
                INDArray i = pass.step(gates, t, INPUT.from(n), INPUT.to(n));
                // h = o * tanh(C): dC = dC(from t+1) + dh * o * (1 - tanh²C)
                INDArray dc = dh.mul(pass.step(hToC, t)).addi(dcNext);
                dc.mul(i, pass.step(dGates, t, CANDIDATE.from(n), CANDIDATE.to(n)));     // through g
                dc.mul(pass.cBefore(t), pass.step(dGates, t, FORGET.from(n), FORGET.to(n))); // through f
                dh.mul(pass.step(tanhC, t), pass.step(dGates, t, OUTPUT.from(n), OUTPUT.to(n))); // through o
                dc.mul(g, pass.step(dGates, t, INPUT.from(n), INPUT.to(n)));             // through i
                pass.step(dGates, t).muli(pass.step(gateSlopes, t));                     // to pre-activations
                dc.mul(f, dcNext);
                Nd4j.gemm(pass.step(dGates, t), rw, dhNext, false, true, 1.0, 0.0);
            }
        }
        return dGates;
    }

    private static INDArray columns(INDArray array, LstmGate gate, long n) {
        return array.get(NDArrayIndex.all(), NDArrayIndex.interval(gate.from(n), gate.to(n)));
    }
}
