package pena.train;

import pena.corpus.Corpus;
import pena.corpus.CorpusSplit;
import pena.corpus.Document;
import pena.data.TokenStreams;
import pena.token.Tokenizer;
import pena.token.Vocabulary;

import java.util.List;

/**
 * A corpus made ready for training: split, vocabulary (from the training part only, or the
 * resumed model's), training streams, validation texts.
 */
public record TrainingData(String corpusName, Vocabulary vocabulary, TokenStreams streams,
                           List<String> validationTexts, long trainingTokens) {

    public static TrainingData prepare(Corpus corpus, double valFraction, Tokenizer tokenizer,
                                       Vocabulary resumedVocabulary, int batch, int window) {
        return prepare(corpus, valFraction, tokenizer, resumedVocabulary, batch, window, Integer.MAX_VALUE, 1);
    }

    /** As above, the vocabulary (when built here) limited to {@code maxVocabulary} ids and {@code minCount}. */
    public static TrainingData prepare(Corpus corpus, double valFraction, Tokenizer tokenizer,
                                       Vocabulary resumedVocabulary, int batch, int window, int maxVocabulary,
                                       int minCount) {
        CorpusSplit split = CorpusSplit.of(corpus, valFraction);
        List<String> train = split.train().stream().map(Document::text).toList();
        List<String> validation = split.validation().stream().map(Document::text).toList();
        Vocabulary vocabulary = resumedVocabulary != null ? resumedVocabulary : Vocabulary.build(tokenizer, train, maxVocabulary, minCount);
        List<int[]> ids = train.stream().map(text -> vocabulary.encode(tokenizer, text)).toList();
        long tokens = ids.stream().mapToLong(a -> a.length).sum();
        TokenStreams streams;
        try {
            streams = new TokenStreams(ids, batch, window);
        } catch (IllegalArgumentException e) {
            throw new TrainingException("corpus " + corpus.name() + ": the training text has " + tokens
                    + " tokens, fewer than one training window (--tbptt " + window + " + 1); "
                    + "use a longer text or a smaller --tbptt");
        }
        long validationTokens = validation.stream().mapToLong(text -> tokenizer.split(text).size()).sum();
        if (validationTokens < 2) {
            throw new TrainingException("corpus " + corpus.name() + ": the validation split is empty; "
                    + "raise --val-fraction (now " + valFraction + ") or use a longer text");
        }
        return new TrainingData(corpus.name(), vocabulary, streams, validation, tokens);
    }
}
