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
            int cut = cut(document.text(), valFraction);
            if (cut > 0) {
                train.add(new Document(document.name(), document.text().substring(0, cut)));
            }
            if (cut < document.text().length()) {
                validation.add(new Document(document.name(), document.text().substring(cut)));
            }
        }
        return new CorpusSplit(train, validation);
    }

    /**
     * Where one document's validation part begins: the char index after the first
     * {@code round(codePoints · (1 - valFraction))} code points. Text before it is training
     * text, text from it on validation text (either may be empty).
     */
    public static int cut(String text, double valFraction) {
        int codePoints = text.codePointCount(0, text.length());
        int trainCodePoints = (int) Math.round(codePoints * (1 - valFraction));
        return text.offsetByCodePoints(0, trainCodePoints);
    }
}
