package pena.train;

import pena.corpus.Corpus;
import pena.corpus.CorpusSplit;
import pena.corpus.Document;
import pena.data.PreparedCorpus;
import pena.data.TokenStreams;
import pena.data.ValidationSplit;
import pena.token.Tokenizer;
import pena.token.Vocabulary;

import java.util.List;

/**
 * A corpus made ready for training: split, vocabulary (from the training part only, or the
 * resumed model's), training streams, the validation split as ids, and the validation text the
 * model file keeps (all of it for a corpus read into memory; the first
 * {@value #MODEL_VALIDATION_BYTES} bytes of a prepared one).
 */
public record TrainingData(String corpusName, Vocabulary vocabulary, TokenStreams streams, ValidationSplit validation,
                           List<String> validationTexts, long trainingTokens) {
    /** Validation text a model file keeps from a prepared corpus (what `pena evaluate` scores by default). */
    public static final long MODEL_VALIDATION_BYTES = 4L << 20;

    public static TrainingData prepare(Corpus corpus, double valFraction, Tokenizer tokenizer,
                                       Vocabulary resumedVocabulary, int batch, int window) {
        return prepare(corpus, valFraction, tokenizer, resumedVocabulary, batch, window, Integer.MAX_VALUE, 1);
    }

    /** In memory: the vocabulary (when built here) limited to {@code maxVocabulary} ids and {@code minCount}. */
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
            throw tooShort(corpus.name(), tokens, window);
        }
        ValidationSplit held = ValidationSplit.encode(tokenizer, vocabulary, validation);
        checkValidation(corpus.name(), held, valFraction);
        return new TrainingData(corpus.name(), vocabulary, streams, held, validation, tokens);
    }

    /** From a prepared corpus: its vocabulary, streams over its mapped ids. */
    public static TrainingData prepared(PreparedCorpus prepared, int batch, int window) {
        String name = prepared.header().corpusName();
        long tokens = prepared.header().trainingTokens();
        TokenStreams streams;
        try {
            streams = new TokenStreams(prepared.ids(), prepared.trainingDocuments(), batch, window, true);
        } catch (IllegalArgumentException e) {
            throw tooShort(name, tokens, window);
        }
        ValidationSplit held = prepared.validation();
        checkValidation(name, held, prepared.header().valFraction());
        return new TrainingData(name, prepared.vocabulary(), streams, held,
                prepared.validationTexts(MODEL_VALIDATION_BYTES), tokens);
    }

    private static TrainingException tooShort(String name, long tokens, int window) {
        return new TrainingException("corpus " + name + ": the training text has " + tokens
                + " tokens, fewer than one training window (--tbptt " + window + " + 1); "
                + "use a longer text or a smaller --tbptt");
    }

    private static void checkValidation(String name, ValidationSplit held, double valFraction) {
        if (held.documents().isEmpty()) {
            throw new TrainingException("corpus " + name + ": the validation split is empty; "
                    + "raise --val-fraction (now " + valFraction + ") or use a longer text");
        }
    }
}
