package pena.layers;

import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.Random;
import java.util.function.BiFunction;

/** Small double-precision networks of Pena's recurrent layers, and random data for them. */
public final class RnnNets {
    private RnnNets() {
    }

    /** Which recurrent layer to stack: (nIn, nOut) → configuration. */
    public static BiFunction<Integer, Integer, Layer> gru(boolean resetAfter) {
        return (nIn, nOut) -> new Gru.Builder().resetAfter(resetAfter).nIn(nIn).nOut(nOut).build();
    }

    public static BiFunction<Integer, Integer, Layer> rnn() {
        return (nIn, nOut) -> new Rnn.Builder().nIn(nIn).nOut(nOut).build();
    }

    public static BiFunction<Integer, Integer, Layer> lstm() {
        return (nIn, nOut) -> new Lstm.Builder().nIn(nIn).nOut(nOut).build();
    }

    public static BiFunction<Integer, Integer, Layer> dl4jLstm() {
        return (nIn, nOut) -> new org.deeplearning4j.nn.conf.layers.LSTM.Builder().nIn(nIn).nOut(nOut)
                .activation(Activation.TANH).forgetGateBiasInit(1.0).build();
    }

    /** NoOp updater, as GradientCheckUtil wants (it applies the raw gradient when fitting). */
    public static MultiLayerConfiguration configuration(BiFunction<Integer, Integer, Layer> cell, int layers, int vocabulary,
                                                 int hidden, int embedding, int tbptt) {
        return configuration(cell, layers, vocabulary, hidden, embedding, tbptt, new NoOp());
    }

    public static MultiLayerConfiguration configuration(BiFunction<Integer, Integer, Layer> cell, int layers, int vocabulary,
                                                 int hidden, int embedding, int tbptt, IUpdater updater) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(12345).dataType(DataType.DOUBLE).updater(updater).list();
        int index = 0;
        int width = vocabulary;
        if (embedding > 0) {
            list.layer(index++, new EmbeddingSequenceLayer.Builder().nIn(vocabulary).nOut(embedding).build());
            width = embedding;
        }
        for (int l = 0; l < layers; l++) {
            list.layer(index++, cell.apply(width, hidden));
            width = hidden;
        }
        list.layer(index, new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .activation(Activation.SOFTMAX).dataFormat(RNNFormat.NCW).nIn(width).nOut(vocabulary).build());
        if (tbptt > 0) {
            list.backpropType(BackpropType.TruncatedBPTT).tBPTTForwardLength(tbptt).tBPTTBackwardLength(tbptt);
        }
        return list.build();
    }

    public static MultiLayerNetwork network(BiFunction<Integer, Integer, Layer> cell, int layers, int vocabulary,
                                     int hidden, int embedding, int tbptt) {
        MultiLayerNetwork network = new MultiLayerNetwork(
                configuration(cell, layers, vocabulary, hidden, embedding, tbptt));
        network.init();
        return randomize(network);
    }

    /** Spreads the parameters over [-0.8, 0.8] so every gate works away from its linear region. */
    public static <N extends MultiLayerNetwork> N randomize(N network) {
        network.setParams(Nd4j.rand(new Random(7).nextLong(), network.params().shape())
                .castTo(network.params().dataType()).subi(0.5).muli(1.6));
        return network;
    }

    public static int[][] ids(long seed, int batch, int steps, int vocabulary) {
        Random random = new Random(seed);
        int[][] ids = new int[batch][steps];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < steps; t++) {
                ids[b][t] = random.nextInt(vocabulary);
            }
        }
        return ids;
    }

    public static INDArray oneHot(int[][] ids, int vocabulary) {
        INDArray array = Nd4j.zeros(DataType.DOUBLE, ids.length, vocabulary, ids[0].length);
        for (int b = 0; b < ids.length; b++) {
            for (int t = 0; t < ids[b].length; t++) {
                array.putScalar(new long[]{b, ids[b][t], t}, 1.0);
            }
        }
        return array;
    }

    public static INDArray indices(int[][] ids) {
        INDArray array = Nd4j.zeros(DataType.DOUBLE, ids.length, 1, ids[0].length);
        for (int b = 0; b < ids.length; b++) {
            for (int t = 0; t < ids[b].length; t++) {
                array.putScalar(new long[]{b, 0, t}, ids[b][t]);
            }
        }
        return array;
    }

    /** A mask [batch, steps] whose rows end at different lengths (at least one step each). */
    public static INDArray mask(int batch, int steps) {
        INDArray mask = Nd4j.ones(DataType.DOUBLE, batch, steps);
        for (int b = 0; b < batch; b++) {
            int length = Math.max(1, steps - b);
            for (int t = length; t < steps; t++) {
                mask.putScalar(b, t, 0.0);
            }
        }
        return mask;
    }

    /** A float window of next-token prediction: one-hot input [batch, vocabulary, steps] and its labels, the input shifted by one. */
    public static INDArray[] window(long seed, int batch, int steps, int vocabulary) {
        int[][] ids = ids(seed, batch, steps + 1, vocabulary);
        int[][] in = new int[batch][steps];
        int[][] next = new int[batch][steps];
        for (int b = 0; b < batch; b++) {
            System.arraycopy(ids[b], 0, in[b], 0, steps);
            System.arraycopy(ids[b], 1, next[b], 0, steps);
        }
        return new INDArray[]{oneHot(in, vocabulary).castTo(DataType.FLOAT), oneHot(next, vocabulary).castTo(DataType.FLOAT)};
    }
}
