package pena.layers;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parameters of a Pena recurrent layer with k gate blocks (LSTM 4, GRU 3) of n units, laid out
 * in one flat view exactly as DL4J lays out its LSTM, so weights compare one to one:
 *
 * <pre>
 *   W   [nIn, k·n]  input weights       ('f' order)   Glorot-uniform
 *   RW  [n,   k·n]  recurrent weights   ('f' order)   orthogonal
 *   b   [1,   k·n]  biases                            zero (LSTM forget block: the forget-gate bias)
 *   RB  [1,   n]    GRU reset-after only: the recurrent candidate bias b_h, zero
 * </pre>
 */
public final class RecurrentParamInitializer implements ParamInitializer {
    public static final String INPUT_WEIGHTS = "W";
    public static final String RECURRENT_WEIGHTS = "RW";
    public static final String BIAS = "b";
    public static final String RECURRENT_BIAS = "RB";

    public static final RecurrentParamInitializer INSTANCE = new RecurrentParamInitializer();

    private RecurrentParamInitializer() {
    }

    @Override
    public long numParams(NeuralNetConfiguration conf) {
        return numParams(conf.getLayer());
    }

    @Override
    public long numParams(Layer layer) {
        RecurrentCellConfig cell = (RecurrentCellConfig) layer;
        long n = cell.getNOut();
        long k = cell.gateBlocks();
        return cell.getNIn() * k * n + n * k * n + k * n + (cell.hasRecurrentCandidateBias() ? n : 0);
    }

    @Override
    public List<String> paramKeys(Layer layer) {
        List<String> keys = new ArrayList<>(List.of(INPUT_WEIGHTS, RECURRENT_WEIGHTS, BIAS));
        if (((RecurrentCellConfig) layer).hasRecurrentCandidateBias()) {
            keys.add(RECURRENT_BIAS);
        }
        return Collections.unmodifiableList(keys);
    }

    @Override
    public List<String> weightKeys(Layer layer) {
        return List.of(INPUT_WEIGHTS, RECURRENT_WEIGHTS);
    }

    @Override
    public List<String> biasKeys(Layer layer) {
        return ((RecurrentCellConfig) layer).hasRecurrentCandidateBias() ? List.of(BIAS, RECURRENT_BIAS) : List.of(BIAS);
    }

    @Override
    public boolean isWeightParam(Layer layer, String key) {
        return INPUT_WEIGHTS.equals(key) || RECURRENT_WEIGHTS.equals(key);
    }

    @Override
    public boolean isBiasParam(Layer layer, String key) {
        return BIAS.equals(key) || RECURRENT_BIAS.equals(key);
    }

    @Override
    public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initializeParams) {
        RecurrentCellConfig cell = (RecurrentCellConfig) conf.getLayer();
        long expected = numParams(cell);
        if (paramsView.length() != expected) {
            throw new IllegalStateException("expected " + expected + " parameters, got a view of " + paramsView.length());
        }
        for (String key : paramKeys(cell)) {
            conf.addVariable(key);
        }
        Map<String, INDArray> views = split(cell, paramsView);
        if (initializeParams) {
            long n = cell.getNOut();
            long k = cell.gateBlocks();
            IWeightInit input = cell.getWeightInitFn();
            IWeightInit recurrent = cell.getWeightInitFnRecurrent() != null ? cell.getWeightInitFnRecurrent() : input;
            // fan-in/out as Keras counts them for a kernel [rows, cols]
            views.put(INPUT_WEIGHTS, input.init(cell.getNIn(), k * n, new long[]{cell.getNIn(), k * n}, 'f',
                    views.get(INPUT_WEIGHTS)));
            views.put(RECURRENT_WEIGHTS, recurrent.init(n, k * n, new long[]{n, k * n}, 'f',
                    views.get(RECURRENT_WEIGHTS)));
            INDArray bias = views.get(BIAS);
            for (int block = 0; block < k; block++) {
                bias.get(NDArrayIndex.point(0), NDArrayIndex.interval(block * n, (block + 1) * n))
                        .assign(cell.initialBias(block));
            }
            if (views.containsKey(RECURRENT_BIAS)) {
                views.get(RECURRENT_BIAS).assign(0);
            }
        }
        return Collections.synchronizedMap(views);
    }

    @Override
    public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
        return split((RecurrentCellConfig) conf.getLayer(), gradientView);
    }

    /** Views of the flat array: W and RW as 'f'-order matrices, the biases as row vectors. */
    private static Map<String, INDArray> split(RecurrentCellConfig cell, INDArray flat) {
        INDArray vector = flat.reshape(flat.length());
        long nIn = cell.getNIn();
        long n = cell.getNOut();
        long k = cell.gateBlocks();
        long inputEnd = nIn * k * n;
        long recurrentEnd = inputEnd + n * k * n;
        long biasEnd = recurrentEnd + k * n;
        Map<String, INDArray> views = new LinkedHashMap<>();
        views.put(INPUT_WEIGHTS, vector.get(NDArrayIndex.interval(0, inputEnd)).reshape('f', nIn, k * n));
        views.put(RECURRENT_WEIGHTS, vector.get(NDArrayIndex.interval(inputEnd, recurrentEnd)).reshape('f', n, k * n));
        views.put(BIAS, vector.get(NDArrayIndex.interval(recurrentEnd, biasEnd)).reshape(1, k * n));
        if (cell.hasRecurrentCandidateBias()) {
            views.put(RECURRENT_BIAS, vector.get(NDArrayIndex.interval(biasEnd, biasEnd + n)).reshape(1, n));
        }
        return views;
    }
}
