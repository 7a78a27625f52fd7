package pena.nn;


import java.util.List;

/**
 * One recurrent layer of a {@link FastStepper}: W [nIn][k·n], RW [n][k·n], b, and the state
 * carried between steps; {@link Lstm} and {@link Gru} do the arithmetic of one step.
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
    abstract float[] step(float[] x, int token, FastStepper.GateRecorder recorder, int layer);

    /** The same weights, zero state. */
    abstract StepCell copy();

    void reset() {
        h = new float[n];
    }

    /** b + x·W for all k·n columns. */
    float[] inputPart(float[] x, int token) {
        if (x == null) {
            float[] out = b.clone();
            FastStepper.addScaledRow(1f, w[token], 0, out, 0, out.length);
            return out;
        }
        return FastStepper.affine(x, w, b);
    }

    /** DL4J's LSTM layout, blocks g, f, o, i (see {@link pena.nn.rnn.Lstm}). */
    static final class Lstm extends StepCell {
        static final List<String> QUANTITIES = List.of("i", "f", "o", "g", "c", "h");
        float[] c;

        Lstm(float[][] w, float[][] rw, float[] b) {
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
            return new Lstm(w, rw, b);
        }

        @Override
        float[] step(float[] x, int token, FastStepper.GateRecorder recorder, int layer) {
            float[] a = inputPart(x, token);
            for (int k = 0; k < n; k++) {
                FastStepper.addScaledRow(h[k], rw[k], 0, a, 0, a.length);
            }
            float[] hNext = new float[n];
            float[][] gates = recorder == null ? null : new float[4][n];
            for (int j = 0; j < n; j++) {
                float g = (float) Math.tanh(a[j]);
                float f = sigmoid(a[n + j]);
                float o = sigmoid(a[2 * n + j]);
                float i = sigmoid(a[3 * n + j]);
                c[j] = f * c[j] + i * g;
                hNext[j] = o * (float) Math.tanh(c[j]);
                if (gates != null) {
                    gates[0][j] = i;
                    gates[1][j] = f;
                    gates[2][j] = o;
                    gates[3][j] = g;
                }
            }
            h = hNext;
            if (recorder != null) {
                for (int q = 0; q < 4; q++) {
                    recorder.record(layer, QUANTITIES.get(q), gates[q]);
                }
                recorder.record(layer, "c", c.clone());
                recorder.record(layer, "h", h.clone());
            }
            return h;
        }
    }

    /** Blocks z, r, h̃ (see {@link pena.nn.rnn.Gru}). */
    static final class Gru extends StepCell {
        static final List<String> QUANTITIES = List.of("z", "r", "n", "h");
        private final boolean resetAfter;
        private final float[] candidateBias;

        Gru(boolean resetAfter, float[][] w, float[][] rw, float[] b, float[] candidateBias) {
            super(w, rw, b);
            this.resetAfter = resetAfter;
            this.candidateBias = candidateBias;
        }

        @Override
        StepCell copy() {
            return new Gru(resetAfter, w, rw, b, candidateBias);
        }

        @Override
        float[] step(float[] x, int token, FastStepper.GateRecorder recorder, int layer) {
            float[] a = inputPart(x, token);
            float[] recurrent = new float[3 * n];
            int columns = resetAfter ? 3 * n : 2 * n;
            for (int k = 0; k < n; k++) {
                FastStepper.addScaledRow(h[k], rw[k], 0, recurrent, 0, columns);
            }
            float[] z = new float[n];
            float[] r = new float[n];
            for (int j = 0; j < n; j++) {
                z[j] = sigmoid(a[j] + recurrent[j]);
                r[j] = sigmoid(a[n + j] + recurrent[n + j]);
            }
            if (resetAfter) {
                for (int j = 0; j < n; j++) {
                    a[2 * n + j] += r[j] * (recurrent[2 * n + j] + candidateBias[j]);
                }
            } else {
                for (int k = 0; k < n; k++) {
                    FastStepper.addScaledRow(r[k] * h[k], rw[k], 2 * n, a, 2 * n, n);
                }
            }
            float[] hNext = new float[n];
            float[] candidates = recorder == null ? null : new float[n];
            for (int j = 0; j < n; j++) {
                float candidate = (float) Math.tanh(a[2 * n + j]);
                hNext[j] = h[j] + z[j] * (candidate - h[j]);
                if (candidates != null) {
                    candidates[j] = candidate;
                }
            }
            h = hNext;
            if (recorder != null) {
                recorder.record(layer, "z", z);
                recorder.record(layer, "r", r);
                recorder.record(layer, "n", candidates);
                recorder.record(layer, "h", h.clone());
            }
            return h;
        }
    }

    static float sigmoid(float v) {
        return (float) (1.0 / (1.0 + Math.exp(-v)));
    }
}
