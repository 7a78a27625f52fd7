package pena.nn.rnn;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;

/**
 * {@link LstmLayer}'s fast float path: the same equations, gate order and pass layout as its
 * reference path (see {@link Lstm}), with each time step as one {@code cblas_sgemm} for
 * h(t-1)·RW and the gate arithmetic in Java loops over the step's rows. Products over the whole
 * window (x·W before the loop; dW, dRW, db and dx after it) are {@link WindowProducts}, cut over the cores.
 *
 * <p>Java arrays of the pass ({@link Pass#heap}), time-major like the ND4J ones:
 * "act" [T·B, 4n] gates after their nonlinearities (g, f, o, i), "c" [(T+1)·B, n] cell states
 * (block 0 the start), "tanhC" [T·B, n], "h" [(T+1)·B, n]. h is also written to the pass's
 * ND4J array each step: it is the next step's product operand and the layer's output.
 */
final class FastLstm {
    private FastLstm() {
    }

    static Pass forward(LstmLayer layer, INDArray x, INDArray mask, int steps, int batch,
                        Map<String, INDArray> start, INDArray w, INDArray rw, INDArray bias) {
        int n = (int) layer.hiddenSize();
        int width = 4 * n;
        INDArray gates = layer.buffer("gates", (long) steps * batch, width);
        int[] hot = layer.oneHotInput();
        WindowProducts.inputProduct(x, hot, w, bias, gates); // all steps' input part at once
        Pass pass = new Pass(steps, batch, x, mask, gates);
        pass.hot = hot;
        INDArray hArray = layer.buffer("h", (long) (steps + 1) * batch, n);
        INDArray cArray = layer.buffer("c", (long) (steps + 1) * batch, n);
        pass.states.put("h", hArray);
        pass.states.put("c", cArray);
        float[] act = layer.heap("act", steps * batch * width);
        float[] c = layer.heap("cs", (steps + 1) * batch * n);
        float[] tanhC = layer.heap("tanhC", steps * batch * n);
        float[] h = layer.heap("hs", (steps + 1) * batch * n);
        float[] keep = pass.keep();
        Blas.Matrix gatesM = Blas.of(gates);
        Blas.Matrix hM = Blas.of(hArray);
        Blas.Matrix rwT = Blas.transposeOf(rw); // RWᵀ [k·n, n], DL4J's column-major RW in place
        State.read(start.get("h"), h);
        State.read(start.get("c"), c);
        hM.rows(0, batch).write(h, 0);
        BatchSplit.run(batch, (from, to) -> {
            int rows = to - from;
            for (int t = 0; t < steps; t++) {
                Blas.Matrix step = gatesM.rows((long) t * batch + from, rows);
                Blas.gemm(hM.rows((long) t * batch + from, rows), false, rwT, true, 1f, step); // + h(t-1)·RW
                step.read(act, (t * batch + from) * width);
                for (int b = from; b < to; b++) {
                    int row = (t * batch + b) * width;
                    int before = (t * batch + b) * n;         // C(t-1), h(t-1)
                    int after = ((t + 1) * batch + b) * n;    // C(t), h(t)
                    float m = keep == null ? 1f : keep[t * batch + b];
                    FloatMath.tanh(act, row, row + n);                 // g
                    FloatMath.sigmoid(act, row + n, row + width);      // f, o, i
                    for (int j = 0; j < n; j++) {
                        float cell = act[row + n + j] * c[before + j] + act[row + 3 * n + j] * act[row + j]; // f*C + i*g
                        float tc = FloatMath.tanh(cell);
                        tanhC[before + j] = tc;                        // tanh(C(t)), block t
                        c[after + j] = cell * m;
                        h[after + j] = act[row + 2 * n + j] * tc * m;  // o * tanh(C)
                    }
                }
                hM.rows((long) (t + 1) * batch + from, rows).write(h, ((t + 1) * batch + from) * n);
            }
        });
        Blas.of(cArray).write(c, 0);
        pass.heap.put("act", act);
        pass.heap.put("c", c);
        pass.heap.put("tanhC", tanhC);
        pass.heap.put("h", h);
        return pass;
    }

    /** Fills dGates (ND4J, [T·B, 4n]) step by step, back from the last; the window products are the caller's. */
    static INDArray backward(LstmLayer layer, Pass pass, INDArray epsilon, INDArray rw) {
        int n = (int) layer.hiddenSize();
        int width = 4 * n;
        int steps = (int) pass.steps;
        int batch = (int) pass.batch;
        float[] act = pass.heap.get("act");
        float[] c = pass.heap.get("c");
        float[] tanhC = pass.heap.get("tanhC");
        float[] keep = pass.keep();
        float[] eps = layer.epsilonRows(pass, epsilon);
        INDArray dGates = layer.buffer("dGates", (long) steps * batch, width);
        Blas.Matrix dGatesM = Blas.of(dGates);
        Blas.Matrix rwT = Blas.transposeOf(rw); // RWᵀ [k·n, n], DL4J's column-major RW in place
        Blas.Matrix dhNextM = Blas.of(layer.buffer("dhNext", batch, n));
        float[] dStep = layer.heap("dStep", batch * width);
        float[] dhNext = layer.heap("dhNextHeap", batch * n);  // dL/dh(t) from step t+1
        float[] dcNext = layer.heap("dcNextHeap", batch * n);  // dL/dC(t) from step t+1
        java.util.Arrays.fill(dhNext, 0, batch * n, 0f);
        java.util.Arrays.fill(dcNext, 0, batch * n, 0f);
        BatchSplit.run(batch, (from, to) -> {
            int rows = to - from;
            Blas.Matrix dhNextPart = dhNextM.rows(from, rows);
            for (int t = steps - 1; t >= 0; t--) {
                for (int b = from; b < to; b++) {
                    int row = (t * batch + b) * width;
                    int here = (t * batch + b) * n;   // ε(t), tanh(C(t)), and C(t-1) in c
                    int out = b * width;
                    int carry = b * n;
                    float m = keep == null ? 1f : keep[t * batch + b];
                    for (int j = 0; j < n; j++) {
                        float dh = (eps[here + j] + dhNext[carry + j]) * m;
                        float g = act[row + j];
                        float f = act[row + n + j];
                        float o = act[row + 2 * n + j];
                        float i = act[row + 3 * n + j];
                        float tc = tanhC[here + j];
                        float dc = dh * o * (1f - tc * tc) + dcNext[carry + j] * m; // h = o * tanh(C)
                        dStep[out + j] = dc * i * (1f - g * g);                       // through g
                        dStep[out + n + j] = dc * c[here + j] * f * (1f - f);         // through f
                        dStep[out + 2 * n + j] = dh * tc * o * (1f - o);              // through o
                        dStep[out + 3 * n + j] = dc * g * i * (1f - i);               // through i
                        dcNext[carry + j] = dc * f;
                    }
                }
                Blas.Matrix step = dGatesM.rows((long) t * batch + from, rows);
                step.write(dStep, from * width);
                if (t > 0) { // dL/dh(t-1) = dGates(t)·RWᵀ (not needed before the window's start)
                    Blas.gemm(step, false, rwT, false, 0f, dhNextPart);
                    dhNextPart.read(dhNext, from * n);
                }
            }
        });
        return dGates;
    }
}
