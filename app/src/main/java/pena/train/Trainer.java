package pena.train;

import pena.corpus.CorpusLibrary;
import pena.data.PreparationSettings;
import pena.data.ValidationSplit;
import pena.data.Window;
import pena.data.WindowArrays;
import pena.model.HistoryPoint;
import pena.model.ModelFile;
import pena.model.PenaModel;
import pena.model.TrainingState;
import pena.nn.NetworkFactory;
import pena.nn.NetworkSpec;
import pena.layers.StatefulNetwork;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Trains a model. Reads top to bottom: set up (fresh or resumed), then windows in order until
 * the budget is spent or the user stops it, with evaluation points along the way, then a last
 * evaluation. See {@link pena.layers.StatefulNetwork} for how the state crosses windows.
 */
public final class Trainer {
    private final TrainOptions options;
    private final Validation validation;
    private final PrintWriter out;
    private final Progress progress;
    private final TrainingCorpus corpora;
    private volatile boolean stopRequested;
    private Consumer<Window> windowObserver = w -> { };
    private java.util.function.DoubleConsumer rateObserver = r -> { };
    private TrainingListener listener = new TrainingListener() { };

    // the run as it goes
    private PenaModel model;
    private TrainingData data;
    private ValidationSplit scored;            // the part of data's validation split that is scored
    private int epoch;
    private int window;
    private long tokensSeen;
    private double previousSeconds;
    private double bestBpc = Double.NaN;
    private Validation.Score bestScore;        // the best model's score, once known in this session
    private boolean bestFileIsThisRuns;        // OUT.zip exists and was written by this run
    private final List<HistoryPoint> history = new ArrayList<>();
    private LearningRateSchedule schedule;
    private double lastCheckpoint;             // training seconds at the last checkpoint written

    public Trainer(TrainOptions options, Validation validation, PrintWriter out, boolean terminal) {
        this.options = options;
        this.validation = validation;
        this.out = out;
        this.progress = new Progress(out, terminal);
        this.corpora = new TrainingCorpus(out, terminal);
    }

    /**
     * What a finished run leaves.
     *
     * @param best     the best model's score (null only when a run diverged before its first evaluation)
     * @param spec     the network trained (a resumed run's comes from its checkpoint)
     * @param history  every evaluation point of the run, earlier sessions' included
     * @param failure  why the run ended early with an error (divergence), else null; the files
     *                 are as they were at the last evaluation point
     */
    public record Outcome(Validation.Score best, NetworkSpec spec, double charsPerSecond, long parameters,
                          boolean interrupted, List<HistoryPoint> history, String failure) {
    }

    /** Shows every window to {@code observer} just before it is fitted (experiments check what runs saw). */
    public void observeWindows(Consumer<Window> observer) {
        this.windowObserver = observer;
    }

    /** Shows the learning rate of every window to {@code observer} just before the window is fitted. */
    public void observeLearningRates(java.util.function.DoubleConsumer observer) {
        this.rateObserver = observer;
    }

    /** Tells {@code listener} what the run does as it goes (the page's live training tab). */
    public void listen(TrainingListener listener) {
        this.listener = listener;
    }

    /** Asks the loop to stop after the current window (Ctrl-C); the run then checkpoints. */
    public void requestStop() {
        stopRequested = true;
    }

    /** Runs holding the lock of its output, so that no other run writes the same files meanwhile. */
    private long began; // System.nanoTime() when run() was called

    public Outcome run() {
        began = System.nanoTime();
        try (RunLock lock = RunLock.take(options.lockFile(), "the run " + options.out(), "--out")) {
            // a save killed mid-write (kill -9, power cut) leaves its temporary files: ours to remove
            ModelFile.removeLeftovers(options.bestModel());
            ModelFile.removeLeftovers(options.checkpoint());
            return runLocked();
        }
    }

    /** Vocabulary size from which the scalar softmax is worth a note (a word model's: a fifth of its time). */
    private static final int SCALAR_SOFTMAX_NOTE = 1000;

