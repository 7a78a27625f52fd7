package pena.layers.step;

import pena.layers.cells.LstmGate;
import pena.layers.kernels.FloatMath;

import java.util.Arrays;
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
            TokenStepper.addScaledRow(h[k], rw[k], a, 0, a.length);
        }
        int gAt = CANDIDATE.from(n);
        int fAt = FORGET.from(n);
        int oAt = OUTPUT.from(n);
        int iAt = INPUT.from(n);
        // the activations as the training kernel computes them: FloatMath's range loops, which the
        // JIT vectorizes (Math.tanh is a library call per element)
        FloatMath.sigmoid(a, iAt, iAt + n);
        FloatMath.sigmoid(a, fAt, fAt + n);
        FloatMath.sigmoid(a, oAt, oAt + n);
        FloatMath.tanh(a, gAt, gAt + n);
        float[] hNext = new float[n];
        for (int j = 0; j < n; j++) {
            c[j] = a[fAt + j] * c[j] + a[iAt + j] * a[gAt + j]; // C = f * C(t-1) + i * g
            hNext[j] = c[j];
        }
        FloatMath.tanh(hNext, 0, n);
        for (int j = 0; j < n; j++) {
            hNext[j] *= a[oAt + j];                             // h = o * tanh(C)
        }
        float[] is = recorder == null ? null : Arrays.copyOfRange(a, iAt, iAt + n);
        float[] fs = recorder == null ? null : Arrays.copyOfRange(a, fAt, fAt + n);
        float[] os = recorder == null ? null : Arrays.copyOfRange(a, oAt, oAt + n);
        float[] gs = recorder == null ? null : Arrays.copyOfRange(a, gAt, gAt + n);
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
