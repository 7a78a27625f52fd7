package pena.nn;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer;
import org.deeplearning4j.nn.layers.feedforward.embedding.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.layers.recurrent.LSTM;
import org.deeplearning4j.nn.layers.recurrent.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import pena.nn.rnn.Gru;
import pena.nn.rnn.GruLayer;
import pena.nn.rnn.LstmLayer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One token at a time through a trained network, in plain Java over a copy of its weights.
 *
 * <p>Sampling feeds one token per step at batch 1. Through ND4J each step is some fifty native
 * calls on tiny arrays and costs milliseconds; the arithmetic itself is about a million
 * multiply-adds for a 2×256 model. Here the products are written as row updates
 * ({@code out += x[k] · W[k, ·]}), which the JIT turns into vector instructions, and a one-hot
 * input is one row of W. Tested against {@code rnnTimeStep} to 1e-5.
 */
public final class FastStepper {
    private final float[][] embedding;   // [vocabulary][E], or null for one-hot input
    private final List<Cell> cells;
    private final float[][] denseWeights; // [nIn][width], or null
    private final float[] denseBias;
    private final float[][] outputWeights; // [nIn][vocabulary]
    private final float[] outputBias;

    private FastStepper(float[][] embedding, List<Cell> cells, float[][] denseWeights, float[] denseBias,
                        float[][] outputWeights, float[] outputBias) {
        this.embedding = embedding;
        this.cells = cells;
        this.denseWeights = denseWeights;
        this.denseBias = denseBias;
        this.outputWeights = outputWeights;
        this.outputBias = outputBias;
    }

    /**
     * A stepper over a copy of the network's current weights, or empty if the network has a
     * layer this class does not run (then use {@code rnnTimeStep}).
     */
    public static Optional<FastStepper> of(MultiLayerNetwork network) {
        float[][] embedding = null;
        List<Cell> cells = new ArrayList<>();
        float[][] denseWeights = null;
        float[] denseBias = null;
        Layer[] layers = network.getLayers();
        for (int i = 0; i < layers.length; i++) {
            Layer layer = layers[i];
            boolean last = i == layers.length - 1;
            if (layer instanceof EmbeddingSequenceLayer && i == 0 && !layer.paramTable().containsKey("b")) {
                embedding = matrix(layer.getParam("W"));
            } else if (layer instanceof LstmLayer || layer instanceof LSTM && isStandardLstm((LSTM) layer)) {
                cells.add(new LstmCell(matrix(layer.getParam("W")), matrix(layer.getParam("RW")),
                        vector(layer.getParam("b"))));
            } else if (layer instanceof GruLayer gru) {
                Gru conf = (Gru) gru.layerConf();
                cells.add(new GruCell(conf.isResetAfter(), matrix(layer.getParam("W")), matrix(layer.getParam("RW")),
                        vector(layer.getParam("b")), conf.isResetAfter() ? vector(layer.getParam("RB")) : null));
            } else if (layer instanceof DenseLayer dense && !last && denseWeights == null
                    && dense.layerConf().getActivationFn() instanceof ActivationTanH) {
                denseWeights = matrix(layer.getParam("W"));
                denseBias = vector(layer.getParam("b"));
            } else if (!(layer instanceof RnnOutputLayer output && last
                    && output.layerConf().getActivationFn() instanceof ActivationSoftmax)) {
                return Optional.empty();
            }
        }
        if (cells.isEmpty()) {
            return Optional.empty();
        }
        Layer output = layers[layers.length - 1];
        return Optional.of(new FastStepper(embedding, cells, denseWeights, denseBias,
                matrix(output.getParam("W")), vector(output.getParam("b"))));
    }

    private static boolean isStandardLstm(LSTM layer) {
        var conf = layer.layerConf();
        return conf.getGateActivationFn() instanceof ActivationSigmoid && conf.getActivationFn() instanceof ActivationTanH;
    }

    /** Receives what one layer computed at one step: its gates and states, in course notation. */
    public interface GateRecorder {
        /**
         * @param layer    0-based recurrent layer
         * @param quantity one of {@link #quantities(int)}
         * @param values   one value per unit (a fresh array the recorder may keep)
         */
        void record(int layer, String quantity, float[] values);
    }

    /** A stepper over the same weights (shared, never written) with its own zero state: one per user or thread. */
    public FastStepper copy() {
        return new FastStepper(embedding, cells.stream().map(Cell::copy).toList(), denseWeights, denseBias,
                outputWeights, outputBias);
    }

    /** Recurrent layers. */
    public int layers() {
        return cells.size();
    }

    /** Units of a recurrent layer. */
    public int units(int layer) {
        return cells.get(layer).n;
    }

    /**
     * What {@link GateRecorder} receives for a layer, in this order. LSTM: i input gate, f forget
     * gate, o output gate, g candidate C̃t, c cell state Ct, h output ht. GRU: z update gate,
     * r reset gate, n candidate h̃t, h state ht.
     */
    public List<String> quantities(int layer) {
        return cells.get(layer) instanceof LstmCell ? LstmCell.QUANTITIES : GruCell.QUANTITIES;
    }

    /** Back to the zero state. */
    public void reset() {
        cells.forEach(Cell::reset);
    }