    private Outcome runLocked() {
        if (options.resume()) {
            resume();
        } else {
            start();
        }
        StatefulNetwork network = model.network();
        out.printf(Locale.ROOT, "%s: %,d training tokens, %d streams x %d windows of %d, %,d parameters%n",
                data.corpusName(), data.trainingTokens(), data.streams().batch(), data.streams().windowsPerStream(),
                data.streams().windowLength(), network.numParams());
        scored = validation.scored(data.validation()); // once per run: every evaluation point scores this part
        if (scored.predictedTokens() < data.validation().predictedTokens()) {
            out.printf(Locale.ROOT, "validation: the first %,d of %,d held-out tokens are scored (--val-tokens; 0 "
                    + "scores all)%n", scored.predictedTokens(), data.validation().predictedTokens());
        }
        out.printf(Locale.ROOT, "vocabulary %,d (<unk> %.2f%% of training tokens), validation out-of-vocabulary "
                        + "rate %.2f%%%n", data.vocabulary().size(),
                100.0 * data.vocabulary().count(0) / Math.max(1, data.trainingTokens()),
                100 * scored.unknownRate());
        if (!NetworkFactory.vectorExponentials() && data.vocabulary().size() >= SCALAR_SOFTMAX_NOTE) {
            out.printf(Locale.ROOT, "note: the JDK's vector module is not loaded, so the %,d-way softmax computes one "
                    + "exponential at a time; java --add-modules jdk.incubator.vector -jar target/pena.jar trains "
                    + "faster (make does)%n", data.vocabulary().size());
        }
        out.flush();
        listener.started(model, data.corpusName(), data.trainingTokens());

        schedule = new LearningRateSchedule(LearningRateSchedule.Kind.parse(model.training().schedule()),
                model.spec().learningRate());
        if (schedule.kind() != LearningRateSchedule.Kind.CONSTANT) {
            out.printf(Locale.ROOT, "learning rate: %s schedule, warm-up to %.2g, down to %.2g at the end of the budget%n",
                    schedule.kind().id(), schedule.peak(), schedule.at(1));
        }
        double interval = options.evaluationInterval();
        long sessionStart = System.nanoTime();
        double sessionTrainingSeconds = 0;
        double lossSum = 0;
        long lossTokens = 0;
        long sessionTokens = 0;
        long steps = 0;
        double nextEvaluation = previousSeconds + interval;
        boolean budgetSpent = budgetSpent(previousSeconds);
        if (budgetSpent && options.resume()) {
            out.printf(Locale.ROOT, "the run's budget is already spent (%.0f s trained, epoch %d); nothing to train: "
                    + "give a larger --minutes or --epochs to continue it%n", previousSeconds, epoch + 1);
        }
        String failure = null;

        while (!budgetSpent && !stopRequested) {
            if (window == 0) {
                network.clearState(); // a new epoch starts every stream from a zero state
            }
            Iterator<Window> windows = data.streams().from(window);
            while (windows.hasNext() && !stopRequested) {
                try {
                    listener.beforeWindow();
                } catch (InterruptedException e) {
                    // an interrupt asks the run to stop like Ctrl-C; the flag is not set again, as
                    // the checkpoint's file channel would close on an interrupted thread
                    stopRequested = true;
                    break;
                }
                long t0 = System.nanoTime();
                Window w = windows.next();
                windowObserver.accept(w);
                double share = budgetShare(previousSeconds + sessionTrainingSeconds);
                double rate = Double.isNaN(share) ? schedule.peak() : schedule.at(share);
                network.learningRate(rate);
                rateObserver.accept(rate);
                if (options.carryState()) {
                    network.resetStreams(w.resetState());
                } else {
                    network.clearState();
                }
                network.fit(WindowArrays.inputs(w, model.spec().vocabularySize(), model.spec().embedding() > 0),
                        WindowArrays.targetIndices(w), null, WindowArrays.targetMask(w));
                double loss = windowLoss(network, w);
                sessionTrainingSeconds += (System.nanoTime() - t0) / 1e9;
                if (steps == 0) {
                    progress.breakLine();
                    double sinceStart = ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
                    double sinceRun = (System.nanoTime() - began) / 1e9;
                    // one run per program: the same figure; compare runs several in one program
                    out.printf(Locale.ROOT, sinceStart - sinceRun > 1
                            ? "first window trained %.1f s after the run began%n"
                            : "first window trained %.1f s after start%n", sinceStart - sinceRun > 1 ? sinceRun : sinceStart);
                    out.flush();
                }
                if (!Double.isFinite(loss)) {
                    progress.breakLine();
                    failure = "training diverged at epoch " + (epoch + 1) + ", window " + window + " (loss " + loss
                            + "); " + (bestFileIsThisRuns ? "the best model so far is kept in " + options.bestModel()
                            + " and the checkpoint of its last evaluation in " + options.checkpoint() + "; "
                            : "nothing was saved; ") + "try a lower --lr or a smaller --clip";
                    break;
                }
                lossSum += loss * w.tokens();
                lossTokens += w.tokens();
                sessionTokens += w.tokens();
                tokensSeen += w.tokens();
                window++;
                steps++;
                double seconds = previousSeconds + sessionTrainingSeconds;
                double speed = sessionTokens / sessionTrainingSeconds;
                double epochFraction = (double) window / data.streams().windowsPerStream();
                double etaSeconds = eta(seconds, speed);
                progress.update(epoch, epochFraction, speed, model.spec().level().unit() + "/s", lossSum / lossTokens,
                        rate, etaSeconds);
                listener.progressed(new TrainingProgress(seconds, epoch, epochFraction, speed, lossSum / lossTokens,
                        loss, rate, etaSeconds, budgetShare(seconds)));
                budgetSpent = budgetSpent(seconds) || (options.maxSteps() > 0 && steps >= options.maxSteps());
                if (budgetSpent) {
                    break;
                }
                if (seconds >= nextEvaluation) {
                    evaluate(seconds, lossSum / lossTokens, speed);
                    lossSum = 0;
                    lossTokens = 0;
                    nextEvaluation = seconds + interval;
                } else if (options.checkpointEverySeconds() > 0
                        && seconds - lastCheckpoint >= options.checkpointEverySeconds()) {
                    progress.breakLine();
                    checkpoint(seconds, speed);
                }
            }
            if (failure != null) {
                break;
            }
            if (!windows.hasNext()) {
                epoch++;
                window = 0;
                budgetSpent |= options.epochs() > 0 && epoch >= options.epochs();
            }
        }
        double seconds = previousSeconds + sessionTrainingSeconds;
        double speed = sessionTrainingSeconds > 0 ? sessionTokens / sessionTrainingSeconds : 0;
        if (failure != null) {
            return new Outcome(bestScore != null ? bestScore : savedBest(), model.spec(), speed, network.numParams(),
                    stopRequested, List.copyOf(history), failure);
        }
        // A last evaluation point for what was trained since the previous one. None when nothing
        // was (a spent budget, an immediate stop): the checkpoint already says where the run is.
        if (lossTokens > 0 || history.isEmpty()) {
            evaluate(seconds, lossTokens > 0 ? lossSum / lossTokens : Double.NaN, speed);
        }
        if (stopRequested) {
            out.println("stopped: checkpoint " + options.checkpoint() + "; continue with the same command and --resume");
        }
        out.printf(Locale.ROOT, "trained %.0f s in this session (%.0f s wall), best model: %s%n",
                sessionTrainingSeconds, (System.nanoTime() - sessionStart) / 1e9, options.bestModel());
        out.flush();
        Validation.Score best = bestScore != null ? bestScore : savedBest();
        return new Outcome(best, model.spec(), speed > 0 ? speed : model.training().charsPerSecond(),
                network.numParams(), stopRequested, List.copyOf(history), null);
    }

