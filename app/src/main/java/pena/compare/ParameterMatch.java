package pena.compare;

import pena.nn.CellType;
import pena.nn.NetworkFactory;
import pena.nn.NetworkSpec;

/**
 * Sizes one cell's network to another's parameter count. Per layer an LSTM has four weight
 * blocks, a GRU three and a plain RNN one, so at the same width a GRU has about 3/4 of the
 * parameters and an RNN about 1/4; a fair comparison gives them a wider h instead.
 */
public final class ParameterMatch {
    private ParameterMatch() {
    }

    /** The width for {@code cell} whose network's parameter count is closest to {@code reference}'s. */
    public static int matchedHidden(NetworkSpec reference, CellType cell) {
        long target = NetworkFactory.parameterCount(reference);
        int best = reference.hidden();
        long bestGap = Long.MAX_VALUE;
        int low = Math.max(1, reference.hidden() / 2);
        int high = reference.hidden() * 3; // a one-block RNN needs about twice an LSTM's width
        // the count grows monotonically with the width: walk up until it passes the target
        for (int hidden = low; hidden <= high; hidden++) {
            long count = NetworkFactory.parameterCount(withCell(reference, cell, hidden));
            long gap = Math.abs(count - target);
            if (gap < bestGap) {
                bestGap = gap;
                best = hidden;
            }
            if (count > target) {
                break;
            }
        }
        return best;
    }

    static NetworkSpec withCell(NetworkSpec spec, CellType cell, int hidden) {
        return new NetworkSpec(spec.level(), cell, spec.layers(), hidden, spec.embedding(), spec.dense(),
                spec.dropout(), spec.l2(), spec.clip(), spec.learningRate(), spec.tbptt(), spec.seed(),
                spec.vocabularySize());
    }
}
