package pena.layers.step;

import java.util.List;

/**
 * One recurrent layer of a {@link TokenStepper}: W [nIn][k·n], RW [n][k·n], b, and the state
 * carried between steps; {@link LstmStep} and {@link GruStep} do the arithmetic of one step,
 * with the gate layout of {@code pena.layers.cells}.
 */
abstract class StepCell {
    final float[][] w;
    final float[][] rw;
    final float[] b;
    final int n;
    float[] h;

    StepCell(float[][] w, float[][] rw, float[] b) {
        this.w = w;
        this.rw = rw;
        this.b = b;
        this.n = rw.length;
        this.h = new float[n];
    }

    /** Input x, or (first layer, one-hot) the token whose row of W is the input product. */
    abstract float[] step(float[] x, int token, TokenStepper.GateRecorder recorder, int layer);

    /** The same weights, zero state. */
    abstract StepCell copy();

    /** What a {@link TokenStepper.GateRecorder} receives from this cell, in order. */
    abstract List<String> quantities();

    void reset() {
        h = new float[n];
    }

    /** b + x·W for all k·n columns. */
    float[] inputPart(float[] x, int token) {
        if (x == null) {
            float[] out = b.clone();
            TokenStepper.addScaledRow(1f, w[token], out, 0, out.length);
            return out;
        }
        return TokenStepper.affine(x, w, b);
    }
}
