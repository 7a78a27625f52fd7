package pena.token;

import org.deeplearning4j.text.tokenization.tokenizer.TokenPreProcess;
import org.deeplearning4j.text.tokenization.tokenizer.Tokenizer;
import org.deeplearning4j.text.tokenization.tokenizerfactory.TokenizerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * deeplearning4j-nlp's {@link TokenizerFactory} for Portuguese prose: words stay whole with their
 * accents, hyphenated clitics and compounds ({@code disse-lhe}, {@code dir-se-ia},
 * {@code guarda-chuva}) and apostrophes ({@code d'água}); every punctuation mark is a token of
 * its own ({@code ...} is one); each line break is a token, so paragraphs survive. DL4J's own
 * {@code DefaultTokenizerFactory} splits on whitespace only and would glue commas to words.
 * The same factory feeds Pena's word models and could feed DL4J's Word2Vec.
 */
public final class PortugueseTokenizerFactory implements TokenizerFactory {
    public static final String LINE_BREAK = "\n";
    private static final Pattern TOKEN = Pattern.compile(
            "\\n|\\.\\.\\.|[\\p{L}\\p{M}\\p{N}]+(?:[-'’][\\p{L}\\p{M}\\p{N}]+)*|[^\\s]");
    private TokenPreProcess preProcess;

    @Override
    public Tokenizer create(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text.replace("\r\n", "\n").replace('\r', '\n'));
        while (m.find()) {
            String token = m.group();
            tokens.add(preProcess == null || token.equals(LINE_BREAK) ? token : preProcess.preProcess(token));
        }
        return new ListTokenizer(tokens);
    }

    @Override
    public Tokenizer create(InputStream toTokenize) {
        try {
            return create(new String(toTokenize.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void setTokenPreProcessor(TokenPreProcess preProcessor) {
        this.preProcess = preProcessor;
    }

    @Override
    public TokenPreProcess getTokenPreProcessor() {
        return preProcess;
    }

    /** DL4J's tokenizer interface over a list already cut. */
    private static final class ListTokenizer implements Tokenizer {
        private final List<String> tokens;
        private int next;
        private TokenPreProcess preProcess;

        ListTokenizer(List<String> tokens) {
            this.tokens = tokens;
        }

        @Override
        public boolean hasMoreTokens() {
            return next < tokens.size();
        }

        @Override
        public int countTokens() {
            return tokens.size();
        }

        @Override
        public String nextToken() {
            String token = tokens.get(next++);
            return preProcess == null ? token : preProcess.preProcess(token);
        }

        @Override
        public List<String> getTokens() {
            List<String> out = new ArrayList<>(tokens.size());
            while (hasMoreTokens()) {
                out.add(nextToken());
            }
            return out;
        }

        @Override
        public void setTokenPreProcessor(TokenPreProcess preProcess) {
            this.preProcess = preProcess;
        }
    }
}