    /**
     * The best model's score when this session found none better: from the checkpoint, or (files
     * written before the checkpoint kept it) by scoring the best model file once.
     */
    private Validation.Score savedBest() {
        String line = model.training().bestResult();
        if (line != null) {
            HistoryPoint point = history.stream().filter(p -> p.validationBpc() == bestBpc).findFirst().orElse(null);
            return new Validation.Score(bestBpc, point == null ? Double.NaN : point.validationPerplexity(), line);
        }
        if (Files.exists(options.bestModel())) {
            return validation.score(ModelFile.load(options.bestModel(), false), scored);
        }
        return null;
    }

    private void start() {
        if (!options.force() && (Files.exists(options.bestModel()) || Files.exists(options.checkpoint()))) {
            throw new TrainingException(options.bestModel() + " already exists: add --resume to continue that run, "
                    + "or --force to start over (its files are replaced)");
        }
        NetworkSpec requested = options.spec();
        Path corpusPath = CorpusLibrary.standard().resolve(options.corpus());
        data = corpora.load(corpusPath, new PreparationSettings(requested.level().id(), options.vocabularyLimit(),
                options.minCount(), options.valFraction()), null, options.batch(), requested.tbptt());
        NetworkSpec spec = requested.withVocabularySize(data.vocabulary().size());
        StatefulNetwork network = new StatefulNetwork(NetworkFactory.configuration(spec));
        network.init();
        if (spec.level().words()) {
            UnigramBias.apply(network, data.vocabulary().counts());
        }
        TrainingState state = TrainingState.start(corpusPath.toAbsolutePath().normalize().toString(),
                options.valFraction(), data.streams().batch(), options.schedule().id());
        model = new PenaModel(network, spec, data.vocabulary(), state, data.validationTexts());
        out.println("training " + spec.describe());
    }

