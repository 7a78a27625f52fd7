package pena.inspect;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer;
import org.deeplearning4j.nn.layers.feedforward.embedding.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import pena.layers.RecurrentCellLayer;
import pena.layers.step.TokenStepper;
import pena.model.ModelText;
import pena.model.PenaModel;
import pena.nn.CellType;

import java.util.ArrayList;
import java.util.List;

/**
 * Measures memory on a model's own weights: how much each earlier input influences a
 * prediction. For a window of inputs x(T−L) … x(T−1) read from the zero state and the token y
 * that follows them, the gradient g(s) = ∂ log p(y | x(≤T−1)) / ∂ x(s) for every s, through
 * every layer, by the layers' own backward passes: the output layer's part by hand
 * (∂ log p_y / ∂h = W_out[·, y] − W_out · p), then each recurrent layer's
 * {@code backpropGradient} from the top down, dL/dh non-zero at the last step only. The norm
 * |g(s)| is the influence of the input d = T − s tokens back.
 *
 * <p>A profile reads {@link #warmUp} tokens before each window, so the window's inputs are
 * read as in running text. The arithmetic is double precision on a copy of the network (the layers' ND4J reference
 * path, the one the gradient checks hold to finite differences) when the model has at most
 * {@link #DOUBLE_LIMIT} parameters; float on the model's own path above that. Dropout is
 * switched off in the copy: the gradient of the model as it predicts, not as it trains.
 */
public final class MemoryProbe {
    /** Inputs before each predicted token, unless asked otherwise. */
    public static final int DEFAULT_WINDOW = 128;
    /** Positions a profile averages over, unless asked otherwise. */
    public static final int DEFAULT_POSITIONS = 128;
    /** Parameters up to which the probe computes in double. */
    public static final long DOUBLE_LIMIT = 20_000_000;
    private static final int BATCH = 32;

    private final PenaModel model;
    private final MultiLayerNetwork network;
    private final boolean oneHot;
    private final int vocabulary;
    private final TokenStepper stepper;

    public MemoryProbe(PenaModel model) {
        this.model = model;
        if (model.spec().cell() == CellType.DL4J_LSTM) {
            throw new InspectionException("memory is measured on Pena's own cells (rnn, lstm, gru, gru-original); "
                    + "this model uses DL4J's LSTM, whose backward pass restarts each window from zero");
        }
        MultiLayerNetwork source = model.network();
        this.network = source.numParams() <= DOUBLE_LIMIT ? source.convertDataType(DataType.DOUBLE) : source.clone();
        network.initGradientsView(); // the layers' backward passes write their parameter gradients there
        for (Layer layer : network.getLayers()) {
            layer.conf().getLayer().setIDropout(null);
        }
        this.oneHot = model.spec().embedding() == 0;
        this.vocabulary = model.spec().vocabularySize();
        this.stepper = model.spec().cell() == CellType.LSTM ? TokenStepper.of(source).orElse(null) : null;
    }

    /** "double" or "float". */
    public String precision() {
        return network.params().dataType() == DataType.DOUBLE ? "double" : "float";
    }

    /**
     * What shaped the prediction of token {@code target} (0-based, at least 1; negative: the
     * last) of {@code text}: the influence of each of the up to {@code window} tokens before it.
     */
    public Attribution attribute(String text, int target, int window) {
        ModelText read = read(text);
        int[] ids = read.ids();
        if (target < 0) {
            target = ids.length - 1;
        }
        if (target < 1 || target >= ids.length) {
            throw new InspectionException("the predicted token must be between 2 and " + ids.length
                    + " (the first has nothing before it); got " + (target + 1));
        }
        int from = Math.max(0, target - window);
        int[] inputs = new int[target - from];
        System.arraycopy(ids, from, inputs, 0, inputs.length);
        Gradients g = gradients(new int[][]{inputs}, new int[]{ids[target]});
        double[] influence = new double[target];
        System.arraycopy(g.norms()[0], 0, influence, from, inputs.length);
        return new Attribution(read.tokens(), target, influence, Math.exp(g.logProbabilities()[0]), precision());
    }

    /**
     * The memory profile over the model's validation text (its documents joined by a blank line;
     * symbols the vocabulary lacks read as {@code <unk>}); a text too short for the window and
     * its warm-up gets a shorter window (the profile says which).
     */
    public MemoryProfile validationProfile(int window, int positions) {
        int[] ids = model.validationTexts().isEmpty() ? new int[0]
                : model.vocabulary().encode(model.tokenizer(), String.join("\n\n", model.validationTexts()));
        int fitting = window;
        while (fitting > 1 && fitting + warmUp(fitting) + 1 > ids.length) {
            fitting--;
        }
        if (fitting + warmUp(fitting) + 1 > ids.length) {
            throw new InspectionException("the model file's validation text is too short (" + ids.length
                    + " tokens) to measure memory on");
        }
        return profile(ids, fitting, positions);
    }

