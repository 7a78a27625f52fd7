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
}
