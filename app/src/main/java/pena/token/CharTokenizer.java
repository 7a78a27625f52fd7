package pena.token;

import java.util.ArrayList;
import java.util.List;

/**
 * One symbol per Unicode code point of NFC text, so "ç", "ã" and "—" are single symbols and
 * {@code join(split(text)) == text} for every text.
 */
public final class CharTokenizer implements Tokenizer {
    @Override
    public String level() {
        return "char";
    }

    @Override
    public List<String> split(String text) {
        List<String> symbols = new ArrayList<>(text.length());
        text.codePoints().forEach(cp -> symbols.add(Character.toString(cp)));
        return symbols;
    }

    @Override
    public Joiner joiner() {
        return symbol -> symbol;
    }
}
