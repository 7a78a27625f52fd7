package pena.cli;

import pena.compare.CompareOptions;
import pena.compare.Experiment;
import pena.compare.Report;
import pena.nn.TokenLevel;
import pena.train.RunLock;
import pena.compare.RunPlan;
import pena.compare.RunResult;
import pena.nn.CellType;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code pena compare}: trains each cell on the same data and budget and writes a report. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compares cells (LSTM against GRU) on one corpus: same data, batches, seeds and budget.",
                "Writes report.md, curves.png and runs.csv into the --report folder, with every run's model in "
                        + "its runs/ subfolder. Interrupted, the same command resumes: finished runs are kept."})
public final class CompareCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--corpus", required = true, paramLabel = "PATH|NAME", description = "Text to learn: a file, a folder or a corpus name.")
    String corpus;

    /** --level, --batch, --tbptt, --lr, --seed, --minutes, --epochs, --val-fraction, --val-streams. */
    @CommandLine.Mixin
    RunOptions run;

    @Option(names = "--cells", defaultValue = "lstm,gru", split = ",", description = "Cells to compare, of rnn, lstm, gru, gru-original, dl4j-lstm; the reference (whose size the others match) is lstm when listed, else the first (default: ${DEFAULT-VALUE}).")
    List<String> cells;

    @Option(names = "--layers", defaultValue = "2", split = ",", description = "Depths, e.g. 2,3; every cell runs at each (default: ${DEFAULT-VALUE}).")
    List<Integer> layers;

    @Option(names = "--hidden", defaultValue = "256", description = "Units per layer of the reference cell (default: ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--embedding", defaultValue = "0", description = "0: one-hot input; N: learned N-dimensional token vectors (default: ${DEFAULT-VALUE}).")
    int embedding;


    @Option(names = "--seeds", defaultValue = "1", description = "Runs per configuration with different initial weights (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--match", defaultValue = "params", description = "params: widen the other cells to the reference's parameter count; hidden: same width (default: ${DEFAULT-VALUE}).")
    String match;



    @Option(names = "--eval-every", paramLabel = "SECONDS", defaultValue = "0", description = "Training seconds between validation points; 0: a twelfth of --minutes, 2 minutes with --epochs (default: ${DEFAULT-VALUE}).")
    double evalEvery;

    @Option(names = "--prime", defaultValue = "", description = "Prime of the report's samples (default: the start of a paragraph).")
    String prime;

    @Option(names = "--sample-length", defaultValue = "300", description = "Tokens per sample in the report (default: ${DEFAULT-VALUE}).")
    int sampleLength;

    @Option(names = "--report", required = true, paramLabel = "DIR", description = "Folder of the report and of the runs' models.")
    Path report;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        CompareOptions options = options();
        // one experiment per report folder; taking the lock also finds an unwritable --report now
        try (RunLock lock = RunLock.take(report.resolve("compare.lock"), "the report " + report, "--report")) {
            return compare(options, out);
        }
    }

    private Integer compare(CompareOptions options, PrintWriter out) {
        Experiment experiment = new Experiment(options, new ModelValidation(run.valStreams, run.valTokens), out,
                System.console() != null);
        List<RunPlan> plans = experiment.plan();
        out.println("compare: " + plans.size() + " runs into " + report);
        List<RunResult> results;
        try (StopOnInterrupt ignored = new StopOnInterrupt(experiment::requestStop)) {
            results = experiment.run(plans);
        }
        if (experiment.stopped() || results.size() < plans.size()) {
            out.println("stopped after " + results.size() + " of " + plans.size()
                    + " runs; the same command resumes the experiment");
            out.flush();
            return 0;
        }
        Report.write(options, experiment.setup(plans, PenaVersion.version()), results);
        out.println("report: " + report.resolve("report.md") + ", " + report.resolve("curves.png") + ", "
                + report.resolve("runs.csv"));
        out.flush();
        return 0;
    }

    private CompareOptions options() {
        CommandLine cl = spec.commandLine();
        if (run.minutes == null && run.epochs == null) {
            throw new CommandLine.ParameterException(cl, "give the budget of each run: --minutes M or --epochs N");
        }
        TokenLevel tokenLevel = run.check(cl, false);
        if (!(evalEvery >= 0 && evalEvery <= 86_400)) {
            throw new CommandLine.ParameterException(cl, "--eval-every must be 0 (automatic) or seconds up to a day "
                    + "(86400)");
        }
        List<CellType> cellTypes = new ArrayList<>();
        for (String cell : cells) {
            try {
                CellType type = CellType.parse(cell.trim());
                if (cellTypes.contains(type)) {
                    throw new CommandLine.ParameterException(cl, "--cells lists " + cell + " twice");
                }
                cellTypes.add(type);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, "--cells: " + e.getMessage());
            }
        }
        if (layers.isEmpty() || layers.stream().anyMatch(l -> l < 1 || l > 8)) {
            throw new CommandLine.ParameterException(cl, "--layers takes depths between 1 and 8, e.g. 2,3");
        }
        if (hidden < 1 || seeds < 1 || sampleLength < 0) {
            throw new CommandLine.ParameterException(cl, "--hidden and --seeds must be at least 1, --sample-length 0 or more");
        }
        int input = embedding == 0 ? tokenLevel.defaultEmbedding() : embedding;
        CompareOptions.Match matching = switch (match) {
            case "params" -> CompareOptions.Match.PARAMS;
            case "hidden" -> CompareOptions.Match.HIDDEN;
            default -> throw new CommandLine.ParameterException(cl, "--match must be params or hidden");
        };
        return new CompareOptions(corpus, tokenLevel, cellTypes, layers, hidden, input, matching, seeds, run.seed,
                run.minutes == null ? 0 : run.minutes, run.epochs == null ? 0 : run.epochs, run.batch(tokenLevel),
                run.tbptt(tokenLevel), run.learningRate(cellTypes.contains(CellType.RNN)), run.valFraction, evalEvery, report, prime, sampleLength);
    }
}
