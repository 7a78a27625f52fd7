package pena.nn;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import pena.layers.Gru;
import pena.layers.Lstm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import pena.TestModels;
import pena.layers.StatefulNetwork;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetworkFactoryTest {

    @Test
    void stacksTheRequestedLayersWithForgetBiasOneAndTruncatedBptt() {
        MultiLayerConfiguration configuration = NetworkFactory.configuration(TestModels.spec(3, 16, 10, 32));
        assertEquals(4, configuration.getConfs().size());
        for (int i = 0; i < 3; i++) {
            Lstm lstm = (Lstm) configuration.getConf(i).getLayer();
            assertEquals(1.0, lstm.getForgetGateBiasInit());
        }
        assertEquals(32, configuration.getTbpttFwdLength());
        assertEquals(32, configuration.getTbpttBackLength());
    }

    @Test
    void eachCellNameBuildsItsLayer() {
        assertTrue(layer(CellType.GRU) instanceof Gru gru && gru.isResetAfter());
        assertTrue(layer(CellType.GRU_ORIGINAL) instanceof Gru gru && !gru.isResetAfter());
        assertTrue(layer(CellType.LSTM) instanceof Lstm);
        assertTrue(layer(CellType.DL4J_LSTM) instanceof org.deeplearning4j.nn.conf.layers.LSTM);
    }

    private static org.deeplearning4j.nn.conf.layers.Layer layer(CellType cell) {
        NetworkSpec spec = new NetworkSpec(TokenLevel.CHAR, cell, 1, 8, 0, 0, 0, 0, 5, 2e-3, 8, 3, 9);
        return NetworkFactory.configuration(spec).getConf(0).getLayer();
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void embeddingAndDenseVariantsProduceADistributionPerStep(CellType cell) {
        NetworkSpec spec = new NetworkSpec(TokenLevel.CHAR, cell, 2, 12, 5, 7, 0.1, 1e-4, 5, 2e-3, 8, 3, 9);
        StatefulNetwork network = new StatefulNetwork(NetworkFactory.configuration(spec));
        network.init();
        INDArray ids = Nd4j.create(new float[]{1, 2, 3, 4, 0, 8}, new long[]{2, 1, 3}, 'c');
        INDArray out = network.output(ids);
        assertArrayEquals(new long[]{2, 9, 3}, out.shape());
        INDArray sums = out.sum(1);
        for (double s : sums.dup().data().asDouble()) {
            assertEquals(1.0, s, 1e-5);
        }
    }

    @Test
    void badValuesAreNamedByTheirOption() {
        NetworkSpec bad = new NetworkSpec(TokenLevel.CHAR, CellType.LSTM, 0, 16, 0, 0, 1.5, 0, 5, 2e-3, 0, 1, 10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NetworkFactory.configuration(bad));
        assertTrue(e.getMessage().contains("--layers"), e.getMessage());
        assertTrue(e.getMessage().contains("--dropout"), e.getMessage());
        assertTrue(e.getMessage().contains("--tbptt"), e.getMessage());
    }
}
