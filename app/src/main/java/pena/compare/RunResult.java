package pena.compare;

import pena.inspect.MemoryProfile;
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
 * @param memory         the best model's memory profile on the validation text (null in results
 *                       written before Pena measured memory; the report then measures it)
 */
public record RunResult(String name, String cell, int layers, int hidden, long seed, long parameters,
                        double tokensPerSecond, List<HistoryPoint> history, long windows, String dataDigest,
                        String sample, MemoryProfile memory) {
    public RunResult {
        history = List.copyOf(history);
    }

    public RunResult withMemory(MemoryProfile profile) {
        return new RunResult(name, cell, layers, hidden, seed, parameters, tokensPerSecond, history, windows, dataDigest,
                sample, profile);
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
