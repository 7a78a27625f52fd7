package pena.layers.cells;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;
import pena.layers.kernels.StepScratch;

import static pena.layers.cells.GruGate.CANDIDATE;
import static pena.layers.cells.GruGate.RESET;
import static pena.layers.cells.GruGate.UPDATE;

/**
 * The GRU over a window in ND4J operations, in any precision (gradient checks run it in
 * double), both forms: reset-after and the original (equations in {@code pena.layers.Gru},
 * layout in {@link GruGate}). The input projection of every step in one product, then per step
 * the recurrent product and the gate arithmetic. The float kernel ({@link GruKernel}) is tested
 * against it.
 */
public final class GruReference {
    private GruReference() {
    }

    /** The forward pass from the start state [batch, n]. */
    public static GruPass forward(Window window, GruArrays arrays, INDArray startH, CellParameters weights,
                                  boolean resetAfter) {
        DataType type = window.x().dataType();
        long steps = window.steps();
        long batch = window.batch();
        long n = startH.size(1);
        long gatesEnd = GruGate.gatesEnd(n);
        INDArray rw = weights.recurrentWeights();
        INDArray rwGates = rw.get(NDArrayIndex.all(), NDArrayIndex.interval(0, gatesEnd));
        INDArray rwCandidate = rw.get(NDArrayIndex.all(), NDArrayIndex.interval(CANDIDATE.from(n), CANDIDATE.to(n)));
        INDArray gates = arrays.gates.get(type, steps * batch, GruGate.BLOCKS * n);
        Nd4j.gemm(window.x(), weights.inputWeights(), gates, false, false, 1.0, 0.0); // all steps' input part at once
        gates.addiRowVector(weights.bias());
        INDArray hArray = arrays.h.get(type, (steps + 1) * batch, n);
        // resetAfter: the recurrent candidate part h(t-1)·RW_h + RB; original: r * h(t-1)
        INDArray candidateInput = arrays.candidateInput.get(type, steps * batch, n);
        GruPass pass = new GruPass(window, (int) n, resetAfter, gates, hArray, candidateInput);
        pass.hBefore(0).assign(startH);
        INDArray recurrent = arrays.recurrent.get(type, batch, resetAfter ? GruGate.BLOCKS * n : gatesEnd);
        INDArray candidateBias = resetAfter ? weights.recurrentBias() : null;
        INDArray mask = window.mask();
        for (long t = 0; t < steps; t++) {
            try (MemoryWorkspace ignored = StepScratch.open()) {
                INDArray previous = pass.hBefore(t);
                INDArray zr = pass.step(gates, t, 0, gatesEnd);
                INDArray r = pass.step(gates, t, RESET.from(n), RESET.to(n));
                INDArray candidate = pass.step(gates, t, CANDIDATE.from(n), CANDIDATE.to(n));
                INDArray part = pass.step(candidateInput, t);
                if (resetAfter) {
                    Nd4j.gemm(previous, rw, recurrent, false, false, 1.0, 0.0);
                    zr.addi(recurrent.get(NDArrayIndex.all(), NDArrayIndex.interval(0, gatesEnd)));
                    Transforms.sigmoid(zr, false);
                    part.assign(recurrent.get(NDArrayIndex.all(), NDArrayIndex.interval(CANDIDATE.from(n),
                            CANDIDATE.to(n)))).addiRowVector(candidateBias);
                    candidate.addi(part.mul(r));
                } else {
                    Nd4j.gemm(previous, rwGates, recurrent, false, false, 1.0, 0.0);
                    zr.addi(recurrent);
                    Transforms.sigmoid(zr, false);
                    part.assign(r).muli(previous);
                    candidate.addi(part.mmul(rwCandidate));
                }
                Transforms.tanh(candidate, false);
                INDArray z = pass.step(gates, t, UPDATE.from(n), UPDATE.to(n));
                INDArray next = pass.hBefore(t + 1);
                next.assign(candidate).subi(previous).muli(z).addi(previous); // h(t-1) + z * (h̃ - h(t-1))
                if (mask != null) {
                    next.muliColumnVector(pass.step(mask, t));
                }
            }
        }
        return pass;
    }

