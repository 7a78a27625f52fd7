package pena.compare;

import pena.inspect.MemoryProfile;

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
 * @param beyond20           share of the influence further back than 20 tokens, over the seeds
 * @param memory             the seeds' memory profiles averaged (null when no run has one)
 */
record ConfigurationSummary(String group, String cell, int layers, int hidden, long parameters, int seeds,
                            Stats tokensPerSecond, Stats bestBpc, Stats bestPerplexity, Stats finalBpc,
                            Stats secondsToReference, int reachedReference, Stats beyond20, MemoryProfile memory) {

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
                    Stats.of(reach), (int) reach.stream().filter(Double::isFinite).count(),
                    Stats.of(runs.stream().filter(r -> r.memory() != null).map(r -> r.memory().shareBeyond(20)).toList()),
                    mean(runs.stream().map(RunResult::memory).filter(m -> m != null).toList())));
        }
        return rows;
    }

    /** The profiles' influence and forget paths averaged distance by distance; null for none. */
    static MemoryProfile mean(List<MemoryProfile> profiles) {
        if (profiles.isEmpty()) {
            return null;
        }
        MemoryProfile first = profiles.get(0);
        double[] influence = new double[first.influence().length];
        List<double[]> paths = new ArrayList<>();
        first.forgetPath().forEach(p -> paths.add(new double[p.length]));
        int positions = 0;
        for (MemoryProfile p : profiles) {
            positions += p.positions();
            for (int d = 0; d < influence.length; d++) {
                influence[d] += p.influence()[d] / profiles.size();
            }
            for (int l = 0; l < paths.size(); l++) {
                for (int d = 0; d < influence.length; d++) {
                    paths.get(l)[d] += p.forgetPath().get(l)[d] / profiles.size();
                }
            }
        }
        return new MemoryProfile(first.cell(), first.window(), positions, influence, paths, first.precision());
    }

    /** Mean final validation BPC of the reference cell at this depth; NaN when it has no run. */
    static double referenceFinalBpc(List<RunResult> results, String reference, int layers) {
        return Stats.of(results.stream().filter(r -> r.cell().equals(reference) && r.layers() == layers)
                .map(RunResult::finalBpc).toList()).mean();
    }
}
