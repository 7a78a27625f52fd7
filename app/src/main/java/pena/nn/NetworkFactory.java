package pena.nn;

import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToRnnPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.RnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.weights.WeightInit;
import pena.layers.RowSoftmax;
import pena.layers.TimeMajorOutput;
import pena.layers.Gru;
import pena.layers.Lstm;
import pena.layers.Rnn;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Builds the DL4J configuration of a {@link NetworkSpec}:
 *
 * <pre>
 *   x (one-hot or embedding) → [cell] → [cell] → ... → (dense tanh) → softmax over the vocabulary
 * </pre>
 *
 * trained with Adam and truncated BPTT whose forward and backward lengths are the spec's window.
 */
public final class NetworkFactory {
    private NetworkFactory() {
    }

    public static MultiLayerConfiguration configuration(NetworkSpec spec) {
        return configuration(spec, DataType.FLOAT);
    }

    public static MultiLayerConfiguration configuration(NetworkSpec spec, DataType dataType) {
        if (!spec.problems().isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", spec.problems()));
        }
        NeuralNetConfiguration.Builder base = new NeuralNetConfiguration.Builder()
                .seed(spec.seed())
                .dataType(dataType)
                .updater(new Adam(spec.learningRate()))
                .weightInit(WeightInit.XAVIER);
        if (spec.l2() > 0) {
            base.l2(spec.l2());
        }
        if (spec.clip() > 0) {
            base.gradientNormalization(GradientNormalization.ClipL2PerLayer)
                    .gradientNormalizationThreshold(spec.clip());
        }
        NeuralNetConfiguration.ListBuilder list = base.list();
        int index = 0;
        int width = spec.vocabularySize();
        if (spec.embedding() > 0) {
            list.layer(index++, new EmbeddingSequenceLayer.Builder()
                    .nIn(spec.vocabularySize()).nOut(spec.embedding()).build());
            width = spec.embedding();
        }
        for (int l = 0; l < spec.layers(); l++) {
            list.layer(index++, recurrentLayer(spec, width));
            width = spec.hidden();
        }
        if (spec.dense() > 0) {
            list.layer(index, new DenseLayer.Builder().nIn(width).nOut(spec.dense())
                    .activation(Activation.TANH).build());
            list.inputPreProcessor(index, new RnnToFeedForwardPreProcessor());
            index++;
            width = spec.dense();
            list.inputPreProcessor(index, new FeedForwardToRnnPreProcessor());
        }
        list.layer(index, new TimeMajorOutput.Builder(LossFunctions.LossFunction.MCXENT)
                .activation(new RowSoftmax()).nIn(width).nOut(spec.vocabularySize()).build());
        return list.backpropType(BackpropType.TruncatedBPTT)
                .tBPTTForwardLength(spec.tbptt())
                .tBPTTBackwardLength(spec.tbptt())
                .build();
    }

    /** Whether the output layer's softmax runs vectorised (see {@link TimeMajorOutput#vectorExponentials}). */
    public static boolean vectorExponentials() {
        return TimeMajorOutput.vectorExponentials();
    }

    /** Trainable parameters of the spec's network, counted from its configuration (no arrays allocated). */
    public static long parameterCount(NetworkSpec spec) {
        MultiLayerConfiguration configuration = configuration(spec);
        long count = 0;
        for (int i = 0; i < configuration.getConfs().size(); i++) {
            NeuralNetConfiguration layer = configuration.getConf(i);
            count += layer.getLayer().initializer().numParams(layer);
        }
        return count;
    }

    private static org.deeplearning4j.nn.conf.layers.Layer recurrentLayer(NetworkSpec spec, int nIn) {
        org.deeplearning4j.nn.conf.layers.Layer layer = switch (spec.cell()) {
            case LSTM -> new Lstm.Builder().nIn(nIn).nOut(spec.hidden()).forgetGateBiasInit(1.0).build();
            case GRU, GRU_ORIGINAL -> new Gru.Builder().resetAfter(spec.cell() == CellType.GRU)
                    .nIn(nIn).nOut(spec.hidden()).build();
            case RNN -> new Rnn.Builder().nIn(nIn).nOut(spec.hidden()).build();
            case DL4J_LSTM -> {
                LSTM.Builder builder = new LSTM.Builder().nIn(nIn).nOut(spec.hidden())
                        .activation(Activation.TANH)
                        .gateActivationFunction(Activation.SIGMOID)
                        .forgetGateBiasInit(1.0); // Keras' unit_forget_bias: start by remembering
                yield builder.build();
            }
        };
        if (spec.dropout() > 0) {
            layer.setIDropout(new Dropout(1 - spec.dropout())); // DL4J takes the keep probability
        }
        return layer;
    }
}
