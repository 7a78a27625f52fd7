package pena.layers.step;

import pena.layers.cells.GruGate;
import pena.layers.kernels.FloatMath;

import java.util.List;

import static pena.layers.cells.GruGate.CANDIDATE;
import static pena.layers.cells.GruGate.RESET;
import static pena.layers.cells.GruGate.UPDATE;

/** One GRU step, either form (equations in {@code pena.layers.Gru}, blocks as {@link GruGate} lays them out). */
final class GruStep extends StepCell {
    /** Inspection's order: z, r, the candidate n (h̃), then h. */
    static final List<String> QUANTITIES = List.of(UPDATE.symbol, RESET.symbol, CANDIDATE.symbol, "h");
    private final boolean resetAfter;
    private final float[] candidateBias;

    GruStep(boolean resetAfter, float[][] w, float[][] rw, float[] b, float[] candidateBias) {
        super(w, rw, b);
        this.resetAfter = resetAfter;
        this.candidateBias = candidateBias;
    }

    @Override
    StepCell copy() {
        return new GruStep(resetAfter, w, rw, b, candidateBias);
    }

    @Override
    List<String> quantities() {
        return QUANTITIES;
    }

    @Override
    float[] step(float[] x, int token, TokenStepper.GateRecorder recorder, int layer) {
        int zAt = UPDATE.from(n);
        int rAt = RESET.from(n);
        int candidateAt = CANDIDATE.from(n);
        float[] a = inputPart(x, token);
        float[] recurrent = new float[GruGate.BLOCKS * n];
        // reset-after: h(t-1)·RW for all three blocks; original: the gates' blocks only
        int columns = resetAfter ? GruGate.BLOCKS * n : candidateAt;
        for (int k = 0; k < n; k++) {
            TokenStepper.addScaledRow(h[k], rw[k], recurrent, 0, columns);
        }
        float[] z = new float[n];
        float[] r = new float[n];
        for (int j = 0; j < n; j++) {
            z[j] = FloatMath.sigmoid(a[zAt + j] + recurrent[zAt + j]);
            r[j] = FloatMath.sigmoid(a[rAt + j] + recurrent[rAt + j]);
        }
        if (resetAfter) { // h̃ = tanh(x·W_h + b_h + r * (h(t-1)·RW_h + RB))
            for (int j = 0; j < n; j++) {
                a[candidateAt + j] += r[j] * (recurrent[candidateAt + j] + candidateBias[j]);
            }
        } else {          // h̃ = tanh(x·W_h + (r * h(t-1))·RW_h + b_h)
            for (int k = 0; k < n; k++) {
                TokenStepper.addScaledRow(r[k] * h[k], rw[k], a, candidateAt, candidateAt + n);
            }
        }
        float[] hNext = new float[n];
        float[] candidates = recorder == null ? null : new float[n];
        for (int j = 0; j < n; j++) {
            float candidate = FloatMath.tanh(a[candidateAt + j]);
            hNext[j] = h[j] + z[j] * (candidate - h[j]);   // h = h(t-1) + z * (h̃ - h(t-1))
            if (candidates != null) {
                candidates[j] = candidate;
            }
        }
        h = hNext;
        if (recorder != null) {
            recorder.record(layer, UPDATE.symbol, z);
            recorder.record(layer, RESET.symbol, r);
            recorder.record(layer, CANDIDATE.symbol, candidates);
            recorder.record(layer, "h", h.clone());
        }
        return h;
    }
}
