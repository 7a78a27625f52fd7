package pena.layers.cells;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import pena.layers.kernels.StepScratch;

/**
 * The plain RNN over a window in ND4J operations, in any precision (gradient checks run it in
 * double): h(t) = tanh(x·W + h(t-1)·RW + b) (equation in {@code pena.layers.Rnn}). The input
 * projection of every step in one product, then per step the recurrent product and the tanh.
 * The float kernel ({@link RnnKernel}) is tested against it.
 */
public final class RnnReference {
    private RnnReference() {
    }

    /** The forward pass from the start state [batch, n]. */
    public static RnnPass forward(Window window, RnnArrays arrays, INDArray startH, CellParameters weights) {
        DataType type = window.x().dataType();
        long steps = window.steps();
        long batch = window.batch();
        long n = startH.size(1);
        INDArray activations = arrays.activations.get(type, steps * batch, n);
        Nd4j.gemm(window.x(), weights.inputWeights(), activations, false, false, 1.0, 0.0); // all steps' x·W at once
        activations.addiRowVector(weights.bias());
        INDArray hArray = arrays.h.get(type, (steps + 1) * batch, n);
        RnnPass pass = new RnnPass(window, (int) n, activations, hArray, null, null);
        pass.hBefore(0).assign(startH);
        INDArray mask = window.mask();
        for (long t = 0; t < steps; t++) {
            try (MemoryWorkspace ignored = StepScratch.open()) {
                INDArray a = pass.step(activations, t);
                Nd4j.gemm(pass.hBefore(t), weights.recurrentWeights(), a, false, false, 1.0, 1.0); // + h(t-1)·RW
                Transforms.tanh(a, false);
                INDArray next = pass.hBefore(t + 1).assign(a);
                if (mask != null) { // a padded step gives zero output and zero state
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
    public static INDArray backward(RnnPass pass, RnnArrays arrays, INDArray epsilon, CellParameters weights,
                                    CellParameters gradients) {
        DataType type = pass.gates.dataType();
        long n = pass.n;
        long steps = pass.steps;
        long batch = pass.batch;
        INDArray rw = weights.recurrentWeights();
        INDArray mask = pass.window.mask();
        INDArray dPre = arrays.dPre.get(type, steps * batch, n);      // dL/d(x·W + h(t-1)·RW + b)
        INDArray dNext = arrays.dNext.get(type, batch, n).assign(0); // dL/dh(t) arriving from step t+1
        for (long t = steps - 1; t >= 0; t--) {
            try (MemoryWorkspace ignored = StepScratch.open()) {
                INDArray dh = pass.step(epsilon, t).add(dNext);
                if (mask != null) {
                    dh.muliColumnVector(pass.step(mask, t));
                }
                INDArray a = pass.step(pass.gates, t);
                INDArray d = pass.step(dPre, t).assign(a).muli(a).rsubi(1.0).muli(dh); // tanh' = 1 - h²
                Nd4j.gemm(d, rw, dNext, false, true, 1.0, 0.0);                        // dL/dh(t-1) = d·RWᵀ
            }
        }
        INDArray ones = arrays.ones.get(type, steps * batch);
        // all steps at once: dW = xᵀ·d, db = Σ d, dRW = h(t-1)ᵀ·d, dx = d·Wᵀ
        Nd4j.gemm(pass.window.x(), dPre, gradients.inputWeights(), true, false, 1.0, 0.0);
        Nd4j.gemm(ones, dPre, gradients.bias(), false, false, 1.0, 0.0);
        Nd4j.gemm(pass.allHBefore(), dPre, gradients.recurrentWeights(), true, false, 1.0, 0.0);
        INDArray dx = arrays.dx.get(type, steps * batch, weights.inputWeights().size(0));
        Nd4j.gemm(dPre, weights.inputWeights(), dx, false, true, 1.0, 0.0);
        return dx;
    }
}
