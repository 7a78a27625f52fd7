package pena.train;

/**
 * Where a run stands after a window, as its progress line shows it.
 *
 * @param seconds         training seconds so far (earlier sessions' included; evaluation excluded)
 * @param epoch           epoch in progress, 0-based
 * @param epochFraction   share of the epoch's windows done
 * @param tokensPerSecond training speed in this session
 * @param trainLoss       mean cross-entropy in nats per token since the last evaluation point
 * @param windowLoss      the window's own mean cross-entropy in nats per token
 * @param learningRate    the rate the window was fitted with
 * @param etaSeconds      training seconds left in the budget (NaN when unknown)
 * @param budgetShare     share of the budget spent, 0 to 1 (NaN for a run bounded by steps only)
 */
public record TrainingProgress(double seconds, int epoch, double epochFraction, double tokensPerSecond,
                               double trainLoss, double windowLoss, double learningRate, double etaSeconds, double budgetShare) {
}