    private void resume() {
        if (!Files.exists(options.checkpoint())) {
            throw new TrainingException("no checkpoint " + options.checkpoint() + " to resume; run without --resume "
                    + "to start this run");
        }
        PenaModel saved = ModelFile.load(options.checkpoint(), true);
        TrainingState state = saved.training();
        List<String> conflicts = options.fixed().conflicts(saved.spec(), state);
        if (!conflicts.isEmpty()) {
            throw new TrainingException("--resume continues the run in " + options.checkpoint() + " as it was built; "
                    + "these options cannot change: " + String.join(", ", conflicts) + ". Leave them out, or start "
                    + "a new run with another --out");
        }
        data = corpora.load(CorpusLibrary.standard().resolve(state.corpus()), new PreparationSettings(
                saved.tokenizer().level(), resumedLimit(saved), 1, state.valFraction()), saved.vocabulary(), state.batch(),
                saved.spec().tbptt());
        model = saved;
        epoch = state.epoch();
        window = Math.min(state.window(), data.streams().windowsPerStream());
        tokensSeen = state.tokensSeen();
        previousSeconds = state.seconds();
        bestBpc = state.bestValidationBpc();
        bestFileIsThisRuns = !Double.isNaN(bestBpc) && Files.exists(options.bestModel());
        lastCheckpoint = previousSeconds;
        history.addAll(state.history());
        out.printf(Locale.ROOT, "resuming %s at epoch %d, window %d, %.0f s trained (architecture from the checkpoint: %s)%n",
                options.checkpoint(), epoch + 1, window, previousSeconds, saved.spec().describe());
    }

    /**
     * The vocabulary limit a resumed run's corpus is read with. The checkpoint's vocabulary decides
     * the ids; the limit names the cache, and a word vocabulary's own size as its limit builds
     * the same vocabulary again (the default limit, 10 000, when it was the one that bound).
     */
    private static int resumedLimit(PenaModel saved) {
        return saved.spec().level().words() ? saved.vocabulary().size() : Integer.MAX_VALUE;
    }

