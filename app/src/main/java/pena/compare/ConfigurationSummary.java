package pena.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of the report: a cell at one depth and width, its seeds taken together.
 *
 * @param secondsToReference training seconds until validation BPC first reached the reference
 *                           cell's final BPC (mean over the seeds that reached it)
 * @param reachedReference   how many seeds reached it
 */
record ConfigurationSummary(String group, String cell, int layers, int hidden, long parameters, int seeds,
                            Stats tokensPerSecond, Stats bestBpc, Stats bestPerplexity, Stats finalBpc,
                            Stats secondsToReference, int reachedReference) {

    /** Rows in the order of the results; {@code reference} is the cell the others are measured against. */
    static List<ConfigurationSummary> of(List<RunResult> results, String reference) {
        Map<String, List<RunResult>> groups = new LinkedHashMap<>();
        for (RunResult r : results) {
            groups.computeIfAbsent(r.group(), g -> new ArrayList<>()).add(r);
        }
        List<ConfigurationSummary> rows = new ArrayList<>();
        for (List<RunResult> runs : groups.values()) {
            RunResult first = runs.get(0);
            double target = referenceFinalBpc(results, reference, first.layers());
            List<Double> reach = runs.stream().map(r -> r.secondsToReach(target)).toList();
            rows.add(new ConfigurationSummary(first.group(), first.cell(), first.layers(), first.hidden(),
                    first.parameters(), runs.size(),
                    Stats.of(runs.stream().map(RunResult::tokensPerSecond).toList()),
                    Stats.of(runs.stream().map(RunResult::bestBpc).toList()),
                    Stats.of(runs.stream().map(RunResult::bestPerplexity).toList()),
                    Stats.of(runs.stream().map(RunResult::finalBpc).toList()),
                    Stats.of(reach), (int) reach.stream().filter(Double::isFinite).count()));
        }
        return rows;
    }

    /** Mean final validation BPC of the reference cell at this depth; NaN when it has no run. */
    static double referenceFinalBpc(List<RunResult> results, String reference, int layers) {
        return Stats.of(results.stream().filter(r -> r.cell().equals(reference) && r.layers() == layers)
                .map(RunResult::finalBpc).toList()).mean();
    }
}
