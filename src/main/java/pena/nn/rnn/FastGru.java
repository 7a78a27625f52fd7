package pena.nn.rnn;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.Map;

/**
 * {@link GruLayer}'s fast float path for the reset-after GRU (the default, see {@link Gru}):
 * per time step one {@code cblas_sgemm} for h(t-1)·RW (all three blocks) and the gate
 * arithmetic in Java loops; the window's x·W before the loop and its weight products after it
 * go through {@link WindowProducts}, split over the cores. Java arrays of the pass: "act" [T·B, 3n] (z, r, h̃ after their
 * nonlinearities), "part" [T·B, n] the recurrent candidate part h(t-1)·RW_h + RB, "h"
 * [(T+1)·B, n]; h also goes to the pass's ND4J array each step.
 */
final class FastGru {
    private FastGru() {
    }

    static Pass forward(GruLayer layer, INDArray x, INDArray mask, int steps, int batch, Map<String, INDArray> start,
                        INDArray w, INDArray rw, INDArray bias, INDArray recurrentBias) {
        int n = (int) layer.hiddenSize();
        int width = 3 * n;
        INDArray gates = layer.buffer("gates", (long) steps * batch, width);
        int[] hot = layer.oneHotInput();
        WindowProducts.inputProduct(x, hot, w, bias, gates); // all steps' input part at once
        Pass pass = new Pass(steps, batch, x, mask, gates);
        pass.hot = hot;
        INDArray hArray = layer.buffer("h", (long) (steps + 1) * batch, n);
        pass.states.put("h", hArray);
        float[] act = layer.heap("act", steps * batch * width);
        float[] part = layer.heap("part", steps * batch * n);
        float[] h = layer.heap("hs", (steps + 1) * batch * n);
        float[] recurrent = layer.heap("recurrent", batch * width);
        float[] rb = recurrentBias.dup('c').data().asFloat();
        float[] keep = pass.keep();
        Blas.Matrix gatesM = Blas.of(gates);
        Blas.Matrix hM = Blas.of(hArray);
        Blas.Matrix rwT = Blas.transposeOf(rw); // RWᵀ [k·n, n], DL4J's column-major RW in place
        Blas.Matrix recurrentM = Blas.of(layer.buffer("recurrent", batch, width));
        State.read(start.get("h"), h);
        hM.rows(0, batch).write(h, 0);
        BatchSplit.run(batch, (from, to) -> {
            int rows = to - from;
            Blas.Matrix recurrentPart = recurrentM.rows(from, rows);
            for (int t = 0; t < steps; t++) {
                Blas.gemm(hM.rows((long) t * batch + from, rows), false, rwT, true, 0f, recurrentPart); // h(t-1)·RW
                recurrentPart.read(recurrent, from * width);
                gatesM.rows((long) t * batch + from, rows).read(act, (t * batch + from) * width);
                for (int b = from; b < to; b++) {
                    int row = (t * batch + b) * width;
                    int rec = b * width;
                    int before = (t * batch + b) * n;
                    int after = ((t + 1) * batch + b) * n;
                    float m = keep == null ? 1f : keep[t * batch + b];
                    for (int k = 0; k < 2 * n; k++) { // z, r
                        act[row + k] = FloatMath.sigmoid(act[row + k] + recurrent[rec + k]);
                    }
                    for (int j = 0; j < n; j++) { // h̃ = tanh(x·W_h + b_h + r * (h(t-1)·RW_h + RB))
                        float p = recurrent[rec + 2 * n + j] + rb[j];
                        part[before + j] = p;
                        act[row + 2 * n + j] = FloatMath.tanh(act[row + 2 * n + j] + act[row + n + j] * p);
                    }
                    for (int j = 0; j < n; j++) { // h = h(t-1) + z * (h̃ - h(t-1))
                        float previous = h[before + j];
                        h[after + j] = (previous + act[row + j] * (act[row + 2 * n + j] - previous)) * m;
                    }
                }
                hM.rows((long) (t + 1) * batch + from, rows).write(h, ((t + 1) * batch + from) * n);
            }
        });
        pass.heap.put("act", act);
        pass.heap.put("part", part);
        pass.heap.put("h", h);
        return pass;
    }