    /** The memory profile over a text, {@code positions} predicted tokens spread evenly through it. */
    public MemoryProfile profile(String text, int window, int positions) {
        return profile(read(text).ids(), window, positions);
    }

    /** The memory profile over token ids (a validation split), {@code positions} predictions spread evenly. */
    public synchronized MemoryProfile profile(int[] ids, int window, int positions) {
        if (window < 1) {
            throw new InspectionException("the memory window must be at least 1 token");
        }
        int warm = warmUp(window);
        int read = window + warm;
        if (ids.length < read + 1) {
            throw new InspectionException("the text has " + ids.length + " tokens; a memory profile over a window of "
                    + window + " needs at least " + (read + 1));
        }
        int available = ids.length - read;
        int count = Math.max(1, Math.min(positions, available));
        double[] sum = new double[window];
        List<double[]> forget = new ArrayList<>();
        for (int start = 0; start < count; start += BATCH) {
            int size = Math.min(BATCH, count - start);
            int[][] inputs = new int[size][read];
            int[] targets = new int[size];
            for (int i = 0; i < size; i++) {
                // the first stretch ends at token `read`, the last at the text's end
                int target = read + (int) ((long) (start + i) * (available - 1) / Math.max(1, count - 1));
                System.arraycopy(ids, target - read, inputs[i], 0, read);
                targets[i] = ids[target];
                addForgetPath(inputs[i], window, forget);
            }
            double[][] norms = gradients(inputs, targets).norms();
            for (double[] row : norms) {
                for (int d = 1; d <= window; d++) {
                    sum[d - 1] += row[read - d]; // input read − d is d tokens back
                }
            }
        }
        for (int d = 0; d < window; d++) {
            sum[d] /= count;
        }
        for (double[] layer : forget) {
            for (int d = 0; d < window; d++) {
                layer[d] /= count;
            }
        }
        return new MemoryProfile(model.spec().cell().id(), window, count, sum, forget, precision());
    }

    /**
     * Tokens read before a profile's window and not reported: a window read from the zero state
     * gives its first inputs an influence they do not have in running text (a fresh state
     * takes them in whole), which would show as a rise at the far end of the curve.
     */
    public static int warmUp(int window) {
        return Math.min(64, (window + 1) / 2);
    }

    /**
     * LSTM: adds, per layer, the unit-mean products of forget gates back from the last input,
     * for distances 1 … window, read as the gradients are ({@link TokenStepper}, the model's
     * float weights); index d − 1 holds f(T−d+1) · … · f(T−1).
     */
    private void addForgetPath(int[] inputs, int window, List<double[]> into) {
        if (stepper == null) {
            return;
        }
        TokenStepper reader = stepper.copy();
        int layers = reader.layers();
        float[][][] gates = new float[layers][inputs.length][];
        for (int t = 0; t < inputs.length; t++) {
            int step = t;
            reader.next(inputs[t], (layer, quantity, values) -> {
                if (quantity.equals("f")) {
                    gates[layer][step] = values;
                }
            });
        }
        while (into.size() < layers) {
            into.add(new double[window]);
        }
        for (int l = 0; l < layers; l++) {
            int n = gates[l][0].length;
            double[] product = new double[n];
            java.util.Arrays.fill(product, 1.0);
            double[] curve = into.get(l);
            curve[0] += 1.0;
            for (int d = 2; d <= window; d++) {
                float[] f = gates[l][inputs.length - d + 1]; // the gate at T − d + 1 joins the product
                double mean = 0;
                for (int j = 0; j < n; j++) {
                    product[j] *= f[j];
                    mean += product[j];
                }
                curve[d - 1] += mean / n;
            }
        }
    }

    private ModelText read(String text) {
        if (text.isEmpty()) {
            throw new InspectionException("the text is empty: give a sentence to read");
        }
        try {
            return ModelText.read(model, text, "the text");
        } catch (ModelText.UnknownSymbolsException e) {
            throw new InspectionException(e.getMessage());
        }
    }

    /** Per example: |∂ log p(target) / ∂ x(s)| for each input s, and log p(target). */
    record Gradients(double[][] norms, double[] logProbabilities, INDArray inputGradient) {
    }

    /**
     * The gradient of log p(targets[b] | inputs[b]) with respect to every input vector, each
     * window from the zero state: [batch, nIn, steps] in {@link Gradients#inputGradient}.
     */
    synchronized Gradients gradients(int[][] inputs, int[] targets) {
        return gradients(input(inputs), targets);
    }

