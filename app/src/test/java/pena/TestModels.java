package pena;

import pena.nn.TokenLevel;
import pena.model.PenaModel;
import pena.model.TrainingState;
import pena.nn.CellType;
import pena.nn.NetworkFactory;
import pena.nn.NetworkSpec;
import pena.layers.StatefulNetwork;
import pena.token.CharTokenizer;
import pena.token.Vocabulary;

import java.util.List;

/** Small networks and models for tests. */
public final class TestModels {
    private TestModels() {
    }

    public static NetworkSpec spec(int layers, int hidden, int vocabularySize, int tbptt) {
        return new NetworkSpec(TokenLevel.CHAR, CellType.LSTM, layers, hidden, 0, 0, 0, 0, 5, 2e-3, tbptt, 7, vocabularySize);
    }

    public static StatefulNetwork network(NetworkSpec spec) {
        StatefulNetwork network = new StatefulNetwork(NetworkFactory.configuration(spec));
        network.init();
        return network;
    }

    /** A network whose parameters barely move when fitted (Adam steps of 1e-9): forward passes can be compared. */
    public static StatefulNetwork frozenNetwork(NetworkSpec spec) {
        NetworkSpec still = new NetworkSpec(spec.level(), spec.cell(), spec.layers(), spec.hidden(), spec.embedding(),
                spec.dense(), spec.dropout(), spec.l2(), spec.clip(), 1e-9, spec.tbptt(), spec.seed(),
                spec.vocabularySize());
        return network(still);
    }

    /** An untrained model over the symbols of {@code text}. */
    public static PenaModel untrained(String text, int layers, int hidden) {
        return untrained(text, layers, hidden, CellType.LSTM);
    }

    /** An untrained model of {@code cell} over the symbols of {@code text}. */
    public static PenaModel untrained(String text, int layers, int hidden, CellType cell) {
        Vocabulary vocabulary = Vocabulary.build(new CharTokenizer(), List.of(text));
        NetworkSpec spec = new NetworkSpec(TokenLevel.CHAR, cell, layers, hidden, 0, 0, 0, 0, 5, 2e-3, 16, 7,
                vocabulary.size());
        return new PenaModel(network(spec), spec, vocabulary, TrainingState.start("test", 0.1, 4), List.of(text));
    }

    /** An untrained word model (embedding 8) over the words of {@code text}. */
    public static PenaModel untrainedWords(String text, int hidden) {
        pena.token.WordTokenizer tokenizer = new pena.token.WordTokenizer(false);
        Vocabulary vocabulary = Vocabulary.build(tokenizer, List.of(text));
        NetworkSpec spec = new NetworkSpec(TokenLevel.WORD, CellType.LSTM, 1, hidden, 8, 0, 0, 0, 5, 2e-3, 16, 7,
                vocabulary.size());
        return new PenaModel(network(spec), spec, vocabulary, TrainingState.start("test", 0.1, 4), List.of(text));
    }
}
