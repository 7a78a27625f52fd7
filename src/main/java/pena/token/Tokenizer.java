package pena.token;

import java.util.List;

/** Cuts text into symbols and joins symbols back into text. */
public interface Tokenizer {
    /** The level name stored in model files: {@code char} or {@code word}. */
    String level();

    List<String> split(String text);

    String join(List<String> symbols);
}
