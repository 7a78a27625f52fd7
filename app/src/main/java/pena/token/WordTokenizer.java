package pena.token;

import org.deeplearning4j.text.tokenization.tokenizer.TokenPreProcess;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Word tokens for Portuguese (see {@link PortugueseTokenizerFactory}), optionally lowercased,
 * and the way back: text spaced as Portuguese is written. No space before {@code , . ; : ! ? ) »}
 * and closing quotes, none after {@code ( « } and opening quotes, line breaks kept, dialogue
 * dashes spaced as in print; with lowercasing, capitals restored at the start of sentences and
 * lines.
 */
public final class WordTokenizer implements Tokenizer {
    private static final Set<String> NO_SPACE_BEFORE = Set.of(",", ".", ";", ":", "!", "?", ")", "]", "}", "»", "…",
            "...", "”", "’", "%");
    private static final Set<String> NO_SPACE_AFTER = Set.of("(", "[", "{", "«", "“", "‘", "¿", "¡");
    private static final Set<String> SENTENCE_END = Set.of(".", "!", "?", "…", "...");

    /** Lowercases with the root locale, as a DL4J token preprocessor. */
    static final class LowerCase implements TokenPreProcess {
        @Override
        public String preProcess(String token) {
            return token.toLowerCase(Locale.ROOT);
        }
    }

    private final boolean lowercase;
    private final PortugueseTokenizerFactory factory = new PortugueseTokenizerFactory();

    public WordTokenizer(boolean lowercase) {
        this.lowercase = lowercase;
        if (lowercase) {
            factory.setTokenPreProcessor(new LowerCase());
        }
    }

    @Override
    public String level() {
        return lowercase ? "word-lowercase" : "word";
    }

    /** Tokens of the text; a hard-wrapped text is unwrapped first (see {@link HardWrap}). */
    @Override
    public List<String> split(String text) {
        return factory.create(HardWrap.unwrap(text.replace("\r\n", "\n").replace('\r', '\n'))).getTokens();
    }

    /** Every character of the text after the first word, the spaces between words included (they are predicted too: by the detokenizer). */
    @Override
    public long charactersAfterFirst(String text, List<String> symbols) {
        if (symbols.isEmpty()) {
            return 0;
        }
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
        int start = 0;
        while (start < normalized.length() && Character.isWhitespace(normalized.charAt(start))
                && normalized.charAt(start) != '\n') {
            start++;
        }
        String first = symbols.get(0);
        return normalized.codePointCount(start, normalized.length()) - first.codePointCount(0, first.length());
    }

    @Override
    public Joiner joiner() {
        return new Joiner() {
            private String previous = "\n"; // the text starts like a new line
            private boolean insideQuotes;
            private boolean capitalize = true;

            @Override
            public String next(String token) {
                boolean quote = "\"".equals(token);
                boolean opening = quote && !insideQuotes;
                boolean space = !previous.equals("\n") && !token.equals("\n")
                        && !NO_SPACE_AFTER.contains(previous) && !previousWasOpeningQuote
                        && !NO_SPACE_BEFORE.contains(token) && !(quote && !opening);
                if (quote) {
                    insideQuotes = !insideQuotes;
                }
                previousWasOpeningQuote = opening;
                String text = token;
                if (lowercase && capitalize && Character.isLetter(token.codePointAt(0))) {
                    text = token.substring(0, 1).toUpperCase(Locale.ROOT) + token.substring(1);
                }
                if (Character.isLetterOrDigit(token.codePointAt(0))) {
                    capitalize = false;
                }
                if (SENTENCE_END.contains(token) || token.equals("\n")) {
                    capitalize = true;
                }
                previous = token;
                return space ? " " + text : text;
            }

            private boolean previousWasOpeningQuote;
        };
    }
}
