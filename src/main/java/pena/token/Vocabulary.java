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

    /** Counts the symbols of the training texts. */
    public static Vocabulary build(Tokenizer tokenizer, List<String> trainingTexts) {
        Map<String, Long> counted = new HashMap<>();
        for (String text : trainingTexts) {
            for (String symbol : tokenizer.split(text)) {
                counted.merge(symbol, 1L, Long::sum);
            }
        }
        List<String> sorted = counted.keySet().stream()
                .sorted(Comparator.comparingInt((String s) -> s.codePointAt(0)).thenComparing(s -> s))
                .toList();
        List<String> symbols = new ArrayList<>(sorted.size() + 1);
        symbols.add(UNKNOWN);
        symbols.addAll(sorted);
        long[] counts = new long[symbols.size()];
        for (int i = 1; i < symbols.size(); i++) {
            counts[i] = counted.get(symbols.get(i));
        }
        return new Vocabulary(symbols, counts);
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
            if (!contains(symbol) || UNKNOWN.equals(symbol)) {
                unknown.add(symbol);
            }
        }
        return unknown;
    }
}
