package pena.web;

import pena.nn.CellType;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A training run as the page asks for it: a character model of a cell, a stack and a budget,
 * on a corpus of the library, its files under a name in the models folder.
 *
 * @param corpus  a corpus name as {@link TrainingRoom#corpora()} lists it
 * @param dropout fraction of each recurrent layer's inputs dropped while training (0: none)
 * @param name    the run's name: the best model is {@code models/NAME.zip}
 */
public record TrainingRequest(String corpus, CellType cell, int layers, int hidden, double dropout, double minutes,
                              String name) {
    /** Run names: letters, digits, '-' and '_', as a file name on every system. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,59}");
    static final int DEFAULT_HIDDEN = 128;
    static final double DEFAULT_MINUTES = 5;

    /** The request's parameters, each checked against {@code limits}; a bad one is a {@link Query.BadRequest} naming it. */
    static TrainingRequest of(Query query, TrainingLimits limits) {
        String corpus = query.text("corpus", "amostra", 300);
        CellType cell;
        try {
            cell = CellType.parse(query.text("cell", "lstm", 20));
        } catch (IllegalArgumentException e) {
            throw new Query.BadRequest("cell: " + e.getMessage());
        }
        if (cell != CellType.LSTM && cell != CellType.GRU && cell != CellType.RNN) {
            throw new Query.BadRequest("cell must be rnn, lstm or gru here");
        }
        int layers = query.integer("layers", 2, 1, limits.maxLayers());
        int hidden = query.integer("hidden", Math.min(DEFAULT_HIDDEN, limits.maxHidden()), 2, limits.maxHidden());
        double dropout = query.decimal("dropout", 0, 0, 0.8);
        double minutes = query.decimal("minutes", Math.min(DEFAULT_MINUTES, limits.maxMinutes()), 0.1, limits.maxMinutes());
        String name = query.text("name", "", 60).strip();
        if (name.isEmpty()) {
            name = String.format(Locale.ROOT, "aula-%s-%dx%d", cell.id(), layers, hidden);
        }
        if (!NAME.matcher(name).matches()) {
            throw new Query.BadRequest("name '" + name + "': use letters, digits, - and _ (at most 60), "
                    + "starting with a letter or digit");
        }
        return new TrainingRequest(corpus, cell, layers, hidden, dropout, minutes, name);
    }

    /** e.g. {@code lstm 2×128, 5 min on amostra}. */
    String describe() {
        return String.format(Locale.ROOT, "%s %d×%d%s, %s min on %s", cell.id(), layers, hidden,
                dropout > 0 ? ", dropout " + dropout : "",
                minutes == Math.rint(minutes) ? String.valueOf((long) minutes) : String.valueOf(minutes), corpus);
    }
}
