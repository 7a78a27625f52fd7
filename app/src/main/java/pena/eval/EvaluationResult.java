package pena.eval;

import java.util.Locale;

/**
 * The score of a model on a text.
 *
 * @param tokens     tokens predicted (every token of each document but its first)
 * @param characters characters of the predicted tokens
 * @param nats       total cross-entropy in nats
 * @param unknown    predicted tokens that are {@code <unk>} (out of vocabulary)
 */
public record EvaluationResult(long tokens, long characters, double nats, long unknown) {

    public double natsPerToken() {
        return nats / tokens;
    }

    public double perplexity() {
        return Math.exp(natsPerToken());
    }

    /** Bits per character: total nats / characters / ln 2. */
    public double bitsPerCharacter() {
        return nats / characters / Math.log(2);
    }

    public double oovRate() {
        return (double) unknown / tokens;
    }

    /** DESIGN.md's machine-readable line, without the trailing fields a trainer adds. */
    public String resultLine() {
        return String.format(Locale.ROOT, "RESULT tokens=%d chars=%d nats_per_token=%.4f perplexity=%.4f bpc=%.4f oov_rate=%.4f",
                tokens, characters, natsPerToken(), perplexity(), bitsPerCharacter(), oovRate());
    }
}
