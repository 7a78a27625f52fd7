package pena.layers;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.InputTypeUtil;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collection;
import java.util.Map;

/**
 * The output layer of Pena's networks: what DL4J's {@code RnnOutputLayer} computes (a dense
 * layer, its activation and its loss at every time step of [batch, size, T] sequences, NCW),
 * with the layer {@link TimeMajorOutputLayer}, which moves sequences to and from rows without
 * ND4J's strided copies. Built like any DL4J layer: {@code new TimeMajorOutput.Builder(loss)}.
 */
public class TimeMajorOutput extends BaseOutputLayer {

    /**
     * Whether the softmax runs its exponentials as SIMD instructions: only where the JVM was
     * started with {@code --add-modules jdk.incubator.vector} (Java 17 incubates the vector API);
     * otherwise one {@code Math.exp} per element, the same numbers about 20 times slower.
     */
    public static boolean vectorExponentials() {
        return pena.layers.kernels.SoftmaxArithmetic.VECTOR;
    }

    public TimeMajorOutput() {
        // for JSON
    }

    private TimeMajorOutput(Builder builder) {
        super(builder);
        initializeConstraints(builder);
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
                             int layerIndex, INDArray layerParamsView, boolean initializeParams,
                             DataType networkDataType) {
        TimeMajorOutputLayer layer = new TimeMajorOutputLayer(conf, networkDataType);
        layer.setListeners(trainingListeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        Map<String, INDArray> params = initializer().init(conf, layerParamsView, initializeParams);
        layer.setParamTable(params);
        layer.setConf(conf);
        return layer;
    }

    @Override
    public ParamInitializer initializer() {
        return DefaultParamInitializer.getInstance();
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return InputType.recurrent(nOut, recurrent(inputType).getTimeSeriesLength(), RNNFormat.NCW);
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        if (nIn <= 0 || override) {
            this.nIn = recurrent(inputType).getSize();
        }
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return InputTypeUtil.getPreprocessorForInputTypeRnnLayers(inputType, RNNFormat.NCW, getLayerName());
    }

    private InputType.InputTypeRecurrent recurrent(InputType inputType) {
        if (inputType == null || inputType.getType() != InputType.Type.RNN) {
            throw new IllegalStateException("TimeMajorOutput (" + getLayerName() + ") takes recurrent input, got "
                    + inputType);
        }
        return (InputType.InputTypeRecurrent) inputType;
    }

    public static class Builder extends BaseOutputLayer.Builder<Builder> {
        public Builder(org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction loss) {
            lossFunction(loss);
        }

        @Override
        @SuppressWarnings("unchecked")
        public TimeMajorOutput build() {
            return new TimeMajorOutput(this);
        }
    }
}
