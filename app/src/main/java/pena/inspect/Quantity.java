package pena.inspect;

import java.util.Map;

/**
 * The names the course gives each recorded quantity, and the range its values live in (for
 * colour scales).
 *
 * @param symbol     course notation, e.g. {@code ft}
 * @param english    e.g. {@code forget gate}
 * @param portuguese e.g. {@code portão de esquecimento}
 * @param range      SIGMOID (0 to 1), TANH (-1 to 1) or OPEN (the LSTM cell state, unbounded)
 */
public record Quantity(String id, String symbol, String english, String portuguese, Range range) {

    public enum Range { SIGMOID, TANH, OPEN }

    private static final Map<String, Quantity> ALL = Map.of(
            "i", new Quantity("i", "it", "input gate", "portão de entrada", Range.SIGMOID),
            "f", new Quantity("f", "ft", "forget gate", "portão de esquecimento", Range.SIGMOID),
            "o", new Quantity("o", "ot", "output gate", "portão de saída", Range.SIGMOID),
            "g", new Quantity("g", "C̃t", "candidate", "candidato", Range.TANH),
            "c", new Quantity("c", "Ct", "cell state (long-term memory)", "estado da célula (memória de longo prazo)",
                    Range.OPEN),
            "h", new Quantity("h", "ht", "output / hidden state", "saída / estado oculto", Range.TANH),
            "z", new Quantity("z", "zt", "update gate", "portão de atualização", Range.SIGMOID),
            "r", new Quantity("r", "rt", "reset gate", "portão de reset", Range.SIGMOID),
            "n", new Quantity("n", "h̃t", "candidate", "candidato", Range.TANH));

    public static Quantity of(String id) {
        Quantity q = ALL.get(id);
        if (q == null) {
            throw new IllegalArgumentException("no quantity " + id);
        }
        return q;
    }

    /** One line for legends, e.g. {@code ft forget gate / portão de esquecimento}. */
    public String label() {
        return symbol + " " + english + " / " + portuguese;
    }
}
