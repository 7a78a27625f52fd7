package pena;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.nd4j.linalg.learning.config.NoOp;
import pena.model.PenaModel;
import pena.model.TrainingState;
import pena.nn.CellType;
import pena.nn.NetworkFactory;
import pena.nn.NetworkSpec;
import pena.nn.StatefulNetwork;
import pena.token.CharTokenizer;
import pena.token.Vocabulary;

import java.util.List;

/** Small networks and models for tests. */
public final class TestModels {
    private TestModels() {
    }

    public static NetworkSpec spec(int layers, int hidden, int vocabularySize, int tbptt) {
        return new NetworkSpec("char", CellType.LSTM, layers, hidden, 0, 0, 0, 0, 5, 2e-3, tbptt, 7, vocabularySize);
    }

    public static StatefulNetwork network(NetworkSpec spec) {
        StatefulNetwork network = new StatefulNetwork(NetworkFactory.configuration(spec));
        network.init();
        return network;
    }

    /** A network whose parameters never change when fitted: forward passes can be checked exactly. */
    public static StatefulNetwork frozenNetwork(NetworkSpec spec) {
        MultiLayerConfiguration configuration = NetworkFactory.configuration(spec);
        for (NeuralNetConfiguration layer : configuration.getConfs()) {
            if (layer.getLayer() instanceof BaseLayer base) {
                base.setIUpdater(new NoOp());
            }
        }
        StatefulNetwork network = new StatefulNetwork(configuration);
        network.init();
        return network;
    }

    /** An untrained model over the symbols of {@code text}. */
    public static PenaModel untrained(String text, int layers, int hidden) {
        Vocabulary vocabulary = Vocabulary.build(new CharTokenizer(), List.of(text));
        NetworkSpec spec = spec(layers, hidden, vocabulary.size(), 16);
        return new PenaModel(network(spec), spec, vocabulary, TrainingState.start("test", 0.1, 4), List.of(text));
    }
}
