package pena.inspect;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * How far back a model's predictions reach, averaged over many positions of a text: for each
 * distance d (the input d tokens before the predicted one, d = 1 … window), the mean norm of
 * ∂ log p(predicted token) / ∂ x(T − d), x the one-hot (or embedding) input vector.
 *
 * @param cell        the model's cell id
 * @param window      inputs before each predicted token (the window starts from the zero state)
 * @param positions   predicted tokens averaged over
 * @param influence   index d − 1: the mean gradient norm at distance d
 * @param forgetPath  LSTM only, one curve per layer (else empty): index d − 1, the mean over units
 *                    and positions of f(T−d+1) · … · f(T−1), ∂C(T−1)/∂C(T−d) through the cell state
 *                    alone; 1 at d = 1
 * @param precision   "double" or "float": the arithmetic the gradients were computed in
 */
public record MemoryProfile(String cell, int window, int positions, double[] influence, List<double[]> forgetPath,
                            String precision) {

    /** Distances the report and the page quote shares beyond. */
    public static final List<Integer> QUOTED_DISTANCES = List.of(10, 20, 50);

    @Override
    public boolean equals(Object other) { // by value: the record's own equals compares arrays by identity
        return other instanceof MemoryProfile m && m.cell.equals(cell) && m.window == window && m.positions == positions
                && Arrays.equals(m.influence, influence) && m.precision.equals(precision)
                && Arrays.deepEquals(m.forgetPath.toArray(), forgetPath.toArray());
    }

    @Override
    public int hashCode() {
        return Objects.hash(cell, window, positions, Arrays.hashCode(influence), precision);
    }

    /** Share of the total influence that lies further back than {@code distance} tokens. */
    public double shareBeyond(int distance) {
        double total = 0;
        double beyond = 0;
        for (int k = 0; k < influence.length; k++) {
            total += influence[k];
            if (k + 1 > distance) {
                beyond += influence[k];
            }
        }
        return total > 0 ? beyond / total : 0;
    }

    /** The distance within which half of the total influence lies. */
    public int halfDistance() {
        double total = 0;
        for (double v : influence) {
            total += v;
        }
        double sum = 0;
        for (int k = 0; k < influence.length; k++) {
            sum += influence[k];
            if (sum >= total / 2) {
                return k + 1;
            }
        }
        return influence.length;
    }
}
