package pena.nn;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What one step of the network reads: a character, or a word (optionally lowercased), and the
 * defaults that follow from it, defined here once for {@code train} and {@code compare} alike.
 * Stored in model files by its {@link #id()}.
 */
public enum TokenLevel {
    CHAR("char", false),
    WORD("word", false),
    WORD_LOWERCASE("word-lowercase", true);

    private final String id;
    private final boolean lowercase;

    TokenLevel(String id, boolean lowercase) {
        this.id = id;
        this.lowercase = lowercase;
    }

    /** The name in model files and on the command line ({@code char}, {@code word}, {@code word-lowercase}). */
    @JsonValue
    public String id() {
        return id;
    }

    public boolean words() {
        return this != CHAR;
    }

    public boolean lowercase() {
        return lowercase;
    }

    /** The command line's {@code --level char|word} with {@code --lowercase}. */
    public static TokenLevel of(String level, boolean lowercase) {
        return switch (level) {
            case "char" -> {
                if (lowercase) {
                    throw new IllegalArgumentException("--lowercase applies to --level word only");
                }
                yield CHAR;
            }
            case "word" -> lowercase ? WORD_LOWERCASE : WORD;
            default -> throw new IllegalArgumentException("--level must be char or word, got '" + level + "'");
        };
    }

    @JsonCreator
    public static TokenLevel parse(String id) {
        return Arrays.stream(values()).filter(l -> l.id.equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown token level '" + id + "'; one of "
                        + Arrays.stream(values()).map(TokenLevel::id).collect(Collectors.joining(", "))));
    }

    /**
     * Parallel streams per step. A word window costs a softmax over the whole vocabulary per
     * token: smaller windows give a word model several times more updates in the same minutes.
     */
    public int defaultBatch() {
        return words() ? 16 : 32;
    }

    /** Truncated-BPTT window. */
    public int defaultTbptt() {
        return words() ? 32 : 64;
    }

    /** Input vector size: one-hot characters, learned 128-dimensional word vectors. */
    public int defaultEmbedding() {
        return words() ? 128 : 0;
    }

    /** What speeds are counted in: {@code chars} or {@code tokens}. */
    public String unit() {
        return words() ? "tokens" : "chars";
    }

    @Override
    public String toString() {
        return id;
    }
}
