package pena.layers.step;

import pena.layers.kernels.FloatMath;

import java.util.List;

/** One plain RNN step: h = tanh(x·W + h(t-1)·RW + b) (equation in {@code pena.layers.Rnn}). */
final class RnnStep extends StepCell {
    /** Inspection's quantities: the state h, the cell's only one. */
    static final List<String> QUANTITIES = List.of("h");

    RnnStep(float[][] w, float[][] rw, float[] b) {
        super(w, rw, b);
    }

    @Override
    StepCell copy() {
        return new RnnStep(w, rw, b);
    }

    @Override
    List<String> quantities() {
        return QUANTITIES;
    }

    @Override
    float[] step(float[] x, int token, TokenStepper.GateRecorder recorder, int layer) {
        float[] a = inputPart(x, token);
        for (int k = 0; k < n; k++) {
            TokenStepper.addScaledRow(h[k], rw[k], a, 0, n);
        }
        FloatMath.tanh(a, 0, n);
        h = a;
        if (recorder != null) {
            recorder.record(layer, "h", h.clone());
        }
        return h;
    }
}
