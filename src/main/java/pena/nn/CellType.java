package pena.nn;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The recurrent cell of every layer of a network. */
public enum CellType {
    /** DL4J's own LSTM layer (forget-gate bias 1, tanh activation, sigmoid gates). */
    LSTM("lstm");

    private final String id;

    CellType(String id) {
        this.id = id;
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
