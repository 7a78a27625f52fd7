package pena.layers;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * What Pena's recurrent layer configurations share: k gate blocks of nOut units, the parameter
 * layout of {@link RecurrentParamInitializer}, Keras' initial weights (input Glorot-uniform,
 * recurrent orthogonal, biases zero), and creation of the layer that runs them.
 */
public abstract class RecurrentCellConfig extends BaseRecurrentLayer {

    protected RecurrentCellConfig() {
        // for JSON
    }

    protected RecurrentCellConfig(Builder<?> builder) {
        super(builder);
    }

    /** Gate blocks in W, RW and b: 4 for the LSTM, 3 for the GRU. */
    public abstract int gateBlocks();

    /** Whether the layer has the GRU reset-after recurrent candidate bias RB. */
    public abstract boolean hasRecurrentCandidateBias();

    /** Initial value of the biases of one gate block. */
    public abstract double initialBias(int block);

    protected abstract RecurrentCellLayer<?, ?> createLayer(NeuralNetConfiguration conf, DataType dataType);

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
                                                       Collection<TrainingListener> listeners, int layerIndex,
                                                       INDArray paramsView, boolean initializeParams,
                                                       DataType networkDataType) {
        LayerValidation.assertNInNOutSet(getClass().getSimpleName(), getLayerName(), layerIndex, getNIn(), getNOut());
        RecurrentCellLayer<?, ?> layer = createLayer(conf, networkDataType);
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(paramsView);
        layer.setParamTable(initializer().init(conf, paramsView, initializeParams));
        layer.setConf(conf);
        return layer;
    }

    @Override
    public ParamInitializer initializer() {
        return RecurrentParamInitializer.INSTANCE;
    }

    @Override
    public boolean isPretrainParam(String paramName) {
        return false;
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        long params = initializer().numParams(this);
        long perStep = (long) (gateBlocks() + 3) * getNOut(); // gates, states and their gradients per example
        Map<org.deeplearning4j.nn.conf.CacheMode, Long> training = new HashMap<>();
        for (org.deeplearning4j.nn.conf.CacheMode mode : org.deeplearning4j.nn.conf.CacheMode.values()) {
            training.put(mode, 2 * perStep);
        }
        return new LayerMemoryReport.Builder(getLayerName(), getClass(), inputType, getOutputType(-1, inputType))
                .standardMemory(params, 2 * params)
                .workingMemory(0, perStep, MemoryReport.CACHE_MODE_ALL_ZEROS, training)
                .cacheMemory(MemoryReport.CACHE_MODE_ALL_ZEROS, MemoryReport.CACHE_MODE_ALL_ZEROS)
                .build();
    }

    /** Starts every Pena cell with Keras' defaults; a global weightInit does not override them. */
    public abstract static class Builder<T extends Builder<T>> extends BaseRecurrentLayer.Builder<T> {
        protected Builder() {
            weightInit(WeightInit.XAVIER_UNIFORM);
            weightInitRecurrent(new OrthogonalInit());
            activation(Activation.TANH);
        }
    }
}
