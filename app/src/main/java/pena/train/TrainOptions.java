package pena.train;

import pena.nn.NetworkSpec;

import java.nio.file.Path;

/**
 * One training run's settings.
 *
 * @param corpus        the corpus path or name as the user gave it
 * @param spec          the network (its vocabulary size is filled in from the corpus)
 * @param batch         parallel streams per step
 * @param valFraction   last fraction of each document held out for validation
 * @param epochs        passes over the training text (0: use {@code minutes})
 * @param minutes       training-time budget in minutes (0: use {@code epochs})
 * @param evalEverySeconds seconds of training between evaluation points (0: automatic)
 * @param out           run name with folder, e.g. {@code models/casmurro}: the best model is
 *                      {@code models/casmurro.zip}, the checkpoint {@code models/casmurro.ckpt.zip}
 * @param resume        continue the run saved in the checkpoint
 * @param force         start over even if the run's files exist
 * @param maxSteps      stop after this many windows in this invocation (0 = no limit; for tests)
 * @param carryState    carry the recurrent state from window to window (true) or start every
 *                      window from a zero state (false)
 * @param maxVocabulary at most this many token ids, {@code <unk>} included (0: no limit for
 *                      characters, {@value #DEFAULT_WORD_VOCABULARY} for words)
 * @param minCount      a token seen fewer times in training is {@code <unk>}
 * @param fixed         the options given this time that a resumed run must already have
 * @param schedule      the learning rate along the run (a resumed run keeps its own)
 * @param checkpointEverySeconds training seconds between checkpoints besides those of the
 *                      evaluation points (0: at evaluation points only)
 */
public record TrainOptions(String corpus, NetworkSpec spec, int batch, double valFraction, int epochs,
                           double minutes, double evalEverySeconds, Path out, boolean resume, boolean force,
                           long maxSteps, boolean carryState, int maxVocabulary, int minCount, FixedOptions fixed,
                           LearningRateSchedule.Kind schedule, double checkpointEverySeconds) {
    public static final int DEFAULT_WORD_VOCABULARY = 10_000;

    public TrainOptions {
        if (!namesARun(out)) {
            throw new TrainingException(noRun(out));
        }
    }

    /** Whether {@code out} ends in a name the run's files can take ({@code /}, {@code ""}, {@code .} do not). */
    public static boolean namesARun(Path out) {
        String name = out == null || out.getFileName() == null ? "" : out.getFileName().toString();
        return !(name.isEmpty() || name.equals(".zip") || name.equals(".") || name.equals(".."));
    }

    /** The message for an --out that {@link #namesARun names no run}. */
    public static String noRun(Path out) {
        return "--out '" + out + "' names no run; give a path such as models/NAME (the run writes NAME.zip and "
                + "NAME.ckpt.zip there)";
    }

    /** A constant learning rate (the runs of tests and of {@code compare}). */
    public TrainOptions(String corpus, NetworkSpec spec, int batch, double valFraction, int epochs, double minutes,
                        double evalEverySeconds, Path out, boolean resume, boolean force, long maxSteps,
                        boolean carryState, int maxVocabulary, int minCount, FixedOptions fixed) {
        this(corpus, spec, batch, valFraction, epochs, minutes, evalEverySeconds, out, resume, force, maxSteps,
                carryState, maxVocabulary, minCount, fixed, LearningRateSchedule.Kind.CONSTANT, 0);
    }

    /** Every symbol of the training text in the vocabulary (up to the level's default size). */
    public TrainOptions(String corpus, NetworkSpec spec, int batch, double valFraction, int epochs, double minutes,
                        double evalEverySeconds, Path out, boolean resume, boolean force, long maxSteps,
                        boolean carryState) {
        this(corpus, spec, batch, valFraction, epochs, minutes, evalEverySeconds, out, resume, force, maxSteps,
                carryState, 0, 1, FixedOptions.none());
    }

    /** The vocabulary limit in force: as given, else the level's default. */
    public int vocabularyLimit() {
        if (maxVocabulary > 0) {
            return maxVocabulary;
        }
        return spec.level().words() ? DEFAULT_WORD_VOCABULARY : Integer.MAX_VALUE;
    }

    public Path bestModel() {
        return sibling(".zip");
    }

    public Path checkpoint() {
        return sibling(".ckpt.zip");
    }

    /** Held while the run lives: one run per output at a time. */
    public Path lockFile() {
        return sibling(".lock");
    }

    private Path sibling(String suffix) {
        String name = out.getFileName().toString();
        if (name.endsWith(".zip")) {
            name = name.substring(0, name.length() - 4);
        }
        Path parent = out.toAbsolutePath().getParent();
        return parent.resolve(name + suffix);
    }

    /** Seconds between evaluation points: as given, else a tenth of the time budget (10 s to 2 min). */
    public double evaluationInterval() {
        if (evalEverySeconds > 0) {
            return evalEverySeconds;
        }
        if (minutes > 0) {
            return Math.max(10, Math.min(120, minutes * 60 / 10));
        }
        return 120;
    }
}
