package pena.corpus;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a corpus holds: documents, characters, distinct symbols, words, lines, the most frequent
 * symbols and the unigram entropy in bits per character (the BPC of a model that ignores
 * context; a trained model must beat it).
 */
public record CorpusStats(int documents, long characters, int distinctSymbols, long words, long lines,
                          double unigramBitsPerChar, List<Map.Entry<String, Long>> topSymbols) {

    public static CorpusStats of(Corpus corpus) {
        Map<Integer, Long> counts = new HashMap<>();
        long characters = 0;
        long words = 0;
        long lines = 0;
        for (Document document : corpus.documents()) {
            String text = document.text();
            boolean inWord = false;
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                counts.merge(cp, 1L, Long::sum);
                characters++;
                if (cp == '\n') {
                    lines++;
                }
                boolean letter = Character.isLetterOrDigit(cp);
                if (letter && !inWord) {
                    words++;
                }
                inWord = letter || (inWord && cp == '-');
            }
        }
        double entropy = 0;
        for (long count : counts.values()) {
            double p = (double) count / characters;
            entropy -= p * Math.log(p) / Math.log(2);
        }
        List<Map.Entry<String, Long>> top = counts.entrySet().stream()
                .sorted(Map.Entry.<Integer, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(20)
                .map(e -> Map.entry(Character.toString(e.getKey()), e.getValue()))
                .toList();
        return new CorpusStats(corpus.documents().size(), characters, counts.size(), words, lines, entropy, top);
    }
}
