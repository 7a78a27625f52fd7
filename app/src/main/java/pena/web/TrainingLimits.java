package pena.web;

/**
 * What a training run started from the page may ask, sized for a 2-core laptop in front of a
 * class ({@code pena serve}'s options set them).
 *
 * @param maxCorpusBytes an uploaded or chosen corpus's size at most
 * @param maxLayers      stacked recurrent layers at most
 * @param maxHidden      units per layer at most
 * @param maxMinutes     training budget at most
 */
public record TrainingLimits(long maxCorpusBytes, int maxLayers, int maxHidden, double maxMinutes) {
    public static final long DEFAULT_CORPUS_BYTES = 10_000_000;
    public static final int DEFAULT_LAYERS = 3;
    public static final int DEFAULT_HIDDEN = 512;
    public static final double DEFAULT_MINUTES = 30;

    public TrainingLimits {
        if (maxCorpusBytes < 1 || maxLayers < 1 || maxHidden < 1 || !(maxMinutes > 0)) {
            throw new WebException("training limits must be positive");
        }
    }

    public static TrainingLimits defaults() {
        return new TrainingLimits(DEFAULT_CORPUS_BYTES, DEFAULT_LAYERS, DEFAULT_HIDDEN, DEFAULT_MINUTES);
    }
}
