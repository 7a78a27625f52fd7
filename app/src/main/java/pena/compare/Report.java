package pena.compare;

import pena.files.AtomicFile;
import pena.inspect.MemoryChart;
import pena.inspect.MemoryProbe;
import pena.inspect.MemoryProfile;
import pena.model.HistoryPoint;

import javax.imageio.ImageIO;
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
        boolean memory = results.stream().anyMatch(r -> r.memory() != null);
        if (memory) {
            writeAtomically(options.report().resolve("memory.csv"), memoryCsv(results));
            writeMemoryChart(options, results, options.report().resolve("memory.png"));
        }
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

    /** One row per run and distance: the run's mean influence and, for an LSTM, each layer's forget path. */
    static String memoryCsv(List<RunResult> results) {
        int layers = results.stream().filter(r -> r.memory() != null).mapToInt(r -> r.memory().forgetPath().size())
                .max().orElse(0);
        StringBuilder csv = new StringBuilder("run,cell,layers,hidden,seed,distance,influence");
        for (int l = 0; l < layers; l++) {
            csv.append(",forget_path_layer_").append(l + 1);
        }
        csv.append('\n');
        for (RunResult r : results) {
            MemoryProfile m = r.memory();
            if (m == null) {
                continue;
            }
            for (int d = 1; d <= m.window(); d++) {
                csv.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%d,%d,%.6e", r.name(), r.cell(), r.layers(),
                        r.hidden(), r.seed(), d, m.influence()[d - 1]));
                for (int l = 0; l < layers; l++) {
                    csv.append(',');
                    if (l < m.forgetPath().size()) {
                        csv.append(String.format(Locale.ROOT, "%.6e", m.forgetPath().get(l)[d - 1]));
                    }
                }
                csv.append('\n');
            }
        }
        return csv.toString();
    }

    /** memory.png: every configuration's memory curve (mean over seeds), overlaid, log scale. */
    private static void writeMemoryChart(CompareOptions options, List<RunResult> results, Path file) {
        List<ConfigurationSummary> rows = ConfigurationSummary.of(results, options.reference().id()).stream()
                .filter(r -> r.memory() != null).toList();
        var image = MemoryChart.image(rows.stream().map(ConfigurationSummary::memory).toList(),
                rows.stream().map(ConfigurationSummary::group).toList(),
                options.level().words() ? "tokens" : "characters", 1100, 650);
        try {
            AtomicFile.write(file, temp -> ImageIO.write(image, "png", temp.toFile()));
        } catch (IOException e) {
            throw new CompareException("cannot write " + file + " (" + e.getMessage() + "); check the --report folder");
        }
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
                    + "perplexity | final val BPC | seconds to %s's final BPC (%.3f) | influence beyond 20 |%n", speed,
                    reference, target));
            md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (ConfigurationSummary row : depth) {
                md.append(String.format(Locale.ROOT, "| %s | %d | %,d | %.0f | %s | %s | %s | %s | %s |%n", row.cell(),
                        row.hidden(), row.parameters(), row.tokensPerSecond().mean(), meanSd(row.bestBpc(), 3),
                        meanSd(row.bestPerplexity(), 2), meanSd(row.finalBpc(), 3), reach(row), percent(row.beyond20())));
            }
            md.append('\n');
            Sentences.about(options, depth, reference).forEach(s -> md.append(s).append("\n\n"));
            MemorySentences.summary(options, depth).forEach(s -> md.append(s).append("\n\n"));
        }
        md.append("![validation BPC against seconds and against ").append("characters seen](curves.png)\n\n");
        md.append("Mean over seeds; thin lines: the lowest and highest seed. Every point is in runs.csv.\n\n");
        if (rows.stream().anyMatch(r -> r.memory() != null)) {
            md.append(memorySection(options, rows));
        }
        md.append("## Samples / Amostras\n\n");
        md.append(String.format(Locale.ROOT, "Best model of each run, prime \"%s\", temperature 0.8, seed %d.%n%n",
                options.prime(), Experiment.SAMPLE_SEED));
        for (RunResult r : results) {
            md.append("**").append(r.name()).append("**\n\n```text\n").append(options.prime()).append(r.sample())
                    .append("\n```\n\n");
        }
        return md.toString();
    }

    private static String memorySection(CompareOptions options, List<ConfigurationSummary> rows) {
        String unit = options.level().words() ? "tokens" : "characters";
        MemoryProfile any = rows.stream().map(ConfigurationSummary::memory).filter(m -> m != null).findFirst()
                .orElseThrow();
        StringBuilder md = new StringBuilder("## Memory / Memória\n\n");
        md.append(String.format(Locale.ROOT, "How far back each best model's predictions reach: for %d predictions "
                        + "spread over the validation text, the norm of the gradient of log p(next %s) with respect "
                        + "to the input d %s back, d = 1 to %d, through every layer (%s arithmetic, each window "
                        + "read after %d warm-up %s), averaged over predictions and seeds. The share is the part "
                        + "of the total influence further back than d. For the LSTM, Π f is the mean over units of "
                        + "the product of forget gates over the same distance: the cell state's own path.%n%n",
                any.positions() / Math.max(1, rows.get(0).seeds()), unit.substring(0, unit.length() - 1), unit,
                any.window(), any.precision(), MemoryProbe.warmUp(any.window()), unit));
        md.append("| cell | beyond 10 | beyond 20 | beyond 50 | half of it within | influence at 100 ÷ at 1 "
                + "| Π f at 10, layer 1 | Π f at 10, last layer |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (ConfigurationSummary row : rows) {
            MemoryProfile m = row.memory();
            if (m == null) {
                continue;
            }
            List<double[]> paths = m.forgetPath();
            String far = m.window() >= MemorySentences.FAR_DISTANCE && m.influence()[0] > 0
                    ? String.format(Locale.ROOT, "%.1e", m.influence()[MemorySentences.FAR_DISTANCE - 1] / m.influence()[0])
                    : "—";
            md.append(String.format(Locale.ROOT, "| %s | %.1f%% | %s | %.1f%% | %d %s | %s | %s | %s |%n", row.group(),
                    100 * m.shareBeyond(10), percent(row.beyond20()), 100 * m.shareBeyond(50), m.halfDistance(), unit, far,
                    paths.isEmpty() ? "—" : String.format(Locale.ROOT, "%.3f", paths.get(0)[9]),
                    paths.isEmpty() ? "—" : String.format(Locale.ROOT, "%.3f", paths.get(paths.size() - 1)[9])));
        }
        md.append("\n![influence against distance, every cell, log scale](memory.png)\n\n");
        md.append("Every run's curve is in memory.csv.\n\n");
        return md.toString();
    }

    /** A share over seeds in percent, mean ± sd. */
    static String percent(Stats s) {
        if (s.n() == 0) {
            return "—";
        }
        String mean = String.format(Locale.ROOT, "%.1f%%", 100 * s.mean());
        return s.n() > 1 ? mean + " ± " + String.format(Locale.ROOT, "%.1f", 100 * s.sd()) : mean;
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
