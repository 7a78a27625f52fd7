package pena.generate;

/**
 * How to turn the model's next-token probabilities into a choice.
 *
 * @param temperature 0 picks the most likely token (argmax); below 1 sharpens, above 1 flattens
 * @param topK        keep only the k most likely tokens (0 = all)
 * @param topP        keep the smallest set of most likely tokens whose mass reaches p (1 = all)
 * @param seed        random seed: the same seed gives the same text
 */
public record SamplingOptions(double temperature, int topK, double topP, long seed) {
    public SamplingOptions {
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw new SamplingException("--temperature must be 0 (argmax) or a positive number, got " + temperature);
        }
        if (topK < 0) {
            throw new SamplingException("--top-k must be 0 (off) or positive, got " + topK);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new SamplingException("--top-p must be in (0, 1], got " + topP);
        }
    }
}
