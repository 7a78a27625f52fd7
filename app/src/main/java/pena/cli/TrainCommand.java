package pena.cli;

import pena.nn.CellType;
import pena.nn.NetworkSpec;
import pena.nn.TokenLevel;
import pena.corpus.CorpusLibrary;
import pena.train.FixedOptions;
import pena.train.LearningRateSchedule;
import pena.train.TrainOptions;
import pena.train.Trainer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code pena train}: trains a model on a corpus and keeps the best one. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains a recurrent language model on a corpus.",
                "Keeps the best model (by validation BPC) in OUT.zip and a checkpoint in OUT.ckpt.zip; "
                        + "Ctrl-C saves the checkpoint, --resume continues from it."})
public final class TrainCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--corpus", paramLabel = "PATH|NAME",
            description = "Text to learn: a UTF-8 file, a folder of .txt files, or a corpus name (see `pena corpus list`).")
    String corpus;

    /** --level, --batch, --tbptt, --lr, --seed, --minutes, --epochs, --val-fraction, --val-streams. */
    @CommandLine.Mixin
    RunOptions run;

    @Option(names = "--lowercase", description = "Word level: lowercase every word (capitals are put back after sentence ends when sampling).")
    boolean lowercase;

    @Option(names = "--max-vocab", defaultValue = "10000", description = "Word level: keep the N most frequent tokens (<unk> included); the rest are <unk> (default: ${DEFAULT-VALUE}).")
    int maxVocab;

    @Option(names = "--min-count", defaultValue = "1", description = "Word level: tokens seen fewer times in training are <unk> (default: ${DEFAULT-VALUE}).")
    int minCount;

    @Option(names = "--cell", defaultValue = "lstm", description = "Recurrent cell of every layer: lstm, gru (reset gate after the recurrent product, as Keras), gru-original (reset before it), rnn (the plain gateless RNN, the course's baseline), dl4j-lstm (DL4J's own LSTM, for comparison) (default: ${DEFAULT-VALUE}).")
    String cell;

    @Option(names = "--layers", defaultValue = "2", description = "Stacked recurrent layers; layer l's h is layer l+1's input (default: ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--hidden", defaultValue = "256", description = "Units per layer: the size of h and of the cell state C (default: ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--embedding", description = "0: one-hot input; N: learn an N-dimensional vector per token (default: 0 for char, 128 for word).")
    Integer embedding;

    @Option(names = "--dense", defaultValue = "0", description = "0: none; N: a dense tanh layer of N units between the last recurrent layer and the softmax (default: ${DEFAULT-VALUE}).")
    int dense;

    @Option(names = "--dropout", defaultValue = "0", description = "Fraction of each recurrent layer's inputs dropped while training (default: ${DEFAULT-VALUE}).")
    double dropout;

    @Option(names = "--l2", defaultValue = "0", description = "L2 weight decay (default: ${DEFAULT-VALUE}).")
    double l2;



    @Option(names = "--clip", defaultValue = "5", description = "Gradient L2-norm limit per layer; 0 turns clipping off (default: ${DEFAULT-VALUE}).")
    double clip;



    @Option(names = "--out", paramLabel = "models/NAME", description = "Where the run's files go (default: models/<corpus name>).")
    Path out;

    @Option(names = "--eval-every", paramLabel = "SECONDS", defaultValue = "0",
            description = "Training seconds between evaluation points; 0: a tenth of --minutes, at most 2 minutes "
                    + "(word level: a fifth, at most 5 minutes) (default: ${DEFAULT-VALUE}).")
    double evalEvery;

    @Option(names = "--checkpoint-every", paramLabel = "MINUTES", defaultValue = "0",
            description = "Also write the checkpoint every this many minutes of training (decimals allowed), for "
                    + "long runs with few evaluation points; 0: at evaluation points only (default: ${DEFAULT-VALUE}).")
    double checkpointEvery;

    @Option(names = "--state", defaultValue = "carry",
            description = "carry: each window starts from the state the previous one ended in (truncated BPTT over "
                    + "the whole text); reset: every window starts from zero (default: ${DEFAULT-VALUE}).")
    String state;

    @Option(names = "--lr-schedule", defaultValue = "constant",
            description = "constant: --lr throughout; cosine: warm up over the first 2 %% of the budget, then decay to "
                    + "a tenth of --lr at the end of --minutes or --epochs (nanoGPT's schedule) (default: "
                    + "${DEFAULT-VALUE}; a resumed run keeps its own).")
    String lrSchedule;

    @Option(names = "--resume", description = "Continue the run whose checkpoint is OUT.ckpt.zip (architecture, data and position from it).")
    boolean resume;

    @Option(names = "--force", description = "Start over even though OUT.zip exists.")
    boolean force;

    @Option(names = "--max-steps", hidden = true, defaultValue = "0", description = "Stop after this many windows (tests).")
    long maxSteps;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        TrainOptions options = options();
        if (layers > 3) {
            out.println("warning: recurrent stacks deeper than 3 layers rarely help; depth is usually added with --dense");
        }
        Trainer trainer = new Trainer(options, new ModelValidation(run.valStreams, run.valTokens), out, System.console() != null);
        try (StopOnInterrupt ignored = new StopOnInterrupt(trainer::requestStop)) {
            Trainer.Outcome outcome = trainer.run();
            if (outcome.best() != null) {
                // DESIGN.md's chars_per_s; a word model's speed is in tokens
                String speed = outcome.spec().level().unit() + "_per_s";
                out.printf(Locale.ROOT, "%s %s=%.0f params=%d%n", outcome.best().resultLine(), speed,
                        outcome.charsPerSecond(), outcome.parameters());
            }
            out.flush();
            if (outcome.failure() != null) {
                spec.commandLine().getErr().println("pena: " + outcome.failure());
                spec.commandLine().getErr().flush();
                return UserErrors.FAILED;
            }
            return 0;
        }
    }

    /** The options given on this command line that a resumed run must already have. */
    private FixedOptions fixedOptions(TokenLevel level) {
        CommandLine.ParseResult given = spec.commandLine().getParseResult();
        java.util.function.Predicate<String> has = given::hasMatchedOption;
        String tokenLevel = has.test("--level") || has.test("--lowercase") ? level.id() : null;
        return new FixedOptions(tokenLevel, has.test("--cell") ? cell : null, has.test("--layers") ? layers : null,
                has.test("--hidden") ? hidden : null, has.test("--embedding") ? embedding : null,
                has.test("--dense") ? dense : null, has.test("--dropout") ? dropout : null,
                has.test("--l2") ? l2 : null, has.test("--lr") ? run.learningRate : null, has.test("--clip") ? clip : null,
                has.test("--batch") ? run.batch : null, has.test("--tbptt") ? run.tbptt : null,
                has.test("--seed") ? run.seed : null, has.test("--val-fraction") ? run.valFraction : null,
                has.test("--corpus") ? CorpusLibrary.standard().resolve(corpus) : null,
                has.test("--lr-schedule") ? lrSchedule : null);
    }

    private TrainOptions options() {
        TokenLevel level = run.check(spec.commandLine(), lowercase);
        Double minutes = run.minutes;
        if (!(evalEvery >= 0 && evalEvery <= 86_400)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--eval-every must be 0 (automatic) or "
                    + "seconds up to a day (86400)");
        }
        if (!(checkpointEvery >= 0 && checkpointEvery <= 1440)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--checkpoint-every must be 0 (at evaluation "
                    + "points only) or minutes up to a day (1440)");
        }
        if (maxSteps < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-steps must be 0 or positive");
        }
        boolean wordLevel = level.words();
        double evaluationSeconds = evalEvery;
        if (wordLevel && evalEvery == 0 && minutes != null) {
            // a word validation pass costs tens of seconds: fewer evaluation points
            evaluationSeconds = Math.max(10, Math.min(300, minutes * 60 / 5));
        }
        if (corpus == null && !resume) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --corpus PATH|NAME (or --resume with --out)");
        }
        if (out == null) {
            if (corpus == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--resume needs --out models/NAME");
            }
            out = Path.of("models", defaultName());
        }
        if (!TrainOptions.namesARun(out)) {
            throw new CommandLine.ParameterException(spec.commandLine(), TrainOptions.noRun(out));
        }
        CellType cellType;
        try {
            cellType = CellType.parse(cell);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--cell: " + e.getMessage());
        }
        if (maxVocab < 2 || minCount < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-vocab must be at least 2 and --min-count at least 1");
        }
        int inputSize = embedding != null ? embedding : level.defaultEmbedding();
        NetworkSpec network = new NetworkSpec(level, cellType, layers, hidden, inputSize, dense, dropout, l2, clip,
                run.learningRate(cellType == CellType.RNN), run.tbptt(level), run.seed, 2);
        if (!network.problems().isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), String.join("; ", network.problems()));
        }
        if (!"carry".equals(state) && !"reset".equals(state)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--state must be carry or reset");
        }
        LearningRateSchedule.Kind schedule;
        try {
            schedule = LearningRateSchedule.Kind.parse(lrSchedule);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        int epochBudget = run.epochs != null ? run.epochs : (minutes == null ? 10 : 0);
        return new TrainOptions(corpus, network, run.batch(level), run.valFraction, epochBudget,
                minutes == null ? 0 : minutes, evaluationSeconds, out, resume, force, maxSteps, "carry".equals(state), wordLevel ? maxVocab : 0,
                wordLevel ? minCount : 1, resume ? fixedOptions(level) : FixedOptions.none(), schedule,
                checkpointEvery * 60);
    }

    private String defaultName() {
        Path path = Path.of(corpus).getFileName();
        String name = path == null ? "model" : path.toString();
        return name.toLowerCase(Locale.ROOT).endsWith(".txt") ? name.substring(0, name.length() - 4) : name;
    }
}
