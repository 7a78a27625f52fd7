package pena.nn.rnn;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.List;
import java.util.Map;

import static pena.nn.rnn.RecurrentParamInitializer.BIAS;
import static pena.nn.rnn.RecurrentParamInitializer.INPUT_WEIGHTS;
import static pena.nn.rnn.RecurrentParamInitializer.RECURRENT_BIAS;
import static pena.nn.rnn.RecurrentParamInitializer.RECURRENT_WEIGHTS;

/**
 * Runs a {@link Gru}: the input projection of every step of the window in one product, then
 * per step the recurrent product and the gate arithmetic (equations in {@link Gru}). Gate
 * columns of a pass: z [0, n), r [n, 2n), h̃ [2n, 3n).
 */
public final class GruLayer extends RecurrentCellLayer<Gru> {
    GruLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType, List.of("h"));
    }

    @Override
    Pass forward(INDArray x, INDArray mask, long steps, long batch, Map<String, INDArray> start) {
        long n = hiddenSize();
        boolean after = layerConf().isResetAfter();
        if (after && fastPath()) {
            return FastGru.forward(this, x, mask, (int) steps, (int) batch, start, getParam(INPUT_WEIGHTS),
                    getParam(RECURRENT_WEIGHTS), getParam(BIAS), getParam(RECURRENT_BIAS));
        }
        INDArray w = getParam(INPUT_WEIGHTS);
        INDArray rw = getParam(RECURRENT_WEIGHTS);
        INDArray rwGates = rw.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2 * n));
        INDArray rwCandidate = rw.get(NDArrayIndex.all(), NDArrayIndex.interval(2 * n, 3 * n));
        INDArray gates = buffer("gates", steps * batch, 3 * n);
        Nd4j.gemm(x, w, gates, false, false, 1.0, 0.0); // all steps' input part at once
        gates.addiRowVector(getParam(BIAS));
        Pass pass = new Pass(steps, batch, x, mask, gates);
        INDArray h = buffer("h", (steps + 1) * batch, n);
        pass.states.put("h", h);
        pass.step(h, 0).assign(start.get("h"));
        // resetAfter: the recurrent candidate part h(t-1)·RW_h + RB; original: r * h(t-1)
        INDArray candidateInput = buffer("candidateInput", steps * batch, n);
        pass.extra.put(after ? "recurrentCandidate" : "resetState", candidateInput);
        INDArray recurrent = buffer("recurrent", batch, after ? 3 * n : 2 * n);
        INDArray candidateBias = after ? getParam(RECURRENT_BIAS) : null;
        for (long t = 0; t < steps; t++) {
            try (MemoryWorkspace ignored = stepScope()) {
                INDArray previous = pass.before("h", t);
                INDArray zr = pass.step(gates, t, 0, 2 * n);
                INDArray z = pass.step(gates, t, 0, n);
                INDArray r = pass.step(gates, t, n, 2 * n);
                INDArray candidate = pass.step(gates, t, 2 * n, 3 * n);
                INDArray part = pass.step(candidateInput, t);
                if (after) {
                    Nd4j.gemm(previous, rw, recurrent, false, false, 1.0, 0.0);
                    zr.addi(recurrent.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2 * n)));
                    Transforms.sigmoid(zr, false);
                    part.assign(recurrent.get(NDArrayIndex.all(), NDArrayIndex.interval(2 * n, 3 * n)))
                            .addiRowVector(candidateBias);
                    candidate.addi(part.mul(r));
                } else {
                    Nd4j.gemm(previous, rwGates, recurrent, false, false, 1.0, 0.0);
                    zr.addi(recurrent);
                    Transforms.sigmoid(zr, false);
                    part.assign(r).muli(previous);
                    candidate.addi(part.mmul(rwCandidate));
                }
                Transforms.tanh(candidate, false);
                INDArray next = pass.before("h", t + 1);
                next.assign(candidate).subi(previous).muli(z).addi(previous); // h(t-1) + z * (h̃ - h(t-1))
                if (mask != null) {
                    next.muliColumnVector(pass.step(mask, t));
                }
            }
        }
        return pass;
    }

    @Override
    INDArray backward(Pass pass, INDArray epsilon, Map<String, INDArray> gradients) {
        long n = hiddenSize();
        long steps = pass.steps;
        long batch = pass.batch;
        boolean after = layerConf().isResetAfter();
        INDArray w = getParam(INPUT_WEIGHTS);
        INDArray rw = getParam(RECURRENT_WEIGHTS);
        INDArray rwGates = rw.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2 * n));
        INDArray rwCandidate = rw.get(NDArrayIndex.all(), NDArrayIndex.interval(2 * n, 3 * n));
        if (!pass.heap.isEmpty()) { // the fast path's forward ran: its steps back, then the window's products
            INDArray[] fast = FastGru.backward(this, pass, epsilon, rw);
            INDArray dx = buffer("dx", steps * batch, w.size(0));
            WindowProducts.gradients(pass.x, pass.hot, fast[0], pass.allBefore("h"), fast[1], w, ones(steps * batch),
                    gradients.get(INPUT_WEIGHTS), gradients.get(BIAS), gradients.get(RECURRENT_WEIGHTS), dx);
            Nd4j.gemm(ones(steps * batch), fast[1].get(NDArrayIndex.all(), NDArrayIndex.interval(2 * n, 3 * n)),
                    gradients.get(RECURRENT_BIAS), false, false, 1.0, 0.0);
            return dx;
        }
        INDArray dGates = stepsBack(pass, epsilon, rw, rwGates, rwCandidate);
        INDArray dRecurrent = after ? buffer("dRecurrent", steps * batch, 3 * n) : null;
        INDArray candidateInput = pass.extra.get("resetState");
        // all steps at once: dW = xᵀ·dGates, db = Σ dGates, dRW from h(t-1) (or r * h(t-1)), dx = dGates·Wᵀ
        Nd4j.gemm(pass.x, dGates, gradients.get(INPUT_WEIGHTS), true, false, 1.0, 0.0);
        Nd4j.gemm(ones(steps * batch), dGates, gradients.get(BIAS), false, false, 1.0, 0.0);
        INDArray gradRw = gradients.get(RECURRENT_WEIGHTS);
        INDArray previousAll = pass.allBefore("h");
        if (after) {
            Nd4j.gemm(previousAll, dRecurrent, gradRw, true, false, 1.0, 0.0);
            Nd4j.gemm(ones(steps * batch), dRecurrent.get(NDArrayIndex.all(), NDArrayIndex.interval(2 * n, 3 * n)),
                    gradients.get(RECURRENT_BIAS), false, false, 1.0, 0.0);
        } else {
            gradRw.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2 * n)).assign(previousAll.transpose()
                    .mmul(dGates.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2 * n))));
            gradRw.get(NDArrayIndex.all(), NDArrayIndex.interval(2 * n, 3 * n)).assign(candidateInput.transpose()
                    .mmul(dGates.get(NDArrayIndex.all(), NDArrayIndex.interval(2 * n, 3 * n))));
        }
        INDArray dx = buffer("dx", steps * batch, w.size(0));
        Nd4j.gemm(dGates, w, dx, false, true, 1.0, 0.0);
        return dx;
    }

    /** The reference path's steps back: dL/d(pre-activation) of the gates' input side, [T·B, 3n]. */
    private INDArray stepsBack(Pass pass, INDArray epsilon, INDArray rw, INDArray rwGates, INDArray rwCandidate) {
        long n = hiddenSize();
        long steps = pass.steps;
        long batch = pass.batch;
        boolean after = layerConf().isResetAfter();
        INDArray gates = pass.gates;
        INDArray candidateInput = pass.extra.get(after ? "recurrentCandidate" : "resetState");
        // dL/d(pre-activation) of the input side of each gate, and (resetAfter) of the recurrent side
        INDArray dGates = buffer("dGates", steps * batch, 3 * n);
        INDArray dRecurrent = after ? buffer("dRecurrent", steps * batch, 3 * n) : null; // filled here, read by the caller
        INDArray dNext = buffer("dNext", batch, n).assign(0); // dL/dh(t) arriving from step t+1
        for (long t = steps - 1; t >= 0; t--) {
            try (MemoryWorkspace ignored = stepScope()) {
                INDArray dh = pass.step(epsilon, t).add(dNext);
                if (pass.mask != null) {
                    dh.muliColumnVector(pass.step(pass.mask, t));
                }
                INDArray previous = pass.before("h", t);
                INDArray z = pass.step(gates, t, 0, n);
                INDArray r = pass.step(gates, t, n, 2 * n);
                INDArray candidate = pass.step(gates, t, 2 * n, 3 * n);
                INDArray dz = pass.step(dGates, t, 0, n);
                INDArray dr = pass.step(dGates, t, n, 2 * n);
                INDArray dCandidate = pass.step(dGates, t, 2 * n, 3 * n);
                // h = h(t-1) + z * (h̃ - h(t-1))
                dz.assign(candidate).subi(previous).muli(dh).muli(z.rsub(1.0).muli(z));
                dCandidate.assign(candidate).muli(candidate).rsubi(1.0).muli(z).muli(dh);
                dNext.assign(z).rsubi(1.0).muli(dh);
                if (after) {
                    INDArray part = pass.step(candidateInput, t); // h(t-1)·RW_h + RB
                    dr.assign(dCandidate).muli(part).muli(r.rsub(1.0).muli(r));
                    INDArray dRec = pass.step(dRecurrent, t);
                    dRec.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2 * n))
                            .assign(pass.step(dGates, t, 0, 2 * n));
                    dRec.get(NDArrayIndex.all(), NDArrayIndex.interval(2 * n, 3 * n)).assign(dCandidate).muli(r);
                    Nd4j.gemm(dRec, rw, dNext, false, true, 1.0, 1.0);
                } else {
                    INDArray dResetState = dCandidate.mmul(rwCandidate.transpose()); // dL/d(r * h(t-1))
                    dr.assign(dResetState).muli(previous).muli(r.rsub(1.0).muli(r));
                    dNext.addi(dResetState.muli(r));
                    dNext.addi(pass.step(dGates, t, 0, 2 * n).mmul(rwGates.transpose()));
                }
            }
        }
        return dGates;
    }
}
