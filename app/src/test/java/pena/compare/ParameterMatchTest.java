package pena.compare;

import pena.nn.TokenLevel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import pena.nn.CellType;
import pena.nn.NetworkFactory;
import pena.nn.NetworkSpec;

import static org.junit.jupiter.api.Assertions.assertTrue;

class ParameterMatchTest {

    @ParameterizedTest
    @CsvSource({"gru,2,256,90,0", "gru,3,256,90,0", "gru-original,2,256,90,0", "gru,2,128,60,32", "gru,1,32,40,0"})
    void aMatchedCellHasWithinTwoPercentOfTheLstmsParameters(String cell, int layers, int hidden, int vocabulary,
                                                             int embedding) {
        NetworkSpec lstm = new NetworkSpec(TokenLevel.CHAR, CellType.LSTM, layers, hidden, embedding, 0, 0, 0, 5, 2e-3, 64, 1,
                vocabulary);
        int width = ParameterMatch.matchedHidden(lstm, CellType.parse(cell));
        long target = NetworkFactory.parameterCount(lstm);
        long matched = NetworkFactory.parameterCount(ParameterMatch.withCell(lstm, CellType.parse(cell), width));
        double gap = Math.abs(matched - target) / (double) target;
        assertTrue(gap < 0.02, cell + " " + width + " units: " + matched + " parameters vs " + target);
        assertTrue(width > hidden, "a GRU needs more units than an LSTM for the same parameters, got " + width);
    }

    @ParameterizedTest
    @CsvSource({"lstm,2,64,30", "gru,2,64,30", "gru-original,3,48,50", "dl4j-lstm,1,20,10"})
    void theCountEqualsTheBuiltNetworks(String cell, int layers, int hidden, int vocabulary) {
        NetworkSpec spec = new NetworkSpec(TokenLevel.CHAR, CellType.parse(cell), layers, hidden, 0, 0, 0, 0, 5, 2e-3, 16, 1,
                vocabulary);
        var network = new org.deeplearning4j.nn.multilayer.MultiLayerNetwork(NetworkFactory.configuration(spec));
        network.init();
        assertTrue(network.numParams() == NetworkFactory.parameterCount(spec),
                network.numParams() + " vs " + NetworkFactory.parameterCount(spec));
    }
}
