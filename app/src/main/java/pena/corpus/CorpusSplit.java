package pena.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * The deterministic train/validation split: the last {@code valFraction} of each document is
 * validation text, never shuffled, so the model is always scored on text it has not seen.
 *
 * <pre>
 *   document 1: |---------------- train ----------------|-- val --|
 *   document 2: |--------- train ---------|- val -|
 * </pre>
 */
public record CorpusSplit(List<Document> train, List<Document> validation) {

    public CorpusSplit {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
    }

    /**
     * @param valFraction in [0, 1); the cut is rounded to a whole code point
     */
    public static CorpusSplit of(Corpus corpus, double valFraction) {
        if (!(valFraction >= 0 && valFraction < 1)) {
            throw new IllegalArgumentException("valFraction must be in [0, 1), got " + valFraction);
        }
        List<Document> train = new ArrayList<>();
        List<Document> validation = new ArrayList<>();
        for (Document document : corpus.documents()) {
            String text = document.text();
            int codePoints = document.codePointLength();
            int trainCodePoints = (int) Math.round(codePoints * (1 - valFraction));
            int cut = text.offsetByCodePoints(0, trainCodePoints);
            if (cut > 0) {
                train.add(new Document(document.name(), text.substring(0, cut)));
            }
            if (cut < text.length()) {
                validation.add(new Document(document.name(), text.substring(cut)));
            }
        }
        return new CorpusSplit(train, validation);
    }
}
