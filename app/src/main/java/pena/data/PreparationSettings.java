package pena.data;

/**
 * How a corpus is turned into ids: the tokenizer's level, the vocabulary's limits and the split.
 *
 * @param level         {@code char}, {@code word} or {@code word-lowercase}
 * @param maxVocabulary at most this many ids, {@code <unk>} included ({@code Integer.MAX_VALUE}: no limit)
 * @param minCount      a symbol seen fewer times in training is {@code <unk>}
 * @param valFraction   the last share of each document held out for validation, in [0, 1)
 */
public record PreparationSettings(String level, int maxVocabulary, int minCount, double valFraction) {
    public PreparationSettings {
        if (!(valFraction >= 0 && valFraction < 1)) {
            throw new IllegalArgumentException("--val-fraction must be in [0, 1), got " + valFraction);
        }
        if (maxVocabulary < 2 || minCount < 1) {
            throw new IllegalArgumentException("--max-vocab must be at least 2 and --min-count at least 1");
        }
    }
}
