package pena.compare;

import pena.model.HistoryPoint;

import java.util.List;

/**
 * A finished run, as the report needs it; stored as JSON beside the run's model so that an
 * interrupted experiment does not redo it.
 *
 * @param name           the run's name (see {@link RunPlan})
 * @param cell           cell id
 * @param layers         stack depth
 * @param hidden         width
 * @param seed           weight seed
 * @param parameters     trainable parameters
 * @param tokensPerSecond training throughput
 * @param history        validation points: seconds, tokens seen, BPC, perplexity
 * @param windows        training windows the run was fed
 * @param dataDigest     CRC-32 of the token ids of those windows, in order
 * @param sample         text the best model wrote from the experiment's prime and seed
 */
public record RunResult(String name, String cell, int layers, int hidden, long seed, long parameters,
                        double tokensPerSecond, List<HistoryPoint> history, long windows, String dataDigest,
                        String sample) {
    public RunResult {
        history = List.copyOf(history);
    }

    public String group() {
        return cell + " " + layers + "x" + hidden;
    }

    public double bestBpc() {
        return history.stream().mapToDouble(HistoryPoint::validationBpc).min().orElse(Double.NaN);
    }

    public double bestPerplexity() {
        return history.stream().mapToDouble(HistoryPoint::validationPerplexity).min().orElse(Double.NaN);
    }

    public double finalBpc() {
        return history.isEmpty() ? Double.NaN : history.get(history.size() - 1).validationBpc();
    }

    /** Training seconds of the first validation point at or below {@code bpc}; NaN if never reached. */
    public double secondsToReach(double bpc) {
        return history.stream().filter(p -> p.validationBpc() <= bpc).mapToDouble(HistoryPoint::seconds)
                .findFirst().orElse(Double.NaN);
    }
}
