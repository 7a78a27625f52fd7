package pena.model;

import java.util.List;

/**
 * Where a training run stands, so that {@code --resume} continues it: the data settings it was
 * started with, its position in the text, and its history.
 *
 * @param corpus        the corpus path as given at the start
 * @param valFraction   validation fraction of each document
 * @param batch         parallel streams
 * @param epoch         epoch in progress (0-based)
 * @param window        next window of that epoch
 * @param tokensSeen    training tokens consumed
 * @param seconds       training seconds spent
 * @param bestValidationBpc best validation BPC so far (the model kept as NAME.zip)
 * @param history       evaluation points so far
 * @param charsPerSecond training throughput of the run so far
 */
public record TrainingState(String corpus, double valFraction, int batch, int epoch, int window, long tokensSeen,
                            double seconds, double bestValidationBpc, List<HistoryPoint> history,
                            double charsPerSecond) {
    public TrainingState {
        history = List.copyOf(history);
    }

    public static TrainingState start(String corpus, double valFraction, int batch) {
        return new TrainingState(corpus, valFraction, batch, 0, 0, 0, 0, Double.NaN, List.of(), 0);
    }
}
