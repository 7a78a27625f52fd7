package pena.token;

/** The tokenizer for a level name stored in a model file or given on the command line. */
public final class Tokenizers {
    private Tokenizers() {
    }

    public static Tokenizer forLevel(String level) {
        if ("char".equals(level)) {
            return new CharTokenizer();
        }
        throw new IllegalArgumentException("unknown level '" + level + "' (this version models characters: char)");
    }
}
