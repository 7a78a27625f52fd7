package pena.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything that fixes a network's shape and training arithmetic. Stored in every model
 * file, so a resumed run or a sampler rebuilds exactly this network.
 *
 * @param level         what one token is: a character or a word (see {@link TokenLevel})
 * @param cell          the recurrent cell of every layer
 * @param layers        stacked recurrent layers (1-3; layer l's h is layer l+1's x)
 * @param hidden        units per recurrent layer: the size of h and c
 * @param embedding     0 for one-hot input, else the size of a learned embedding of each token
 * @param dense         0 for none, else the width of a dense tanh layer between the last
 *                      recurrent layer and the softmax
 * @param dropout       probability of dropping an input of each recurrent layer (0 = none)
 * @param l2            L2 weight decay
 * @param clip          per-layer gradient L2-norm limit (0 = no clipping)
 * @param learningRate  Adam's step size
 * @param tbptt         truncated BPTT window: forward and backward length in tokens
 * @param seed          weight initialization seed
 * @param vocabularySize number of token ids (input and softmax width)
 */
public record NetworkSpec(TokenLevel level, CellType cell, int layers, int hidden, int embedding, int dense,
                          double dropout, double l2, double clip, double learningRate, int tbptt, long seed,
                          int vocabularySize) {

    /** Problems with the values, as messages naming the option; empty when all is well. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (layers < 1 || layers > 8) {
            problems.add("--layers must be between 1 and 8 (got " + layers + ")");
        }
        if (hidden < 1 || hidden > 8192) {
            problems.add("--hidden must be between 1 and 8192 (got " + hidden + ")");
        }
        if (embedding < 0) {
            problems.add("--embedding must be 0 (one-hot) or positive (got " + embedding + ")");
        }
        if (dense < 0) {
            problems.add("--dense must be 0 (none) or positive (got " + dense + ")");
        }
        if (!(dropout >= 0 && dropout < 1)) {
            problems.add("--dropout must be in [0, 1) (got " + dropout + ")");
        }
        if (!(l2 >= 0 && l2 < 1e6)) {
            problems.add("--l2 must be 0 or a positive number below 1e6 (got " + l2 + ")");
        }
        if (!(clip >= 0 && Double.isFinite(clip))) {
            problems.add("--clip must be 0 (off) or a positive number (got " + clip + ")");
        }
        if (!(learningRate > 0 && learningRate < 1)) {
            problems.add("--lr must be in (0, 1) (got " + learningRate + ")");
        }
        if (tbptt < 1) {
            problems.add("--tbptt must be positive (got " + tbptt + ")");
        }
        if (vocabularySize < 2) {
            problems.add("the vocabulary needs at least 2 symbols (got " + vocabularySize + ")");
        }
        return problems;
    }

    public NetworkSpec withVocabularySize(int size) {
        return new NetworkSpec(level, cell, layers, hidden, embedding, dense, dropout, l2, clip, learningRate,
                tbptt, seed, size);
    }

    /** One line for logs and reports, e.g. {@code lstm 2x256 one-hot, tbptt 64}. */
    public String describe() {
        return level + " " + cell.id() + " " + layers + "x" + hidden + (embedding > 0 ? " embedding " + embedding : " one-hot")
                + (dense > 0 ? " dense " + dense : "") + (dropout > 0 ? " dropout " + dropout : "")
                + ", tbptt " + tbptt + ", vocabulary " + vocabularySize;
    }
}
