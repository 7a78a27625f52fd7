package pena.corpus;

import java.nio.file.Path;
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
        return of(corpus.documents());
    }

    /**
     * Reads the corpus at {@code path} one file at a time (a corpus larger than memory included),
     * the files as {@link Corpus#read} reads them, blank ones not counted as documents.
     */
    public static CorpusStats read(Path path) {
        List<Path> files = Corpus.files(path);
        Iterable<Document> documents = () -> files.stream().map(Corpus::readDocument)
                .filter(d -> !d.text().isBlank()).iterator();
        CorpusStats stats = of(documents);
        if (stats.documents() == 0) {
            throw new CorpusException(path + ": the corpus is empty; give a file or folder with some text");
        }
        return stats;
    }

    private static CorpusStats of(Iterable<Document> documents) {
        Map<Integer, Long> counts = new HashMap<>();
        long characters = 0;
        long words = 0;
        long lines = 0;
        int documentCount = 0;
        for (Document document : documents) {
            documentCount++;
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
        return new CorpusStats(documentCount, characters, counts.size(), words, lines, entropy, top);
    }
}
