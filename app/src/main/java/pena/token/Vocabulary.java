package pena.token;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Symbol ids. Id 0 is {@code <unk>}, which stands for every symbol not seen in training; the
 * others follow in code-point order, each with its training count.
 */
public final class Vocabulary {
    public static final String UNKNOWN = "<unk>";
    public static final int UNKNOWN_ID = 0;

    private final List<String> symbols;
    private final long[] counts;
    private final Map<String, Integer> ids = new HashMap<>();

    /**
     * @param symbols the symbols in id order, {@code <unk>} first
     * @param counts  training counts, same order
     */
    public Vocabulary(List<String> symbols, long[] counts) {
        if (symbols.isEmpty() || !UNKNOWN.equals(symbols.get(0)) || symbols.size() != counts.length) {
            throw new IllegalArgumentException("a vocabulary starts with <unk> and has one count per symbol");
        }
        this.symbols = List.copyOf(symbols);
        this.counts = counts.clone();
        for (int i = 0; i < symbols.size(); i++) {
            ids.put(symbols.get(i), i);
        }
    }

    /** Counts the symbols of the training texts; every symbol seen gets an id. */
    public static Vocabulary build(Tokenizer tokenizer, List<String> trainingTexts) {
        return build(tokenizer, trainingTexts, Integer.MAX_VALUE, 1);
    }

    /**
     * Counts the symbols of the training texts and keeps the most frequent: at most
     * {@code maxSize} ids in all ({@code <unk>} included), each symbol seen at least
     * {@code minCount} times; the others are {@code <unk>}, whose count is theirs together.
     */
    public static Vocabulary build(Tokenizer tokenizer, List<String> trainingTexts, int maxSize, int minCount) {
        checkLimits(maxSize, minCount);
        Map<String, Long> counted = new HashMap<>();
        for (String text : trainingTexts) {
            for (String symbol : tokenizer.split(text)) {
                counted.merge(symbol, 1L, Long::sum);
            }
        }
        return fromCounts(counted, maxSize, minCount);
    }

    /**
     * The vocabulary of training symbols counted elsewhere (a prepared corpus counts them as it
     * streams): the same choice as {@link #build}, the most frequent first, ties by symbol.
     *
     * @param counted each training symbol's count (the map is not changed)
     */
    public static Vocabulary fromCounts(Map<String, Long> counted, int maxSize, int minCount) {
        checkLimits(maxSize, minCount);
        List<String> kept = counted.entrySet().stream()
                .filter(e -> !UNKNOWN.equals(e.getKey())) // the literal text "<unk>" is not a word of the corpus
                .filter(e -> e.getValue() >= minCount)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(maxSize - 1L)
                .map(Map.Entry::getKey)
                .sorted(Comparator.comparingInt((String s) -> s.codePointAt(0)).thenComparing(s -> s))
                .toList();
        List<String> symbols = new ArrayList<>(kept.size() + 1);
        symbols.add(UNKNOWN);
        symbols.addAll(kept);
        long[] counts = new long[symbols.size()];
        long total = 0;
        for (Map.Entry<String, Long> e : counted.entrySet()) {
            total += UNKNOWN.equals(e.getKey()) ? 0 : e.getValue();
        }
        long known = 0;
        for (int i = 1; i < symbols.size(); i++) {
            counts[i] = counted.get(symbols.get(i));
            known += counts[i];
        }
        counts[0] = total - known;
        return new Vocabulary(symbols, counts);
    }

    private static void checkLimits(int maxSize, int minCount) {
        if (maxSize < 2 || minCount < 1) {
            throw new IllegalArgumentException("--max-vocab must be at least 2 and --min-count at least 1");
        }
    }

    /** Share of the text's tokens that this vocabulary does not know (scored as {@code <unk>}). */
    public double oovRate(Tokenizer tokenizer, List<String> texts) {
        long tokens = 0;
        long unknown = 0;
        for (String text : texts) {
            for (String symbol : tokenizer.split(text)) {
                tokens++;
                if (!knows(symbol)) {
                    unknown++;
                }
            }
        }
        return tokens == 0 ? 0 : (double) unknown / tokens;
    }

    public int size() {
        return symbols.size();
    }

    /** The id of a symbol, {@link #UNKNOWN_ID} when the symbol was never seen. */
    public int id(String symbol) {
        return ids.getOrDefault(symbol, UNKNOWN_ID);
    }

    public boolean contains(String symbol) {
        return ids.containsKey(symbol);
    }

    /** A symbol of the training text (the literal text {@code <unk>} is not one: it is read as unknown). */
    public boolean knows(String symbol) {
        return contains(symbol) && !UNKNOWN.equals(symbol);
    }

    public String symbol(int id) {
        return symbols.get(id);
    }

    public long count(int id) {
        return counts[id];
    }

    public List<String> symbols() {
        return symbols;
    }

    public long[] counts() {
        return counts.clone();
    }

    /** Ids of the tokenized text; unknown symbols become {@code <unk>}. */
    public int[] encode(Tokenizer tokenizer, String text) {
        return tokenizer.split(text).stream().mapToInt(this::id).toArray();
    }

    public String decode(Tokenizer tokenizer, int[] ids) {
        List<String> out = new ArrayList<>(ids.length);
        for (int id : ids) {
            out.add(symbols.get(id));
        }
        return tokenizer.join(out);
    }

    /** The distinct symbols of {@code text} that this vocabulary does not know, in order of appearance. */
    public Set<String> unknownSymbols(Tokenizer tokenizer, String text) {
        Set<String> unknown = new LinkedHashSet<>();
        for (String symbol : tokenizer.split(text)) {
            if (!knows(symbol)) {
                unknown.add(symbol);
            }
        }
        return unknown;
    }
}