    /**
     * The backward pass of a pass this class computed: fills the gradient views and returns
     * dL/dx [T·batch, nIn]. {@code epsilon} is dL/dh of every step, time-major [T·batch, n].
     */
    public static INDArray backward(GruPass pass, GruArrays arrays, INDArray epsilon, CellParameters weights,
                                    CellParameters gradients) {
        DataType type = pass.gates.dataType();
        long n = pass.n;
        long steps = pass.steps;
        long batch = pass.batch;
        long gatesEnd = GruGate.gatesEnd(n);
        INDArray w = weights.inputWeights();
        INDArray dGates = stepsBack(pass, arrays, epsilon, weights.recurrentWeights());
        INDArray ones = arrays.ones.get(type, steps * batch);
        // all steps at once: dW = xᵀ·dGates, db = Σ dGates, dRW from h(t-1) (or r * h(t-1)), dx = dGates·Wᵀ
        Nd4j.gemm(pass.window.x(), dGates, gradients.inputWeights(), true, false, 1.0, 0.0);
        Nd4j.gemm(ones, dGates, gradients.bias(), false, false, 1.0, 0.0);
        INDArray gradRw = gradients.recurrentWeights();
        INDArray previousAll = pass.allHBefore();
        if (pass.resetAfter) {
            INDArray dRecurrent = arrays.dRecurrent.get(type, steps * batch, GruGate.BLOCKS * n); // filled by stepsBack
            Nd4j.gemm(previousAll, dRecurrent, gradRw, true, false, 1.0, 0.0);
            Nd4j.gemm(ones, dRecurrent.get(NDArrayIndex.all(), NDArrayIndex.interval(CANDIDATE.from(n), CANDIDATE.to(n))),
                    gradients.recurrentBias(), false, false, 1.0, 0.0);
        } else {
            gradRw.get(NDArrayIndex.all(), NDArrayIndex.interval(0, gatesEnd)).assign(previousAll.transpose()
                    .mmul(dGates.get(NDArrayIndex.all(), NDArrayIndex.interval(0, gatesEnd))));
            gradRw.get(NDArrayIndex.all(), NDArrayIndex.interval(CANDIDATE.from(n), CANDIDATE.to(n)))
                    .assign(pass.candidateInput.transpose().mmul(dGates.get(NDArrayIndex.all(),
                            NDArrayIndex.interval(CANDIDATE.from(n), CANDIDATE.to(n)))));
        }
        INDArray dx = arrays.dx.get(type, steps * batch, w.size(0));
        Nd4j.gemm(dGates, w, dx, false, true, 1.0, 0.0);
        return dx;
    }

    /** Steps back from the last: dL/d(pre-activation) of the gates' input side, [T·batch, 3n]. */
    private static INDArray stepsBack(GruPass pass, GruArrays arrays, INDArray epsilon, INDArray rw) {
        DataType type = pass.gates.dataType();
        long n = pass.n;
        long steps = pass.steps;
        long batch = pass.batch;
        long gatesEnd = GruGate.gatesEnd(n);
        boolean after = pass.resetAfter;
        INDArray rwGates = rw.get(NDArrayIndex.all(), NDArrayIndex.interval(0, gatesEnd));
        INDArray rwCandidate = rw.get(NDArrayIndex.all(), NDArrayIndex.interval(CANDIDATE.from(n), CANDIDATE.to(n)));
        INDArray gates = pass.gates;
        INDArray candidateInput = pass.candidateInput;
        INDArray mask = pass.window.mask();
        // dL/d(pre-activation) of the input side of each gate, and (resetAfter) of the recurrent side
        INDArray dGates = arrays.dGates.get(type, steps * batch, GruGate.BLOCKS * n);
        INDArray dRecurrent = after ? arrays.dRecurrent.get(type, steps * batch, GruGate.BLOCKS * n) : null;
        INDArray dNext = arrays.dNext.get(type, batch, n).assign(0); // dL/dh(t) arriving from step t+1
        for (long t = steps - 1; t >= 0; t--) {
            try (MemoryWorkspace ignored = StepScratch.open()) {
                INDArray dh = pass.step(epsilon, t).add(dNext);
                if (mask != null) {
                    dh.muliColumnVector(pass.step(mask, t));
                }
                INDArray previous = pass.hBefore(t);
                INDArray z = pass.step(gates, t, UPDATE.from(n), UPDATE.to(n));
                INDArray r = pass.step(gates, t, RESET.from(n), RESET.to(n));
                INDArray candidate = pass.step(gates, t, CANDIDATE.from(n), CANDIDATE.to(n));
                INDArray dz = pass.step(dGates, t, UPDATE.from(n), UPDATE.to(n));
                INDArray dr = pass.step(dGates, t, RESET.from(n), RESET.to(n));
                INDArray dCandidate = pass.step(dGates, t, CANDIDATE.from(n), CANDIDATE.to(n));
                // h = h(t-1) + z * (h̃ - h(t-1))
                dz.assign(candidate).subi(previous).muli(dh).muli(z.rsub(1.0).muli(z));
                dCandidate.assign(candidate).muli(candidate).rsubi(1.0).muli(z).muli(dh);
                dNext.assign(z).rsubi(1.0).muli(dh);
                if (after) {
                    INDArray part = pass.step(candidateInput, t); // h(t-1)·RW_h + RB
                    dr.assign(dCandidate).muli(part).muli(r.rsub(1.0).muli(r));
                    INDArray dRec = pass.step(dRecurrent, t);
                    dRec.get(NDArrayIndex.all(), NDArrayIndex.interval(0, gatesEnd))
                            .assign(pass.step(dGates, t, 0, gatesEnd));
                    dRec.get(NDArrayIndex.all(), NDArrayIndex.interval(CANDIDATE.from(n), CANDIDATE.to(n)))
                            .assign(dCandidate).muli(r);
                    Nd4j.gemm(dRec, rw, dNext, false, true, 1.0, 1.0);
                } else {
                    INDArray dResetState = dCandidate.mmul(rwCandidate.transpose()); // dL/d(r * h(t-1))
                    dr.assign(dResetState).muli(previous).muli(r.rsub(1.0).muli(r));
                    dNext.addi(dResetState.muli(r));
                    dNext.addi(pass.step(dGates, t, 0, gatesEnd).mmul(rwGates.transpose()));
                }
            }
        }
        return dGates;
    }
}
