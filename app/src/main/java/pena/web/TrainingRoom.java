package pena.web;

import pena.corpus.CorpusException;
import pena.corpus.CorpusLibrary;
import pena.corpus.TextDecoder;
import pena.files.AtomicFile;
import pena.model.ModelFile;
import pena.model.ModelFileException;
import pena.model.PenaModel;
import pena.nn.CellType;
import pena.nn.NetworkSpec;
import pena.nn.TokenLevel;
import pena.train.FixedOptions;
import pena.train.LearningRateSchedule;
import pena.train.TrainOptions;
import pena.train.Trainer;
import pena.train.TrainingException;
import pena.train.TrainingListener;
import pena.train.TrainingProgress;
import pena.train.Validation;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Where the page's training runs happen: one at a time, Pena's own {@link Trainer} on a thread
 * of the server, its files in the models folder like any {@code pena train} run's, its best
 * model served once it ends.
 *
 * <p>How the cores are shared: before each window the run waits while any page request holds a
 * work slot (at most {@link #YIELD_SECONDS} per window, so a class that never stops asking
 * still sees it learn). A request that arrives mid-window shares the cores with that one window
 * (tens of milliseconds for the sizes the page allows); the wait is not counted as training time.
 */
public final class TrainingRoom implements AutoCloseable {
    /** Longest a window waits for the page's requests to finish. */
    static final double YIELD_SECONDS = 1;
    /** Streams and window of the page's runs: {@code pena train}'s character defaults. */
    static final int BATCH = 32;
    static final int TBPTT = 64;
    static final long SEED = 42;

    private final TrainingLimits limits;
    private final Validation validation;
    private final CorpusLibrary library;
    private final Path modelsFolder;
    private final PrintWriter log;
    private Slots slots = maxNanos -> { };
    private BiFunction<String, PenaModel, String> serve = (name, model) -> null;
    private LiveRun current;
    private Trainer trainer;
    private Thread thread;
    private int runs;

    /** Waits until the page's requests leave the cores free, at most {@code maxNanos}. */
    interface Slots {
        void awaitIdle(long maxNanos) throws InterruptedException;
    }

    /**
     * @param validation   how evaluation points score and sample (pena serve gives train's)
     * @param library      the corpora the page may choose, and where uploads are kept
     * @param modelsFolder where runs write NAME.zip and NAME.ckpt.zip
     * @param log          the server's log: the trainer's own lines go there
     */
    public TrainingRoom(TrainingLimits limits, Validation validation, CorpusLibrary library, Path modelsFolder,
                        PrintWriter log) {
        this.limits = limits;
        this.validation = validation;
        this.library = library;
        this.modelsFolder = modelsFolder;
        this.log = log;
    }

    /** Called once by the server: its work slots, and how a finished model joins the served ones (its id back). */
    synchronized void connect(Slots slots, BiFunction<String, PenaModel, String> serve) {
        this.slots = slots;
        this.serve = serve;
    }

    TrainingLimits limits() {
        return limits;
    }

    /** The run in progress or the last one, as the page shows it; null before the first. */
    synchronized Map<String, Object> view() {
        return current == null ? null : current.view();
    }

    /** The corpora a run may read: the library's (the bundled sample first), with sizes. */
    List<Map<String, Object>> corpora() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Path path : library.localCorpora()) {
            long bytes = CorpusLibrary.size(path);
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", library.root().relativize(path).toString().replace('\\', '/'));
            c.put("bytes", bytes);
            c.put("tooLarge", bytes > limits.maxCorpusBytes());
            list.add(c);
        }
        list.sort((a, b) -> Boolean.compare(!"amostra".equals(a.get("name")), !"amostra".equals(b.get("name"))));
        return list;
    }

    /**
     * Keeps an uploaded text in the library (as {@code NAME.txt}, beside the sample) once it reads
     * as {@code pena train} reads a corpus: strict UTF-8, not binary, not empty.
     *
     * @return the corpus name to start a run with
     */
    Map<String, Object> upload(String fileName, byte[] bytes) {
        String base = uploadName(fileName);
        if (bytes.length > limits.maxCorpusBytes()) {
            throw new WebException(fileName + ": " + bytes.length + " bytes; the page takes texts up to "
                    + limits.maxCorpusBytes() + " bytes (pena serve --max-corpus-mb)");
        }
        String text;
        try {
            text = TextDecoder.decode(fileName, bytes);
        } catch (CorpusException e) {
            throw new WebException(e.getMessage());
        }
        if (text.isBlank()) {
            throw new WebException(fileName + ": no text in it; give a UTF-8 text file with the corpus to learn");
        }
        try {
            Path target = null;
            for (int i = 1; target == null; i++) {
                Path candidate = library.root().resolve(base + (i == 1 ? "" : "-" + i) + ".txt");
                if (!Files.exists(candidate) || java.util.Arrays.equals(Files.readAllBytes(candidate), bytes)) {
                    target = candidate;
                }
            }
            if (!Files.exists(target)) {
                AtomicFile.write(target, temp -> Files.write(temp, bytes));
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("name", target.getFileName().toString());
            answer.put("bytes", bytes.length);
            answer.put("characters", text.codePointCount(0, text.length()));
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file name's stem as a corpus name: lowercase letters, digits and '-'. */
    static String uploadName(String fileName) {
        String stem = fileName == null ? "" : fileName.replaceFirst("(?i)\\.txt$", "");
        String name = java.text.Normalizer.normalize(stem, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (name.length() > 50) {
            name = name.substring(0, 50);
        }
        return name.isEmpty() ? "texto" : name;
    }

    /**
     * Starts {@code request} on the room's thread.
     *
     * @throws Occupied while another run trains
     * @throws WebException for a corpus the library lacks or that is too large, or a name in use
     */
    synchronized Map<String, Object> start(TrainingRequest request, String from) {
        if (current != null && !current.over()) {
            throw new Occupied("a run is already training (" + current.who() + "); wait for it to end, or stop it "
                    + "in the Treinar tab");
        }
        Path corpus = corpusPath(request.corpus());
        long bytes = CorpusLibrary.size(corpus);
        if (bytes > limits.maxCorpusBytes()) {
            throw new WebException("corpus " + request.corpus() + ": " + bytes + " bytes; the page trains on corpora "
                    + "up to " + limits.maxCorpusBytes() + " bytes (pena serve --max-corpus-mb), or use pena train");
        }
        Path out = modelsFolder.resolve(request.name());
        TrainOptions options = options(request, corpus, out);
        if (Files.exists(options.bestModel()) || Files.exists(options.checkpoint())) {
            throw new WebException("a model named " + request.name() + " is already in " + modelsFolder
                    + "; choose another name");
        }
        LiveRun run = new LiveRun(++runs, request, from, System.currentTimeMillis(),
                modelsFolder.resolve(request.name() + ".zip").toString());
        Trainer t = new Trainer(options, validation, log, false);
        Slots waitFor = slots;
        long yieldNanos = (long) (YIELD_SECONDS * 1e9);
        t.listen(new TrainingListener() {
            @Override
            public void started(PenaModel model, String corpusName, long trainingTokens) {
                run.started(model, corpusName, trainingTokens);
                if (model.training().history().isEmpty()) {
                    run.sampledBeforeTraining(validation.preview(model));
                }
            }

            @Override
            public void beforeWindow() throws InterruptedException {
                waitFor.awaitIdle(yieldNanos);
            }

            @Override
            public void progressed(TrainingProgress progress) {
                run.progressed(progress);
            }

            @Override
            public void evaluated(pena.model.HistoryPoint point, boolean best, String sample) {
                run.evaluated(point, best, sample);
            }
        });
        current = run;
        trainer = t;
        thread = new Thread(() -> train(run, t, options), "pena-live-training");
        thread.start();
        log.println("pena serve: training " + request.describe() + " (asked from " + from + "), files "
                + options.bestModel());
        log.flush();
        return run.view();
    }

    /** Asks the run to stop after its window; it then scores, saves and is served as any finished run. */
    synchronized Map<String, Object> stop() {
        if (current == null || current.over()) {
            throw new WebException("no run is training");
        }
        current.stopping();
        trainer.requestStop();
        return current.view();
    }

    private void train(LiveRun run, Trainer t, TrainOptions options) {
        try {
            Trainer.Outcome outcome = t.run();
            String modelId = null;
            if (Files.exists(options.bestModel())) {
                PenaModel model = ModelFile.load(options.bestModel(), false);
                modelId = serve.apply(run.request().name(), model);
            }
            if (outcome.failure() != null) {
                run.ended(LiveRun.Status.FAILED, outcome.failure(), modelId);
            } else {
                run.ended(outcome.interrupted() ? LiveRun.Status.STOPPED : LiveRun.Status.FINISHED, null, modelId);
            }
        } catch (TrainingException | CorpusException | ModelFileException | WebException e) {
            run.ended(LiveRun.Status.FAILED, e.getMessage(), null);
        } catch (RuntimeException | OutOfMemoryError e) {
            log.println("pena serve: the page's training run failed: " + e);
            log.flush();
            run.ended(LiveRun.Status.FAILED, "the run failed (" + e.getClass().getSimpleName() + "); the server's "
                    + "log says more", null);
        }
    }

    private Path corpusPath(String name) {
        if (name.contains("..") || name.startsWith("/") || name.contains("\\")) {
            throw new WebException("corpus '" + name + "': give a name the corpus list shows");
        }
        Path path = library.root().resolve(name);
        if (!Files.exists(path) || !path.toAbsolutePath().normalize().startsWith(library.root().toAbsolutePath().normalize())) {
            throw new WebException("no corpus '" + name + "' in " + library.root() + "; choose one the list shows, "
                    + "or upload a .txt file");
        }
        return path;
    }

    private static TrainOptions options(TrainingRequest request, Path corpus, Path out) {
        double rate = CellType.defaultLearningRate(request.cell() == CellType.RNN); // as pena train's
        NetworkSpec spec = new NetworkSpec(TokenLevel.of("char", false), request.cell(), request.layers(),
                request.hidden(), 0, 0, request.dropout(), 0, 5, rate, TBPTT, SEED, 2);
        if (!spec.problems().isEmpty()) {
            throw new WebException(String.join("; ", spec.problems()));
        }
        return new TrainOptions(corpus.toString(), spec, BATCH, 0.1, 0, request.minutes(),
                evaluationSeconds(request.minutes()), out, false, false, 0, true, 0, 1, FixedOptions.none(),
                LearningRateSchedule.Kind.CONSTANT, 0);
    }

    /** A class sees about 15 samples over the budget, one every 5 to 30 seconds of training. */
    static double evaluationSeconds(double minutes) {
        return Math.max(5, Math.min(30, minutes * 60 / 15));
    }

    /** Stops a run in progress and waits for it to save (the server is closing). */
    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            running = thread;
            if (current != null && !current.over()) {
                current.stopping();
                trainer.requestStop();
            }
        }
        if (running != null) {
            try {
                running.join(120_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A second start while a run trains: 409. */
    static final class Occupied extends RuntimeException {
        Occupied(String message) {
            super(message);
        }
    }
}