    /**
     * Steps back from the last: fills dGates (input side, [T·B, 3n]) and dRecurrent (recurrent
     * side: dz, dr, r * dh̃) and returns them in that order.
     */
    static INDArray[] backward(GruLayer layer, Pass pass, INDArray epsilon, INDArray rw) {
        int n = (int) layer.hiddenSize();
        int width = 3 * n;
        int steps = (int) pass.steps;
        int batch = (int) pass.batch;
        float[] act = pass.heap.get("act");
        float[] part = pass.heap.get("part");
        float[] h = pass.heap.get("h");
        float[] keep = pass.keep();
        float[] eps = layer.epsilonRows(pass, epsilon);
        INDArray dGates = layer.buffer("dGates", (long) steps * batch, width);
        INDArray dRecurrent = layer.buffer("dRecurrent", (long) steps * batch, width);
        Blas.Matrix dGatesM = Blas.of(dGates);
        Blas.Matrix dRecurrentM = Blas.of(dRecurrent);
        Blas.Matrix rwT = Blas.transposeOf(rw); // RWᵀ [k·n, n], DL4J's column-major RW in place
        Blas.Matrix fromRecurrentM = Blas.of(layer.buffer("fromRecurrent", batch, n));
        float[] dStep = layer.heap("dStep", batch * width);
        float[] dRecStep = layer.heap("dRecStep", batch * width);
        float[] dNext = layer.heap("dNextHeap", batch * n);        // dL/dh(t) from step t+1
        float[] fromRecurrent = layer.heap("fromRecurrentHeap", batch * n);
        Arrays.fill(dNext, 0, batch * n, 0f);
        BatchSplit.run(batch, (from, to) -> {
            int rows = to - from;
            Blas.Matrix fromRecurrentPart = fromRecurrentM.rows(from, rows);
            for (int t = steps - 1; t >= 0; t--) {
                for (int b = from; b < to; b++) {
                    int row = (t * batch + b) * width;
                    int here = (t * batch + b) * n;  // ε(t), h(t-1) in h, part(t)
                    int out = b * width;
                    int carry = b * n;
                    float m = keep == null ? 1f : keep[t * batch + b];
                    for (int j = 0; j < n; j++) {
                        float dh = (eps[here + j] + dNext[carry + j]) * m;
                        float z = act[row + j];
                        float r = act[row + n + j];
                        float candidate = act[row + 2 * n + j];
                        float previous = h[here + j];
                        float dz = dh * (candidate - previous) * z * (1f - z);
                        float dCandidate = dh * z * (1f - candidate * candidate);
                        float dr = dCandidate * part[here + j] * r * (1f - r);
                        dStep[out + j] = dz;
                        dStep[out + n + j] = dr;
                        dStep[out + 2 * n + j] = dCandidate;
                        dRecStep[out + j] = dz;
                        dRecStep[out + n + j] = dr;
                        dRecStep[out + 2 * n + j] = dCandidate * r;
                        dNext[carry + j] = dh * (1f - z);
                    }
                }
                dGatesM.rows((long) t * batch + from, rows).write(dStep, from * width);
                Blas.Matrix recurrentStep = dRecurrentM.rows((long) t * batch + from, rows);
                recurrentStep.write(dRecStep, from * width);
                if (t > 0) { // dL/dh(t-1) = (1 - z) * dh + dRecurrent(t)·RWᵀ
                    Blas.gemm(recurrentStep, false, rwT, false, 0f, fromRecurrentPart);
                    fromRecurrentPart.read(fromRecurrent, from * n);
                    for (int k = from * n; k < to * n; k++) {
                        dNext[k] += fromRecurrent[k];
                    }
                }
            }
        });
        return new INDArray[]{dGates, dRecurrent};
    }
}
