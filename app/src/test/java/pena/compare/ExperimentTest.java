package pena.compare;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pena.TestData;
import pena.TestValidation;
import pena.corpus.Corpus;
import pena.nn.CellType;
import pena.train.Validation;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A whole small experiment: two cells, two seeds, one epoch each, then the report and a rerun. */
class ExperimentTest {
    private static final Validation QUICK = new TestValidation();

    @Test
    void runsSeeTheSameDataTheReportMatchesTheCsvAndARerunSkipsFinishedRuns(@TempDir Path dir) throws IOException {
        Path corpus = dir.resolve("texto.txt");
        String text = Corpus.read(TestData.sample()).documents().get(0).text();
        Files.writeString(corpus, text.substring(0, Math.min(text.length(), 6000)));
        Path report = dir.resolve("report");
        CompareOptions options = new CompareOptions(corpus.toString(), pena.nn.TokenLevel.CHAR, List.of(CellType.LSTM, CellType.GRU),
                List.of(1), 24, 0, CompareOptions.Match.PARAMS, 2, 42, 0, 1, 4, 16, 5e-3, 0.1, 0.3, report, "A ", 40);

        StringWriter log = new StringWriter();
        Experiment experiment = new Experiment(options, QUICK, new PrintWriter(log), false);
        List<RunPlan> plans = experiment.plan();
        assertEquals(4, plans.size());
        List<RunResult> results = experiment.run(plans);
        assertEquals(4, results.size(), log.toString());

        // same data: every run was fed the same windows in the same order
        RunResult first = results.get(0);
        assertTrue(first.windows() > 10, "windows: " + first.windows());
        for (RunResult r : results) {
            assertEquals(first.windows(), r.windows(), r.name());
            assertEquals(first.dataDigest(), r.dataDigest(), r.name());
        }
        assertNotEquals(results.get(0).hidden(), results.get(2).hidden(), "the GRU should be widened");

        Report.write(options, experiment.setup(plans, "test"), results);
        for (String file : List.of("report.md", "curves.png", "runs.csv")) {
            assertTrue(Files.size(report.resolve(file)) > 100, file);
        }
        assertReportNumbersComeFromTheCsv(Files.readString(report.resolve("report.md")),
                Files.readAllLines(report.resolve("runs.csv")));
        assertTrue(Files.size(report.resolve("memory.png")) > 1000, "memory.png");
        assertMemorySharesComeFromTheCsv(Files.readString(report.resolve("report.md")),
                Files.readAllLines(report.resolve("memory.csv")));

        // a rerun reads the finished runs back instead of training them again
        Path resultFile = experiment.resultFile(plans.get(0));
        FileTime written = Files.getLastModifiedTime(resultFile);
        StringWriter rerunLog = new StringWriter();
        List<RunResult> again = new Experiment(options, QUICK, new PrintWriter(rerunLog), false).run(plans);
        assertEquals(results, again);
        assertEquals(written, Files.getLastModifiedTime(resultFile));
        assertEquals(4, rerunLog.toString().split("finished earlier", -1).length - 1, rerunLog.toString());
        assertFalse(rerunLog.toString().contains("val bpc"), "a finished run was trained again:\n" + rerunLog);
    }

    /** Each cell's share of influence beyond 20 characters, mean over seeds, recomputed from memory.csv. */
    private static void assertMemorySharesComeFromTheCsv(String markdown, List<String> csv) {
        List<String> header = List.of(csv.get(0).split(","));
        int run = header.indexOf("run");
        int cell = header.indexOf("cell");
        int distance = header.indexOf("distance");
        int influence = header.indexOf("influence");
        Map<String, Map<String, double[]>> byCell = new LinkedHashMap<>(); // cell → run → {total, beyond 20}
        for (String line : csv.subList(1, csv.size())) {
            String[] f = line.split(",");
            double[] sums = byCell.computeIfAbsent(f[cell], c -> new LinkedHashMap<>())
                    .computeIfAbsent(f[run], r -> new double[2]);
            double v = Double.parseDouble(f[influence]);
            sums[0] += v;
            if (Integer.parseInt(f[distance]) > 20) {
                sums[1] += v;
            }
        }
        assertEquals(2, byCell.size());
        for (Map.Entry<String, Map<String, double[]>> e : byCell.entrySet()) {
            double mean = e.getValue().values().stream().mapToDouble(s -> s[1] / s[0]).average().orElseThrow();
            String expected = String.format(Locale.ROOT, "%.1f%%", 100 * mean);
            String row = markdown.lines().filter(l -> l.startsWith("| " + e.getKey() + " |")).findFirst().orElseThrow();
            assertTrue(row.contains("| " + expected + " ± ") || row.endsWith("| " + expected + " |"),
                    "row " + row + " lacks " + expected);
        }
    }

    /** Best BPC per configuration, mean and standard deviation over seeds, recomputed from runs.csv. */
    private static void assertReportNumbersComeFromTheCsv(String markdown, List<String> csv) {
        List<String> header = List.of(csv.get(0).split(","));
        int run = header.indexOf("run");
        int cell = header.indexOf("cell");
        int bpc = header.indexOf("val_bpc");
        Map<String, Map<String, Double>> bestByRun = new LinkedHashMap<>();
        for (String line : csv.subList(1, csv.size())) {
            String[] f = line.split(",");
            bestByRun.computeIfAbsent(f[cell], c -> new LinkedHashMap<>())
                    .merge(f[run], Double.parseDouble(f[bpc]), Math::min);
        }
        assertEquals(2, bestByRun.size());
        for (Map.Entry<String, Map<String, Double>> e : bestByRun.entrySet()) {
            List<Double> best = new ArrayList<>(e.getValue().values());
            double mean = best.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double sd = Math.sqrt(best.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (best.size() - 1));
            String expected = String.format(Locale.ROOT, "%.3f ± %.3f", mean, sd);
            String row = markdown.lines().filter(l -> l.startsWith("| " + e.getKey() + " |")).findFirst().orElseThrow();
            assertTrue(row.contains("| " + expected + " |"), "row " + row + " lacks " + expected);
        }
    }
}
