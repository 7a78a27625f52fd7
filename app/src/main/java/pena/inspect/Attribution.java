package pena.inspect;

import java.util.List;

/**
 * What shaped one prediction: for the token at {@code target} of a text read from the zero
 * state, the norm of ∂ log p(target token) / ∂ x(s) for every earlier input s.
 *
 * @param tokens          the text as the model reads it
 * @param target          index of the predicted token (at least 1)
 * @param influence       one value per token before the target (index s), the gradient norm
 * @param probability     p(target token | the tokens before it)
 * @param precision       "double" or "float"
 */
public record Attribution(List<String> tokens, int target, double[] influence, double probability,
                          String precision) {

    /** Each token's influence as a share of the largest one's (0 … 1): what the shading shows. */
    public double[] relative() {
        double max = 0;
        for (double v : influence) {
            max = Math.max(max, v);
        }
        double[] shares = new double[influence.length];
        for (int s = 0; s < shares.length; s++) {
            shares[s] = max > 0 ? influence[s] / max : 0;
        }
        return shares;
    }
}
