package pena.model;

/**
 * One evaluation point of a training run.
 *
 * @param seconds          training time so far (evaluation time excluded)
 * @param tokensSeen       training tokens consumed so far
 * @param epoch            epoch in progress (0-based)
 * @param trainLoss        mean training cross-entropy in nats per token since the previous point
 * @param validationBpc    bits per character on the validation split
 * @param validationPerplexity perplexity per token on the validation split
 */
public record HistoryPoint(double seconds, long tokensSeen, int epoch, double trainLoss, double validationBpc,
                           double validationPerplexity) {
}
