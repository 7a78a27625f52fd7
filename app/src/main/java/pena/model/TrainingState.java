package pena.model;

import java.util.List;

/**
 * Where a training run stands, so that {@code --resume} continues it: the data settings it was
 * started with, its position in the text, and its history.
 *
 * @param corpus        the corpus read at the start (an absolute path; older files: as given)
 * @param valFraction   validation fraction of each document
 * @param batch         parallel streams
 * @param epoch         epoch in progress (0-based)
 * @param window        next window of that epoch
 * @param tokensSeen    training tokens consumed
 * @param seconds       training seconds spent
 * @param bestValidationBpc best validation BPC so far (the model kept as NAME.zip)
 * @param history       evaluation points so far
 * @param charsPerSecond training throughput of the run so far
 * @param bestResult    the RESULT line of the best model (null in files written before it was kept)
 * @param lrSchedule    the learning-rate schedule's name ({@code cosine}, {@code constant}; null in files
 *                      written before schedules: constant)
 */
public record TrainingState(String corpus, double valFraction, int batch, int epoch, int window, long tokensSeen,
                            double seconds, double bestValidationBpc, List<HistoryPoint> history,
                            double charsPerSecond, String bestResult, String lrSchedule) {
    public TrainingState {
        history = List.copyOf(history);
    }

    /** @param corpus the corpus as the run read it: an absolute path, so a resume works from any folder */
    public static TrainingState start(String corpus, double valFraction, int batch) {
        return start(corpus, valFraction, batch, "constant");
    }

    public static TrainingState start(String corpus, double valFraction, int batch, String lrSchedule) {
        return new TrainingState(corpus, valFraction, batch, 0, 0, 0, 0, Double.NaN, List.of(), 0, null, lrSchedule);
    }

    /** The schedule's name, {@code constant} for files written before schedules. */
    public String schedule() {
        return lrSchedule == null ? "constant" : lrSchedule;
    }
}
