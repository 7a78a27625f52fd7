package pena.nn;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The recurrent cell of every layer of a network. */
public enum CellType {
    /** Pena's plain (Elman) RNN ({@link pena.layers.Rnn}): h = tanh(x·W + h(t-1)·RW + b), the gateless baseline. */
    RNN("rnn"),
    /** Pena's LSTM ({@link pena.layers.Lstm}): DL4J's equations, correct truncated BPTT. */
    LSTM("lstm"),
    /** Pena's GRU ({@link pena.layers.Gru}), reset gate after the recurrent product (Keras' default). */
    GRU("gru"),
    /** Pena's GRU in its original form, reset gate before the recurrent product. */
    GRU_ORIGINAL("gru-original"),
    /** DL4J's own LSTM layer, kept for reference and the benchmark (its TBPTT gradient starts from zero). */
    DL4J_LSTM("dl4j-lstm");

    private final String id;

    CellType(String id) {
        this.id = id;
    }

    /**
     * Adam's default rate: 2e-3, or 1e-3 where a plain RNN trains (at 2e-3 a 2x520 RNN on Dom
     * Casmurro stayed at the unigram loss). {@code compare} gives every cell the rate of its
     * plainest, so that an experiment's runs share one rate.
     */
    public static double defaultLearningRate(boolean plainRnn) {
        return plainRnn ? 1e-3 : 2e-3;
    }

    /** The name on the command line and in model files. */
    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static CellType parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.id.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown cell '" + text + "'; choose one of "
                        + Arrays.stream(values()).map(CellType::id).collect(Collectors.joining(", "))));
    }
}