    /** Feeds one token and returns the probabilities of the next. */
    public float[] next(int token) {
        return next(token, null);
    }

    /** Feeds one token, shows every layer's gates and states to {@code recorder} (may be null), returns the next token's probabilities. */
    public float[] next(int token, GateRecorder recorder) {
        float[] x;
        Cell first = cells.get(0);
        if (embedding != null) {
            x = first.step(embedding[token], -1, recorder, 0);
        } else {
            x = first.step(null, token, recorder, 0); // one-hot: the row of W for the token
        }
        for (int l = 1; l < cells.size(); l++) {
            x = cells.get(l).step(x, -1, recorder, l);
        }
        if (denseWeights != null) {
            float[] d = affine(x, denseWeights, denseBias);
            for (int j = 0; j < d.length; j++) {
                d[j] = (float) Math.tanh(d[j]);
            }
            x = d;
        }
        return softmax(affine(x, outputWeights, outputBias));
    }

    /** bias + x·W, as row updates. */
    static float[] affine(float[] x, float[][] w, float[] bias) {
        float[] out = bias.clone();
        for (int k = 0; k < x.length; k++) {
            addScaledRow(x[k], w[k], 0, out, 0, out.length);
        }
        return out;
    }

    /** out[outFrom + j] += a · row[from + j] for j < length. */
    static void addScaledRow(float a, float[] row, int from, float[] out, int outFrom, int length) {
        if (a == 0f) {
            return;
        }
        for (int j = 0; j < length; j++) {
            out[outFrom + j] += a * row[from + j];
        }
    }

    private static float[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] e = new double[logits.length];
        for (int j = 0; j < logits.length; j++) {
            e[j] = Math.exp(logits[j] - max);
            sum += e[j];
        }
        float[] p = new float[logits.length];
        for (int j = 0; j < p.length; j++) {
            p[j] = (float) (e[j] / sum);
        }
        return p;
    }

    private static float sigmoid(float v) {
        return (float) (1.0 / (1.0 + Math.exp(-v)));
    }

    private static float[][] matrix(INDArray array) {
        return array.castTo(DataType.FLOAT).toFloatMatrix();
    }

    private static float[] vector(INDArray array) {
        return array.castTo(DataType.FLOAT).reshape(array.length()).toFloatVector();
    }

    /** One recurrent layer: W [nIn][k·n], RW [n][k·n], state carried between steps. */
    private abstract static class Cell {
        final float[][] w;
        final float[][] rw;
        final float[] b;
        final int n;
        float[] h;

        Cell(float[][] w, float[][] rw, float[] b) {
            this.w = w;
            this.rw = rw;
            this.b = b;
            this.n = rw.length;
            this.h = new float[n];
        }

        /** Input x, or (first layer, one-hot) the token whose row of W is the input product. */
        abstract float[] step(float[] x, int token, GateRecorder recorder, int layer);

        /** The same weights, zero state. */
        abstract Cell copy();

        void reset() {
            h = new float[n];
        }

        /** b + x·W for all k·n columns. */
        float[] inputPart(float[] x, int token) {
            if (x == null) {
                float[] out = b.clone();
                addScaledRow(1f, w[token], 0, out, 0, out.length);
                return out;
            }
            return affine(x, w, b);
        }
    }

    /** DL4J's LSTM layout, blocks g, f, o, i (see {@link pena.nn.rnn.Lstm}). */
    private static final class LstmCell extends Cell {
        static final List<String> QUANTITIES = List.of("i", "f", "o", "g", "c", "h");
        float[] c;

        LstmCell(float[][] w, float[][] rw, float[] b) {
            super(w, rw, b);
            c = new float[n];
        }

        @Override
        void reset() {
            super.reset();
            c = new float[n];
        }

        @Override
        Cell copy() {
            return new LstmCell(w, rw, b);
        }

        @Override
        float[] step(float[] x, int token, GateRecorder recorder, int layer) {
            float[] a = inputPart(x, token);
            for (int k = 0; k < n; k++) {
                addScaledRow(h[k], rw[k], 0, a, 0, a.length);
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

    /** Blocks z, r, h̃ (see {@link Gru}). */
    private static final class GruCell extends Cell {
        static final List<String> QUANTITIES = List.of("z", "r", "n", "h");
        private final boolean resetAfter;
        private final float[] candidateBias;

        GruCell(boolean resetAfter, float[][] w, float[][] rw, float[] b, float[] candidateBias) {
            super(w, rw, b);
            this.resetAfter = resetAfter;
            this.candidateBias = candidateBias;
        }

        @Override
        Cell copy() {
            return new GruCell(resetAfter, w, rw, b, candidateBias);
        }

        @Override
        float[] step(float[] x, int token, GateRecorder recorder, int layer) {
            float[] a = inputPart(x, token);
            float[] recurrent = new float[3 * n];
            int columns = resetAfter ? 3 * n : 2 * n;
            for (int k = 0; k < n; k++) {
                addScaledRow(h[k], rw[k], 0, recurrent, 0, columns);
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
                    addScaledRow(r[k] * h[k], rw[k], 2 * n, a, 2 * n, n);
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
}