    /** An evaluation point: score, sample, history, checkpoint, and the best model if it improved. */
    private void evaluate(double seconds, double trainLoss, double speed) {
        progress.breakLine();
        Validation.Score score = validation.score(model, scored);
        history.add(new HistoryPoint(seconds, tokensSeen, epoch, trainLoss, score.bitsPerCharacter(), score.perplexity()));
        boolean best = Double.isNaN(bestBpc) || score.bitsPerCharacter() < bestBpc;
        if (best) {
            bestBpc = score.bitsPerCharacter();
            bestScore = score;
        }
        out.printf(Locale.ROOT, "── %s trained · epoch %d · %,d tokens · train loss %.3f · val bpc %.4f · ppl %.3f%s%n",
                Progress.clock(seconds), epoch + 1, tokensSeen, trainLoss, score.bitsPerCharacter(),
                score.perplexity(), best ? " · best so far" : "");
        String preview = validation.preview(model);
        if (!preview.isEmpty()) {
            out.println("   " + preview.replace("\n", "\n   "));
        }
        out.flush();
        String bestLine = best ? score.resultLine() : model.training().bestResult();
        model = model.withTraining(state(seconds, speed, bestLine));
        // the best model first: a checkpoint never describes a best model that is not on disk
        if (best) {
            ModelFile.save(model, options.bestModel(), false);
            bestFileIsThisRuns = true;
        }
        ModelFile.save(model, options.checkpoint(), true);
        lastCheckpoint = seconds;
        // after the files: a watcher told of a best point finds it in the best model's file
        listener.evaluated(history.get(history.size() - 1), best, preview);
    }

    /**
     * A checkpoint between evaluation points (--checkpoint-every): where the run stands now, its
     * best model and history as the last evaluation point left them.
     */
    private void checkpoint(double seconds, double speed) {
        // before the first evaluation point bestBpc is NaN: the checkpoint names no best model
        model = model.withTraining(state(seconds, speed, model.training().bestResult()));
        ModelFile.save(model, options.checkpoint(), true);
        lastCheckpoint = seconds;
        out.printf(Locale.ROOT, "   checkpoint at %s trained: %s%n", Progress.clock(seconds), options.checkpoint());
        out.flush();
    }

    private TrainingState state(double seconds, double speed, String bestLine) {
        return new TrainingState(model.training().corpus(), model.training().valFraction(), model.training().batch(),
                epoch, window, tokensSeen, seconds, bestBpc, history, speed, bestLine, model.training().lrSchedule());
    }

    /** Mean cross-entropy in nats per token of the window just fitted. */
    private static double windowLoss(StatefulNetwork network, Window w) {
        // score() is the loss summed over time steps and divided by the batch size, plus L2
        double crossEntropy = network.score() - network.calcRegularizationScore(true);
        return crossEntropy * w.batch() / Math.max(1, w.tokens());
    }

    /**
     * How much of the budget is spent: seconds of {@code --minutes}, or windows of
     * {@code --epochs}; NaN when there is none (a run bounded by steps only, which trains at the peak rate).
     */
    private double budgetShare(double seconds) {
        if (options.minutes() > 0) {
            return seconds / (options.minutes() * 60);
        }
        if (options.epochs() > 0) {
            long windows = (long) options.epochs() * data.streams().windowsPerStream();
            return (double) ((long) epoch * data.streams().windowsPerStream() + window) / windows;
        }
        return Double.NaN;
    }

    private boolean budgetSpent(double seconds) {
        if (options.minutes() > 0) {
            return seconds >= options.minutes() * 60;
        }
        return options.epochs() > 0 && epoch >= options.epochs();
    }

    private double eta(double seconds, double tokensPerSecond) {
        if (options.minutes() > 0) {
            return options.minutes() * 60 - seconds;
        }
        long windowsLeft = (long) (options.epochs() - epoch) * data.streams().windowsPerStream() - window;
        double tokensPerWindow = (double) data.streams().batch() * data.streams().windowLength();
        return windowsLeft * tokensPerWindow / tokensPerSecond;
    }
}
