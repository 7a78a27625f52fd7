package pena.layers.step;

import pena.layers.cells.LstmGate;

import java.util.List;

import static pena.layers.cells.LstmGate.CANDIDATE;
import static pena.layers.cells.LstmGate.FORGET;
import static pena.layers.cells.LstmGate.INPUT;
import static pena.layers.cells.LstmGate.OUTPUT;

/** One LSTM step (equations in {@code pena.layers.Lstm}, blocks as {@link LstmGate} lays them out). */
final class LstmStep extends StepCell {
    /** Inspection's order: the gates i, f, o, the candidate g, then the states. */
    static final List<String> QUANTITIES = List.of(INPUT.symbol, FORGET.symbol, OUTPUT.symbol, CANDIDATE.symbol,
            "c", "h");
    private float[] c;

    LstmStep(float[][] w, float[][] rw, float[] b) {
        super(w, rw, b);
        c = new float[n];
    }

    @Override
    void reset() {
        super.reset();
        c = new float[n];
    }

    @Override
    StepCell copy() {
        return new LstmStep(w, rw, b);
    }

    @Override
    List<String> quantities() {
        return QUANTITIES;
    }

    @Override
    float[] step(float[] x, int token, TokenStepper.GateRecorder recorder, int layer) {
        float[] a = inputPart(x, token);
        for (int k = 0; k < n; k++) {
            TokenStepper.addScaledRow(h[k], rw[k], 0, a, 0, a.length);
        }
        int gAt = CANDIDATE.from(n);
        int fAt = FORGET.from(n);
        int oAt = OUTPUT.from(n);
        int iAt = INPUT.from(n);
        float[] hNext = new float[n];
        float[] is = recorder == null ? null : new float[n];
        float[] fs = recorder == null ? null : new float[n];
        float[] os = recorder == null ? null : new float[n];
        float[] gs = recorder == null ? null : new float[n];
        for (int j = 0; j < n; j++) {
            float g = (float) Math.tanh(a[gAt + j]);
            float f = sigmoid(a[fAt + j]);
            float o = sigmoid(a[oAt + j]);
            float i = sigmoid(a[iAt + j]);
            c[j] = f * c[j] + i * g;                   // C = f * C(t-1) + i * g
            hNext[j] = o * (float) Math.tanh(c[j]);    // h = o * tanh(C)
            if (recorder != null) {
                is[j] = i;
                fs[j] = f;
                os[j] = o;
                gs[j] = g;
            }
        }
        h = hNext;
        if (recorder != null) {
            recorder.record(layer, INPUT.symbol, is);
            recorder.record(layer, FORGET.symbol, fs);
            recorder.record(layer, OUTPUT.symbol, os);
            recorder.record(layer, CANDIDATE.symbol, gs);
            recorder.record(layer, "c", c.clone());
            recorder.record(layer, "h", h.clone());
        }
        return h;
    }
}
