package pena.layers;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Pena's LSTM has DL4J's equations and parameter layout: the same parameters loaded into a
 * network of DL4J's LSTM and one of Pena's give the same outputs, over whole sequences and step
 * by step. Also: Pena's layers survive DL4J's JSON and model serialization.
 */
class LstmMatchesDl4jTest {
    private static final int VOCABULARY = 6;
    private static final int HIDDEN = 5;

    @Test
    void sameParametersSameOutputs() {
        MultiLayerNetwork dl4j = RnnNets.network(RnnNets.dl4jLstm(), 2, VOCABULARY, HIDDEN, 0, 0);
        MultiLayerNetwork pena = RnnNets.network(RnnNets.lstm(), 2, VOCABULARY, HIDDEN, 0, 0);
        assertEquals(dl4j.numParams(), pena.numParams());
        pena.setParams(dl4j.params().dup());
        INDArray input = RnnNets.oneHot(RnnNets.ids(4, 3, 7, VOCABULARY), VOCABULARY);

        assertArrayEquals(dl4j.output(input).dup().data().asDouble(), pena.output(input).dup().data().asDouble(),
                1e-10);
        dl4j.rnnClearPreviousState();
        pena.rnnClearPreviousState();
        for (int t = 0; t < 7; t++) {
            INDArray step = input.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(t, t + 1));
            assertArrayEquals(dl4j.rnnTimeStep(step).dup().data().asDouble(),
                    pena.rnnTimeStep(step).dup().data().asDouble(), 1e-10, "step " + t);
        }
    }

    @Test
    void configurationSurvivesJsonAndTheModelFile() throws IOException {
        for (var cell : java.util.List.of(RnnNets.gru(true), RnnNets.gru(false), RnnNets.lstm())) {
            MultiLayerNetwork network = RnnNets.network(cell, 2, VOCABULARY, HIDDEN, 3, 8);
            String json = network.getLayerWiseConfigurations().toJson();
            assertEquals(network.getLayerWiseConfigurations(),
                    org.deeplearning4j.nn.conf.MultiLayerConfiguration.fromJson(json));

            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ModelSerializer.writeModel(network, bytes, false);
            MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(
                    new ByteArrayInputStream(bytes.toByteArray()), false);
            INDArray input = RnnNets.indices(RnnNets.ids(8, 2, 5, VOCABULARY));
            assertArrayEquals(network.output(input).dup().data().asDouble(),
                    restored.output(input).dup().data().asDouble(), 1e-12);
        }
    }
}
