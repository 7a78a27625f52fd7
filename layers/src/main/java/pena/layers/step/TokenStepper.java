package pena.layers.step;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer;
import org.deeplearning4j.nn.layers.feedforward.embedding.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.layers.recurrent.LSTM;
import org.deeplearning4j.nn.layers.recurrent.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import pena.layers.Gru;
import pena.layers.GruLayer;
import pena.layers.LstmLayer;
import pena.layers.RnnLayer;
import pena.layers.TimeMajorOutputLayer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static pena.layers.RecurrentParamInitializer.BIAS;
import static pena.layers.RecurrentParamInitializer.INPUT_WEIGHTS;
import static pena.layers.RecurrentParamInitializer.RECURRENT_BIAS;
import static pena.layers.RecurrentParamInitializer.RECURRENT_WEIGHTS;

/**
 * One token at a time through a trained network, in plain Java over a copy of its weights.
 *
 * <p>Sampling feeds one token per step at batch 1. Through ND4J each step is some fifty native
 * calls on tiny arrays and costs milliseconds; the arithmetic itself is about a million
 * multiply-adds for a 2×256 model. Here the products are written as row updates
 * ({@code out += x[k] · W[k, ·]}), which the JIT turns into vector instructions, and a one-hot
 * input is one row of W. Tested against {@code rnnTimeStep} to 1e-5. Sampling, inspection and
 * the classroom page all step through this class.
 */
public final class TokenStepper {
    private final float[][] embedding;   // [vocabulary][E], or null for one-hot input
    private final List<StepCell> cells;
    private final float[][] denseWeights; // [nIn][width], or null
    private final float[] denseBias;
    private final float[][] outputWeights; // [nIn][vocabulary]
    private final float[] outputBias;

    private TokenStepper(float[][] embedding, List<StepCell> cells, float[][] denseWeights, float[] denseBias,
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
    public static Optional<TokenStepper> of(MultiLayerNetwork network) {
        float[][] embedding = null;
        List<StepCell> cells = new ArrayList<>();
        float[][] denseWeights = null;
        float[] denseBias = null;
        Layer[] layers = network.getLayers();
        for (int i = 0; i < layers.length; i++) {
            Layer layer = layers[i];
            boolean last = i == layers.length - 1;
            if (layer instanceof EmbeddingSequenceLayer && i == 0 && !layer.paramTable().containsKey(DefaultParamInitializer.BIAS_KEY)) {
                embedding = matrix(layer.getParam(DefaultParamInitializer.WEIGHT_KEY));
            } else if (layer instanceof LstmLayer || layer instanceof LSTM && isStandardLstm((LSTM) layer)) {
                // Pena's LSTM keeps DL4J's parameter names and layout, so both read the same way
                cells.add(new LstmStep(matrix(layer.getParam(INPUT_WEIGHTS)),
                        matrix(layer.getParam(RECURRENT_WEIGHTS)), vector(layer.getParam(BIAS))));
            } else if (layer instanceof GruLayer gru) {
                Gru conf = (Gru) gru.layerConf();
                cells.add(new GruStep(conf.isResetAfter(), matrix(layer.getParam(INPUT_WEIGHTS)),
                        matrix(layer.getParam(RECURRENT_WEIGHTS)), vector(layer.getParam(BIAS)),
                        conf.isResetAfter() ? vector(layer.getParam(RECURRENT_BIAS)) : null));
            } else if (layer instanceof RnnLayer) {
                cells.add(new RnnStep(matrix(layer.getParam(INPUT_WEIGHTS)), matrix(layer.getParam(RECURRENT_WEIGHTS)),
                        vector(layer.getParam(BIAS))));
            } else if (layer instanceof DenseLayer dense && !last && denseWeights == null
                    && dense.layerConf().getActivationFn() instanceof ActivationTanH) {
                denseWeights = matrix(layer.getParam(DefaultParamInitializer.WEIGHT_KEY));
                denseBias = vector(layer.getParam(DefaultParamInitializer.BIAS_KEY));
            } else if (!(last && isSoftmaxOutput(layer))) {
                return Optional.empty();
            }
        }
        if (cells.isEmpty()) {
            return Optional.empty();
        }
        Layer output = layers[layers.length - 1];
        return Optional.of(new TokenStepper(embedding, cells, denseWeights, denseBias,
                matrix(output.getParam(DefaultParamInitializer.WEIGHT_KEY)), vector(output.getParam(DefaultParamInitializer.BIAS_KEY))));
    }

    /** DL4J's RnnOutputLayer or Pena's TimeMajorOutputLayer, with a softmax (RowSoftmax is one). */
    private static boolean isSoftmaxOutput(Layer layer) {
        if (layer instanceof RnnOutputLayer output) {
            return output.layerConf().getActivationFn() instanceof ActivationSoftmax;
        }
        return layer instanceof TimeMajorOutputLayer output
                && output.layerConf().getActivationFn() instanceof ActivationSoftmax;
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
    public TokenStepper copy() {
        return new TokenStepper(embedding, cells.stream().map(StepCell::copy).toList(), denseWeights, denseBias,
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
     * r reset gate, n candidate h̃t, h state ht. RNN: h state ht.
     */
    public List<String> quantities(int layer) {
        return cells.get(layer).quantities();
    }

    /** Back to the zero state. */
    public void reset() {
        cells.forEach(StepCell::reset);
    }

    /** Feeds one token and returns the probabilities of the next. */
    public float[] next(int token) {
        return next(token, null);
    }

    /** Feeds one token, shows every layer's gates and states to {@code recorder} (may be null), returns the next token's probabilities. */
    public float[] next(int token, GateRecorder recorder) {
        float[] x;
        StepCell first = cells.get(0);
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
            addScaledRow(x[k], w[k], out, 0, out.length);
        }
        return out;
    }

    /**
     * out[j] += a · row[j] for from ≤ j < to. Both arrays are read at the same index on purpose:
     * until a caller is compiled with this method inlined, it runs on its own, and then the JIT
     * vectorizes the loop only when it can see that a store to out never feeds a later load of
     * row (two different offsets into what might be one array hide that). Measured with this
     * method kept out of line, 2×256 LSTM at batch 1: 0.31 ms per character with two offsets,
     * 0.13 with one; that was the first few hundred characters of every sampling run.
     */
    static void addScaledRow(float a, float[] row, float[] out, int from, int to) {
        if (a == 0f) {
            return;
        }
        for (int j = from; j < to; j++) {
            out[j] += a * row[j];
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

    private static float[][] matrix(INDArray array) {
        return array.castTo(DataType.FLOAT).toFloatMatrix();
    }

    private static float[] vector(INDArray array) {
        return array.castTo(DataType.FLOAT).reshape(array.length()).toFloatVector();
    }
}
