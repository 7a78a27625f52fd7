package pena.layers;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keras' initial weights: W Glorot-uniform, RW orthogonal rows, biases zero but the LSTM's forget gate. */
class InitializerTest {
    private static final int IN = 40;
    private static final int N = 16;

    @Test
    void gruStartsAsKerasDoes() {
        MultiLayerNetwork network = single(new Gru.Builder().nIn(IN).nOut(N).build());
        INDArray w = network.getLayer(0).getParam("W");
        double limit = Math.sqrt(6.0 / (IN + 3 * N));
        assertTrue(w.amaxNumber().doubleValue() <= limit, "W beyond the Glorot-uniform limit");
        assertTrue(w.amaxNumber().doubleValue() > 0.8 * limit, "W does not fill the Glorot-uniform range");
        assertOrthonormalRows(network.getLayer(0).getParam("RW"));
        assertEquals(0.0, network.getLayer(0).getParam("b").amaxNumber().doubleValue());
        assertEquals(0.0, network.getLayer(0).getParam("RB").amaxNumber().doubleValue());
    }

    @Test
    void rnnStartsAsKerasSimpleRnnDoes() {
        MultiLayerNetwork network = single(new Rnn.Builder().nIn(IN).nOut(N).build());
        INDArray w = network.getLayer(0).getParam("W");
        double limit = Math.sqrt(6.0 / (IN + N));
        assertTrue(w.amaxNumber().doubleValue() <= limit, "W beyond the Glorot-uniform limit");
        assertTrue(w.amaxNumber().doubleValue() > 0.8 * limit, "W does not fill the Glorot-uniform range");
        assertOrthonormalRows(network.getLayer(0).getParam("RW"));
        assertEquals(0.0, network.getLayer(0).getParam("b").amaxNumber().doubleValue());
        assertEquals(IN * N + N * N + N, network.getLayer(0).numParams());
    }

    @Test
    void lstmForgetGateStartsAtOne() {
        MultiLayerNetwork network = single(new Lstm.Builder().nIn(IN).nOut(N).build());
        INDArray b = network.getLayer(0).getParam("b");
        for (int j = 0; j < 4 * N; j++) {
            assertEquals(j >= N && j < 2 * N ? 1.0 : 0.0, b.getDouble(0, j), 1e-12, "bias " + j);
        }
        assertOrthonormalRows(network.getLayer(0).getParam("RW"));
    }

    private static void assertOrthonormalRows(INDArray rw) {
        INDArray gram = rw.castTo(DataType.DOUBLE).mmul(rw.castTo(DataType.DOUBLE).transpose());
        for (int i = 0; i < gram.rows(); i++) {
            for (int j = 0; j < gram.columns(); j++) {
                assertEquals(i == j ? 1.0 : 0.0, gram.getDouble(i, j), 1e-5, "RW·RWᵀ[" + i + "," + j + "]");
            }
        }
    }

    private static MultiLayerNetwork single(org.deeplearning4j.nn.conf.layers.Layer layer) {
        // a global XAVIER (normal) must not override the cells' own initializers
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).weightInit(WeightInit.XAVIER)
                .list().layer(layer)
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX)
                        .nIn(N).nOut(3).build())
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        return network;
    }
}
