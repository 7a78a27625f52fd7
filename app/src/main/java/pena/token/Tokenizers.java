package pena.token;

/** The tokenizer for a level name stored in a model file or given on the command line. */
public final class Tokenizers {
    private Tokenizers() {
    }

    public static Tokenizer forLevel(String level) {
        return switch (level) {
            case "char" -> new CharTokenizer();
            case "word" -> new WordTokenizer(false);
            case "word-lowercase" -> new WordTokenizer(true);
            default -> throw new IllegalArgumentException("unknown level '" + level + "' (char or word)");
        };
    }
}
