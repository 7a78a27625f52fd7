package pena.compare;

import pena.files.AtomicFile;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import pena.corpus.CorpusLibrary;
import pena.generate.Sampler;
import pena.generate.SamplingOptions;
import pena.inspect.MemoryProbe;
import pena.inspect.MemoryProfile;
import pena.model.ModelFile;
import pena.model.PenaModel;
import pena.nn.CellType;
import pena.nn.NetworkFactory;
import pena.nn.NetworkSpec;
import pena.train.TrainOptions;
import pena.train.Trainer;
import pena.train.TrainingCorpus;
import pena.train.TrainingData;
import pena.train.Validation;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs an experiment: every cell at every depth and seed, one run after the other (so no run
 * steals another's cores), each on the same corpus split, the same batches in the same order
 * and the same budget. A run's files live in {@code REPORT/runs/}: its best model
 * ({@code NAME.zip}), checkpoint ({@code NAME.ckpt.zip}) and, once finished, its result
 * ({@code NAME.json}). Started again after an interruption, finished runs are read back, a
 * started one resumes from its checkpoint.
 */
public final class Experiment {
    static final long SAMPLE_SEED = 1;
    /** Tokens back the memory profile of each run reaches, and predictions it averages over. */
    static final int MEMORY_WINDOW = MemoryProbe.DEFAULT_WINDOW;
    static final int MEMORY_POSITIONS = 256;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final CompareOptions options;
    private final Validation validation;
    private final PrintWriter out;
    private final boolean terminal;
    private volatile Trainer current;
    private TrainingData data;
    private volatile boolean stopRequested;

    public Experiment(CompareOptions options, Validation validation, PrintWriter out, boolean terminal) {
        this.options = options;
        this.validation = validation;
        this.out = out;
        this.terminal = terminal;
    }

    /** Stops the run in progress at its next window (it checkpoints) and starts no other. */
    public void requestStop() {
        stopRequested = true;
        Trainer trainer = current;
        if (trainer != null) {
            trainer.requestStop();
        }
    }

    /** The runs, in order: for each depth, each cell, each seed. Reads the corpus to size the vocabulary. */
    public List<RunPlan> plan() {
        boolean words = options.level().words();
        // the runs read the corpus the same way (a prepared folder, the cache, or memory)
        data = new TrainingCorpus(out, terminal).load(CorpusLibrary.standard().resolve(options.corpus()),
                options.level().id(), words ? TrainOptions.DEFAULT_WORD_VOCABULARY : Integer.MAX_VALUE, 1,
                options.valFraction(), options.batch(), options.tbptt());
        int vocabulary = data.vocabulary().size();
        List<RunPlan> plans = new ArrayList<>();
        for (int layers : options.layers()) {
            NetworkSpec reference = spec(options.reference(), layers, options.hidden(), options.baseSeed(), vocabulary);
            for (CellType cell : options.cells()) {
                int hidden = options.match() == CompareOptions.Match.PARAMS && cell != options.reference()
                        ? ParameterMatch.matchedHidden(reference, cell) : options.hidden();
                for (int s = 0; s < options.seeds(); s++) {
                    plans.add(RunPlan.of(spec(cell, layers, hidden, options.baseSeed() + s, vocabulary)));
                }
            }
        }
        return plans;
    }

    /** Runs (or reads back) every planned run; stops early, returning what is finished, if asked to. */
    public List<RunResult> run(List<RunPlan> plans) {
        List<RunResult> results = new ArrayList<>();
        for (int i = 0; i < plans.size() && !stopRequested; i++) {
            RunPlan plan = plans.get(i);
            Path resultFile = resultFile(plan);
            if (Files.exists(resultFile)) {
                out.printf(Locale.ROOT, "[%d/%d] %s: finished earlier, read from %s%n", i + 1, plans.size(),
                        plan.name(), resultFile);
                RunResult earlier = read(resultFile);
                Path model = runs().resolve(plan.name() + ".zip");
                if (earlier.memory() == null && Files.exists(model)) { // a result from before memory was measured
                    earlier = earlier.withMemory(memory(ModelFile.load(model, false)));
                    write(earlier, resultFile);
                }
                results.add(earlier);
                continue;
            }
            out.printf(Locale.ROOT, "[%d/%d] %s (%s)%n", i + 1, plans.size(), plan.name(), options.budget());
            out.flush();
            RunResult result = train(plan);
            if (result == null) {
                break;
            }
            write(result, resultFile);
            results.add(result);
        }
        return results;
    }

    /** The report's setup lines: corpus, sizes, budget, machine; call after {@link #plan()}. */
    public List<String> setup(List<RunPlan> plans, String version) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "corpus: %s, %,d training %s, vocabulary %d, last %.0f%% of each "
                        + "document held out for validation", options.corpus(), data.trainingTokens(),
                options.level().words() ? "tokens" : "characters", data.vocabulary().size(),
                100 * options.valFraction()));
        lines.add(String.format(Locale.ROOT, "budget: %s per run (validation time not counted); runs one after "
                + "the other", options.budget()));
        lines.add(String.format(Locale.ROOT, "every run: the same split and the same %d streams x %d-token windows "
                        + "in the same order, Adam lr %s, gradient clip 5, state carried across windows, %s input",
                options.batch(), options.tbptt(), options.learningRate(),
                options.embedding() > 0 ? "embedding " + options.embedding() : "one-hot"));
        for (int layers : options.layers()) {
            List<RunPlan> depth = plans.stream().filter(p -> p.spec().layers() == layers).toList();
            RunPlan ref = depth.stream().filter(p -> p.spec().cell() == options.reference()).findFirst().orElseThrow();
            long refParams = NetworkFactory.parameterCount(ref.spec());
            StringBuilder sizes = new StringBuilder(String.format(Locale.ROOT, "%d layers: %s %d units, %,d "
                    + "parameters", layers, ref.spec().cell().id(), ref.spec().hidden(), refParams));
            depth.stream().filter(p -> p.spec().cell() != options.reference()).filter(p -> p.spec().seed() == options.baseSeed())
                    .map(RunPlan::spec).forEach(spec -> {
                        long n = NetworkFactory.parameterCount(spec);
                        sizes.append(String.format(Locale.ROOT, "; %s %d units, %,d parameters (%+.1f%%)",
                                spec.cell().id(), spec.hidden(), n, 100.0 * (n - refParams) / refParams));
                    });
            sizes.append(options.match() == CompareOptions.Match.PARAMS ? " (--match params)" : " (--match hidden)");
            lines.add(sizes.toString());
        }
        lines.add("seeds: " + options.seeds() + " (weight seeds " + options.baseSeed() + " to "
                + (options.baseSeed() + options.seeds() - 1) + "); mean ± standard deviation over seeds");
        lines.add("validation BPC and perplexity: the whole validation split, state carried, at each validation point");
        lines.add(String.format(Locale.ROOT, "machine: %d cores, Java %s, %s; Pena %s", Runtime.getRuntime()
                .availableProcessors(), System.getProperty("java.version"), System.getProperty("os.name"), version));
        return lines;
    }

    public boolean stopped() {
        return stopRequested;
    }

    private RunResult train(RunPlan plan) {
        Path stem = runs().resolve(plan.name());
        TrainOptions trainOptions = new TrainOptions(options.corpus(), plan.spec(), options.batch(),
                options.valFraction(), options.epochs(), options.minutes(), options.evaluationInterval(), stem,
                false, true, 0, true);
        boolean resume = Files.exists(trainOptions.checkpoint());
        if (resume) {
            trainOptions = new TrainOptions(options.corpus(), plan.spec(), options.batch(), options.valFraction(),
                    options.epochs(), options.minutes(), options.evaluationInterval(), stem, true, false, 0, true);
        }
        Trainer trainer = new Trainer(trainOptions, validation, out, terminal);
        WindowDigest digest = new WindowDigest();
        trainer.observeWindows(digest);
        current = trainer;
        if (stopRequested) {
            return null;
        }
        Trainer.Outcome outcome = trainer.run();
        current = null;
        if (outcome.failure() != null) {
            throw new CompareException(plan.name() + ": " + outcome.failure());
        }
        if (outcome.interrupted()) {
            return null;
        }
        PenaModel best = ModelFile.load(trainOptions.bestModel(), false);
        String sample = new Sampler(best).generate(options.prime(), options.sampleLength(),
                new SamplingOptions(0.8, 0, 1.0, SAMPLE_SEED), text -> { });
        MemoryProfile memory = memory(best);
        NetworkSpec spec = plan.spec();
        // a resumed run's digest covers this session's windows only; say so rather than pretend
        String dataDigest = resume ? "resumed:" + digest.hex() : digest.hex();
        return new RunResult(plan.name(), spec.cell().id(), spec.layers(), spec.hidden(), spec.seed(),
                outcome.parameters(), outcome.charsPerSecond(), outcome.history(), digest.windows(), dataDigest,
                sample, memory);
    }

    /** The memory profile of a run's best model over the validation text (see {@link MemoryProbe}). */
    private MemoryProfile memory(PenaModel model) {
        long start = System.nanoTime();
        MemoryProfile profile = new MemoryProbe(model).validationProfile(MEMORY_WINDOW, MEMORY_POSITIONS);
        out.printf(Locale.ROOT, "   memory: %.1f%% of the influence lies beyond 20 %s (%d predictions, %.0f s)%n",
                100 * profile.shareBeyond(20), options.level().words() ? "tokens" : "characters", profile.positions(),
                (System.nanoTime() - start) / 1e9);
        out.flush();
        return profile;
    }

    Path runs() {
        return options.report().resolve("runs");
    }

    Path resultFile(RunPlan plan) {
        return runs().resolve(plan.name() + ".json");
    }

    private NetworkSpec spec(CellType cell, int layers, int hidden, long seed, int vocabulary) {
        return new NetworkSpec(options.level(), cell, layers, hidden, options.embedding(), 0, 0, 0, 5,
                options.learningRate(), options.tbptt(), seed, vocabulary);
    }

    static RunResult read(Path file) {
        try {
            return JSON.readValue(file.toFile(), RunResult.class);
        } catch (IOException e) {
            throw new CompareException(file + " is not a readable run result (" + e.getMessage()
                    + "); delete it to redo that run");
        }
    }

    /** Written to a temporary file and renamed: a result file is whole or absent. */
    static void write(RunResult result, Path file) {
        try {
            AtomicFile.write(file, temp -> JSON.writeValue(temp.toFile(), result));
        } catch (IOException e) {
            throw new CompareException("cannot write " + file + " (" + e.getMessage() + "); check the --report folder");
        }
    }
}
