package pena.token;

import java.util.List;

/** Cuts text into symbols and joins symbols back into text. */
public interface Tokenizer {
    /** The level name stored in model files: {@code char}, {@code word} or {@code word-lowercase}. */
    String level();

    List<String> split(String text);

    /**
     * Characters of {@code text} after its first symbol: the denominator of bits per character,
     * the same for every level so word and character models of one text compare. For characters
     * it is the code points of every symbol but the first.
     */
    default long charactersAfterFirst(String text, List<String> symbols) {
        long characters = 0;
        for (int i = 1; i < symbols.size(); i++) {
            characters += symbols.get(i).codePointCount(0, symbols.get(i).length());
        }
        return characters;
    }

    /** A fresh joiner: symbols appended one at a time become text, spacing included. */
    Joiner joiner();

    default String join(List<String> symbols) {
        Joiner joiner = joiner();
        StringBuilder text = new StringBuilder();
        for (String symbol : symbols) {
            text.append(joiner.next(symbol));
        }
        return text.toString();
    }

    /** Turns a stream of symbols into text as they come (for streaming generated text). */
    interface Joiner {
        /** The text to append for the next symbol: the symbol, with whatever space goes before it. */
        String next(String symbol);
    }
}
