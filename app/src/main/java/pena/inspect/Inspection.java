package pena.inspect;

import java.util.List;
import java.util.Map;

/**
 * A text read by a model, step by step.
 *
 * @param cell     the model's cell id (lstm, gru, ...)
 * @param tokens   the text's tokens, one per step
 * @param layers   per recurrent layer, what it computed
 * @param next     per step, the most likely next tokens after it, most likely first
 * @param actual   per step, the probability the model gave the token that does come next
 *                 (NaN after the last)
 */
public record Inspection(String cell, List<String> tokens, List<LayerTrace> layers, List<List<Candidate>> next,
                         double[] actual) {

    /** Surprisal of token s in bits, −log2 p(token s | the tokens before it); NaN for the first. */
    public double surprisalBits(int s) {
        return s == 0 ? Double.NaN : -Math.log(actual[s - 1]) / Math.log(2);
    }

    /**
     * One recurrent layer over the text.
     *
     * @param quantities the recorded quantities in order (see {@link Quantity})
     * @param values     per quantity, [step][unit]
     */
    public record LayerTrace(int units, List<String> quantities, Map<String, float[][]> values) {
        public float[][] of(String quantity) {
            float[][] v = values.get(quantity);
            if (v == null) {
                throw new IllegalArgumentException("this layer has no " + quantity + "; it has " + quantities);
            }
            return v;
        }
    }

    /** A possible next token and its probability. */
    public record Candidate(String token, double probability) {
    }
}
