package pena.compare;

import pena.files.AtomicFile;
import pena.model.HistoryPoint;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes an experiment's report into its folder: {@code report.md} (setup, one table per depth,
 * the result in plain Portuguese and English, samples), {@code curves.png} and {@code runs.csv}
 * (every validation point). Every number in report.md is computed from the same results that
 * runs.csv lists.
 */
public final class Report {
    private Report() {
    }

    /**
     * @param setup lines describing the experiment (corpus, sizes, budget, machine), written as a list
     */
    public static void write(CompareOptions options, List<String> setup, List<RunResult> results) {
        if (results.isEmpty()) {
            throw new CompareException("no finished run to report in " + options.report());
        }
        String tokenWord = options.level().words() ? "tokens" : "characters";
        writeAtomically(options.report().resolve("runs.csv"), csv(results));
        CurvesChart.write(results, tokenWord, options.report().resolve("curves.png"));
        writeAtomically(options.report().resolve("report.md"), markdown(options, setup, results));
    }

    static String csv(List<RunResult> results) {
        StringBuilder csv = new StringBuilder("run,cell,layers,hidden,seed,parameters,tokens_per_s,point,seconds,"
                + "tokens_seen,epoch,train_loss,val_bpc,val_perplexity\n");
        for (RunResult r : results) {
            for (int i = 0; i < r.history().size(); i++) {
                HistoryPoint p = r.history().get(i);
                csv.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%d,%d,%.1f,%d,%.2f,%d,%d,%.6f,%.6f,%.6f%n",
                        r.name(), r.cell(), r.layers(), r.hidden(), r.seed(), r.parameters(), r.tokensPerSecond(),
                        i + 1, p.seconds(), p.tokensSeen(), p.epoch(), p.trainLoss(), p.validationBpc(),
                        p.validationPerplexity()));
            }
        }
        return csv.toString();
    }

    static String markdown(CompareOptions options, List<String> setup, List<RunResult> results) {
        String reference = options.reference().id();
        List<ConfigurationSummary> rows = ConfigurationSummary.of(results, reference);
        String speed = options.level().unit() + "/s";
        StringBuilder md = new StringBuilder();
        md.append("# ").append(String.join(" vs ", options.cells().stream().map(c -> c.id().toUpperCase(Locale.ROOT))
                .toList())).append(" — ").append(options.corpus()).append("\n\n");
        md.append("## Setup / Configuração\n\n");
        setup.forEach(line -> md.append("- ").append(line).append('\n'));
        for (int layers : options.layers()) {
            List<ConfigurationSummary> depth = rows.stream().filter(r -> r.layers() == layers).toList();
            if (depth.isEmpty()) {
                continue;
            }
            double target = ConfigurationSummary.referenceFinalBpc(results, reference, layers);
            md.append("\n## ").append(layers).append(" layers / camadas\n\n");
            md.append(String.format(Locale.ROOT, "| cell | hidden | parameters | %s | best val BPC | best val "
                    + "perplexity | final val BPC | seconds to %s's final BPC (%.3f) |%n", speed, reference, target));
            md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
            for (ConfigurationSummary row : depth) {
                md.append(String.format(Locale.ROOT, "| %s | %d | %,d | %.0f | %s | %s | %s | %s |%n", row.cell(),
                        row.hidden(), row.parameters(), row.tokensPerSecond().mean(), meanSd(row.bestBpc(), 3),
                        meanSd(row.bestPerplexity(), 2), meanSd(row.finalBpc(), 3), reach(row)));
            }
            md.append('\n');
            Sentences.about(options, depth, reference).forEach(s -> md.append(s).append("\n\n"));
        }
        md.append("![validation BPC against seconds and against ").append("characters seen](curves.png)\n\n");
        md.append("Mean over seeds; thin lines: the lowest and highest seed. Every point is in runs.csv.\n\n");
        md.append("## Samples / Amostras\n\n");
        md.append(String.format(Locale.ROOT, "Best model of each run, prime \"%s\", temperature 0.8, seed %d.%n%n",
                options.prime(), Experiment.SAMPLE_SEED));
        for (RunResult r : results) {
            md.append("**").append(r.name()).append("**\n\n```text\n").append(options.prime()).append(r.sample())
                    .append("\n```\n\n");
        }
        return md.toString();
    }

    static String meanSd(Stats s, int decimals) {
        if (s.n() == 0) {
            return "—";
        }
        String format = "%." + decimals + "f";
        String mean = String.format(Locale.ROOT, format, s.mean());
        return s.n() > 1 ? mean + " ± " + String.format(Locale.ROOT, format, s.sd()) : mean;
    }

    private static String reach(ConfigurationSummary row) {
        if (row.reachedReference() == 0) {
            return "not reached";
        }
        String seconds = String.format(Locale.ROOT, "%.0f", row.secondsToReference().mean());
        return row.reachedReference() < row.seeds()
                ? seconds + " (" + row.reachedReference() + " of " + row.seeds() + " seeds)" : seconds;
    }

    private static void writeAtomically(Path file, String text) {
        try {
            AtomicFile.writeString(file, text);
        } catch (IOException e) {
            throw new CompareException("cannot write " + file + " (" + e.getMessage() + "); check the --report folder");
        }
    }
}
