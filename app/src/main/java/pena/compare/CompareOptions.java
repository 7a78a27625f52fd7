package pena.compare;

import pena.nn.CellType;
import pena.nn.TokenLevel;

import java.nio.file.Path;
import java.util.List;

/**
 * One experiment's settings.
 *
 * @param corpus        corpus path or name, as the user gave it
 * @param level         characters or words
 * @param cells         the cells compared, in report order; the reference for parameter
 *                      matching and for "time to reach" is the LSTM when listed, else the first
 * @param layers        stack depths; every cell is run at every depth
 * @param hidden        the reference cell's width
 * @param embedding     0 for one-hot input, else the embedding size
 * @param match         how the other cells are sized
 * @param seeds         runs per configuration, with weight seeds {@code baseSeed}, {@code baseSeed + 1}, ...
 * @param baseSeed      the first seed
 * @param minutes       training-time budget per run (0: use {@code epochs})
 * @param epochs        epochs per run (0: use {@code minutes})
 * @param batch         parallel streams
 * @param tbptt         truncated BPTT window
 * @param learningRate  Adam's step
 * @param valFraction   validation fraction of each document
 * @param evalEverySeconds training seconds between validation points (0: a twelfth of the budget)
 * @param report        folder of the report, the run files and their models
 * @param prime         prime of the samples in the report ("" for the model's default)
 * @param sampleLength  tokens per sample
 */
public record CompareOptions(String corpus, TokenLevel level, List<CellType> cells, List<Integer> layers, int hidden,
                             int embedding, Match match, int seeds, long baseSeed, double minutes, int epochs,
                             int batch, int tbptt, double learningRate, double valFraction, double evalEverySeconds,
                             Path report, String prime, int sampleLength) {

    /** How cells other than the reference are sized. */
    public enum Match {
        /** width chosen so the parameter count is as close as possible to the reference's */
        PARAMS,
        /** the same width as the reference */
        HIDDEN
    }

    public CompareOptions {
        cells = List.copyOf(cells);
        layers = List.copyOf(layers);
    }

    /** The LSTM when it is compared (a plain RNN is the baseline, not the yardstick), else the first cell. */
    public CellType reference() {
        return cells.contains(CellType.LSTM) ? CellType.LSTM : cells.get(0);
    }

    /** Seconds between validation points: as given, else a twelfth of the time budget (at least 5 s). */
    public double evaluationInterval() {
        if (evalEverySeconds > 0) {
            return evalEverySeconds;
        }
        return minutes > 0 ? Math.max(5, minutes * 60 / 12) : 0;
    }

    /** The budget in words, e.g. {@code 8 minutes} or {@code 2 epochs}. */
    public String budget() {
        if (minutes > 0) {
            return (minutes == Math.rint(minutes) ? String.valueOf((long) minutes) : String.valueOf(minutes))
                    + " minute" + (minutes == 1 ? "" : "s") + " of training";
        }
        return epochs + " epoch" + (epochs == 1 ? "" : "s");
    }
}