    /** As {@link #gradients(int[][], int[])} for a ready input array (one-hot [B, V, T] or ids [B, 1, T]). */
    synchronized Gradients gradients(INDArray input, int[] targets) {
        LayerWorkspaceMgr none = LayerWorkspaceMgr.noWorkspaces();
        DataType type = network.params().dataType();
        Layer[] layers = network.getLayers();
        int batch = (int) input.size(0);
        int steps = (int) input.size(2);
        INDArray x = input.castTo(type);
        List<Layer> recurrent = new ArrayList<>();
        INDArray dense = null; // the dense layer's output at the last step, when there is one
        Layer denseLayer = null;
        for (int i = 0; i < layers.length - 1; i++) {
            Layer layer = layers[i];
            if (layer instanceof EmbeddingSequenceLayer) {
                x = layer.activate(x, false, none).castTo(type);
            } else if (layer instanceof RecurrentCellLayer<?, ?>) {
                x = layer.activate(x, true, none).dup(); // training: the layer keeps the pass for its backward
                recurrent.add(layer);
            } else if (layer instanceof DenseLayer) {
                denseLayer = layer;
                INDArray last = x.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(steps - 1));
                dense = layer.activate(last.dup(), false, none).dup();
            } else {
                throw new InspectionException("memory cannot be measured through a "
                        + layer.getClass().getSimpleName() + " layer");
            }
        }
        INDArray top = dense != null ? dense
                : x.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(steps - 1)).dup();
        Layer output = layers[layers.length - 1];
        INDArray w = output.getParam(DefaultParamInitializer.WEIGHT_KEY).castTo(type);       // [nIn, V]
        INDArray bias = output.getParam(DefaultParamInitializer.BIAS_KEY).castTo(type);      // [1, V]
        INDArray logits = top.mmul(w).addiRowVector(bias);
        INDArray max = logits.max(1);
        INDArray shifted = logits.subColumnVector(max.reshape(batch, 1));
        INDArray p = org.nd4j.linalg.ops.transforms.Transforms.exp(shifted, true);
        INDArray sums = p.sum(1).reshape(batch, 1);
        p.diviColumnVector(sums);
        double[] logProbabilities = new double[batch];
        INDArray pMinusY = p.neg(); // d log p_y / d logits = onehot(y) − p
        for (int b = 0; b < batch; b++) {
            logProbabilities[b] = shifted.getDouble(b, targets[b]) - Math.log(sums.getDouble(b, 0));
            pMinusY.putScalar(b, targets[b], pMinusY.getDouble(b, targets[b]) + 1);
        }
        INDArray dTop = pMinusY.mmul(w.transpose()); // [B, nIn]
        if (denseLayer != null) { // dense tanh: d/dz = (1 − a²) ⊙ d/da, then through its weights
            INDArray a = dense;
            INDArray dz = dTop.mul(a.mul(a).rsubi(1.0));
            dTop = dz.mmul(denseLayer.getParam(DefaultParamInitializer.WEIGHT_KEY).castTo(type).transpose());
        }
        long n = dTop.size(1);
        INDArray epsilon = Nd4j.zeros(type, batch, n, steps);
        epsilon.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(steps - 1)).assign(dTop);
        for (int l = recurrent.size() - 1; l >= 0; l--) {
            Pair<Gradient, INDArray> back = recurrent.get(l).backpropGradient(epsilon, none);
            epsilon = back.getSecond().dup();
        }
        double[][] norms = new double[batch][steps];
        INDArray squares = epsilon.mul(epsilon).sum(1); // [B, T]
        for (int b = 0; b < batch; b++) {
            for (int s = 0; s < steps; s++) {
                norms[b][s] = Math.sqrt(squares.getDouble(b, s));
            }
        }
        for (Layer layer : layers) {
            layer.clear();
        }
        return new Gradients(norms, logProbabilities, epsilon);
    }

    /** One-hot [B, V, T] or ids [B, 1, T], in the probe's precision. */
    private INDArray input(int[][] ids) {
        int batch = ids.length;
        int steps = ids[0].length;
        DataType type = network.params().dataType();
        if (!oneHot) {
            INDArray indices = Nd4j.zeros(type, batch, 1, steps);
            for (int b = 0; b < batch; b++) {
                for (int t = 0; t < steps; t++) {
                    indices.putScalar(new long[]{b, 0, t}, ids[b][t]);
                }
            }
            return indices;
        }
        INDArray x = Nd4j.zeros(type, batch, vocabulary, steps);
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < steps; t++) {
                x.putScalar(new long[]{b, ids[b][t], t}, 1.0);
            }
        }
        return x;
    }
}
