package pena.nn.rnn;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.List;
import java.util.Map;

import static pena.nn.rnn.RecurrentParamInitializer.BIAS;
import static pena.nn.rnn.RecurrentParamInitializer.INPUT_WEIGHTS;
import static pena.nn.rnn.RecurrentParamInitializer.RECURRENT_WEIGHTS;

/**
 * Runs an {@link Lstm}: the input projection of the whole window in one product, then per step
 * the recurrent product and the gate arithmetic (equations in {@link Lstm}). Gate columns of a
 * pass: g [0, n), f [n, 2n), o [2n, 3n), i [3n, 4n), after their nonlinearities; the pass also
 * keeps C ("c") and tanh(C) ("tanhC").
 */
public final class LstmLayer extends RecurrentCellLayer<Lstm> {
    LstmLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType, List.of("h", "c"));
    }

    @Override
    Pass forward(INDArray x, INDArray mask, long steps, long batch, Map<String, INDArray> start) {
        if (fastPath()) {
            return FastLstm.forward(this, x, mask, (int) steps, (int) batch, start, getParam(INPUT_WEIGHTS),
                    getParam(RECURRENT_WEIGHTS), getParam(BIAS));
        }
        long n = hiddenSize();
        INDArray rw = getParam(RECURRENT_WEIGHTS);
        INDArray gates = buffer("gates", steps * batch, 4 * n);
        Nd4j.gemm(x, getParam(INPUT_WEIGHTS), gates, false, false, 1.0, 0.0); // all steps' input part at once
        gates.addiRowVector(getParam(BIAS));
        Pass pass = new Pass(steps, batch, x, mask, gates);
        INDArray h = buffer("h", (steps + 1) * batch, n);
        INDArray c = buffer("c", (steps + 1) * batch, n);
        INDArray tanhC = buffer("tanhC", steps * batch, n);
        pass.states.put("h", h);
        pass.states.put("c", c);
        pass.extra.put("tanhC", tanhC);
        pass.step(h, 0).assign(start.get("h"));
        pass.step(c, 0).assign(start.get("c"));
        for (long t = 0; t < steps; t++) {
            try (MemoryWorkspace ignored = stepScope()) {
                INDArray step = pass.step(gates, t);
                Nd4j.gemm(pass.before("h", t), rw, step, false, false, 1.0, 1.0);
                INDArray g = pass.step(gates, t, 0, n);
                Transforms.tanh(g, false);
                Transforms.sigmoid(pass.step(gates, t, n, 4 * n), false); // f, o, i are adjacent
                INDArray f = pass.step(gates, t, n, 2 * n);
                INDArray o = pass.step(gates, t, 2 * n, 3 * n);
                INDArray i = pass.step(gates, t, 3 * n, 4 * n);
                INDArray cNext = pass.before("c", t + 1);
                f.mul(pass.before("c", t), cNext).addi(i.mul(g));            // C = f * C(t-1) + i * g
                INDArray tc = pass.step(tanhC, t);
                Nd4j.getExecutioner().exec(new Tanh(cNext, tc));
                INDArray hNext = pass.before("h", t + 1);
                o.mul(tc, hNext);                                              // h = o * tanh(C)
                if (mask != null) {
                    INDArray m = pass.step(mask, t);
                    hNext.muliColumnVector(m);
                    cNext.muliColumnVector(m);
                }
            }
        }
        return pass;
    }

    @Override
    INDArray backward(Pass pass, INDArray epsilon, Map<String, INDArray> gradients) {
        long steps = pass.steps;
        long batch = pass.batch;
        INDArray w = getParam(INPUT_WEIGHTS);
        INDArray rw = getParam(RECURRENT_WEIGHTS);
        if (!pass.heap.isEmpty()) {
            INDArray dGates = FastLstm.backward(this, pass, epsilon, rw);
            INDArray dx = buffer("dx", steps * batch, w.size(0));
            WindowProducts.gradients(pass.x, pass.hot, dGates, pass.allBefore("h"), dGates, w, ones(steps * batch),
                    gradients.get(INPUT_WEIGHTS), gradients.get(BIAS), gradients.get(RECURRENT_WEIGHTS), dx);
            return dx;
        }
        INDArray dGates = stepsBack(pass, epsilon, rw);
        // all steps at once: dW = xᵀ·dGates, dRW = h(t-1)ᵀ·dGates, db = Σ dGates, dx = dGates·Wᵀ
        Nd4j.gemm(pass.x, dGates, gradients.get(INPUT_WEIGHTS), true, false, 1.0, 0.0);
        Nd4j.gemm(ones(steps * batch), dGates, gradients.get(BIAS), false, false, 1.0, 0.0);
        Nd4j.gemm(pass.allBefore("h"), dGates, gradients.get(RECURRENT_WEIGHTS), true, false, 1.0, 0.0);
        INDArray dx = buffer("dx", steps * batch, w.size(0));
        Nd4j.gemm(dGates, w, dx, false, true, 1.0, 0.0);
        return dx;
    }

    /** The reference path's steps back: dL/d(pre-activation) of every gate, [T·B, 4n]. */
    private INDArray stepsBack(Pass pass, INDArray epsilon, INDArray rw) {
        long n = hiddenSize();
        long steps = pass.steps;
        long batch = pass.batch;
        INDArray gates = pass.gates;
        INDArray tanhC = pass.extra.get("tanhC");
        INDArray dGates = buffer("dGates", steps * batch, 4 * n);
        // What does not depend on the recurrence is computed for the whole window in one op each:
        // dh→dC factor o * (1 - tanh²C), the sigmoid derivatives of f, o, i, tanh' of g.
        INDArray hToC = buffer("hToC", steps * batch, n);
        tanhC.mul(tanhC, hToC).rsubi(1.0).muli(gates.get(NDArrayIndex.all(), NDArrayIndex.interval(2 * n, 3 * n)));
        INDArray gateSlopes = buffer("gateSlopes", steps * batch, 4 * n);
        INDArray g0 = gates.get(NDArrayIndex.all(), NDArrayIndex.interval(0, n));
        INDArray foi = gates.get(NDArrayIndex.all(), NDArrayIndex.interval(n, 4 * n));
        g0.mul(g0, gateSlopes.get(NDArrayIndex.all(), NDArrayIndex.interval(0, n))).rsubi(1.0);
        foi.rsub(1.0, gateSlopes.get(NDArrayIndex.all(), NDArrayIndex.interval(n, 4 * n))).muli(foi);
        INDArray dhNext = buffer("dhNext", batch, n).assign(0); // dL/dh(t) from step t+1
        INDArray dcNext = buffer("dcNext", batch, n).assign(0); // dL/dC(t) from step t+1
        for (long t = steps - 1; t >= 0; t--) {
            try (MemoryWorkspace ignored = stepScope()) {
                INDArray dh = pass.step(epsilon, t).add(dhNext);
                if (pass.mask != null) {
                    INDArray m = pass.step(pass.mask, t);
                    dh.muliColumnVector(m);
                    dcNext.muliColumnVector(m);
                }
                INDArray g = pass.step(gates, t, 0, n);
                INDArray f = pass.step(gates, t, n, 2 * n);
                INDArray i = pass.step(gates, t, 3 * n, 4 * n);
                // h = o * tanh(C): dC = dC(from t+1) + dh * o * (1 - tanh²C)
                INDArray dc = dh.mul(pass.step(hToC, t)).addi(dcNext);
                dc.mul(i, pass.step(dGates, t, 0, n));                              // through g
                dc.mul(pass.before("c", t), pass.step(dGates, t, n, 2 * n));         // through f
                dh.mul(pass.step(tanhC, t), pass.step(dGates, t, 2 * n, 3 * n));     // through o
                dc.mul(g, pass.step(dGates, t, 3 * n, 4 * n));                      // through i
                pass.step(dGates, t).muli(pass.step(gateSlopes, t));                // to pre-activations
                dc.mul(f, dcNext);
                Nd4j.gemm(pass.step(dGates, t), rw, dhNext, false, true, 1.0, 0.0);
            }
        }
        return dGates;
    }
}
