package pena.cli;

import pena.nn.TokenLevel;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options {@code train} and {@code compare} share, with their checks, as a picocli mixin:
 * what is read (level, split), how it is cut (streams, window), how it is learned (rate, seed),
 * how long ({@code --minutes} or {@code --epochs}) and how validation is scored.
 */
final class RunOptions {
    @Option(names = "--level", defaultValue = "char", description = "Token level: char or word (words, punctuation marks and line breaks) (default: ${DEFAULT-VALUE}).")
    String level;

    @Option(names = "--batch", description = "Parallel streams through the text per step (default: 32 for char, 16 for word).")
    Integer batch;

    @Option(names = "--tbptt", description = "Window of truncated BPTT: gradients flow back this many tokens; the state carries "
            + "further (default: 64 for char, 32 for word).")
    Integer tbptt;

    @Option(names = "--lr", description = "Adam learning rate (default: 2e-3; 1e-3 with the plain rnn cell, "
            + "which at 2e-3 and 520 units stays at the unigram loss; compare: 1e-3 for every cell when rnn is among them).")
    Double learningRate;

    /** Adam's rate: as given, else 2e-3, or 1e-3 where a plain RNN trains (measured on Dom Casmurro, 2x520). */
    double learningRate(boolean plainRnn) {
        return learningRate != null ? learningRate : pena.nn.CellType.defaultLearningRate(plainRnn);
    }

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the initial weights (compare: of each configuration's first run) (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--minutes", description = "Training-time budget in minutes (compare: per run), decimals allowed (e.g. 0.5).")
    Double minutes;

    @Option(names = "--epochs", description = "Passes over the training text (compare: per run; train: 10 when --minutes is not given).")
    Integer epochs;

    @Option(names = "--val-fraction", defaultValue = "0.1", description = "Last fraction of each document held out for validation (default: ${DEFAULT-VALUE}).")
    double valFraction;

    @Option(names = "--val-streams", defaultValue = "16",
            description = "Streams the validation text is scored in at evaluation points; 1 is exact and slow, "
                    + "as `pena evaluate` (default: ${DEFAULT-VALUE}).")
    int valStreams;

    @Option(names = "--val-tokens", defaultValue = "100000",
            description = "Validation tokens scored at evaluation points and at the end: the split's first whole "
                    + "documents up to this many, so that scoring a large corpus stays a small share of the run; "
                    + "0 scores all of it (default: ${DEFAULT-VALUE}).")
    long valTokens;

    /** The level, from --level and (train's) --lowercase; refuses the values that cannot work. */
    TokenLevel check(CommandLine commandLine, boolean lowercase) {
        if (epochs != null && minutes != null) {
            throw new CommandLine.ParameterException(commandLine, "give --epochs or --minutes, not both");
        }
        if (epochs != null && epochs < 1) {
            throw new CommandLine.ParameterException(commandLine, "--epochs must be at least 1");
        }
        if (minutes != null && !(minutes > 0 && minutes <= 525_600)) {
            throw new CommandLine.ParameterException(commandLine, "--minutes must be positive and at most a year (525600)");
        }
        if (!(valFraction > 0 && valFraction <= 0.5)) {
            throw new CommandLine.ParameterException(commandLine, "--val-fraction must be in (0, 0.5]");
        }
        if (valTokens < 0) {
            throw new CommandLine.ParameterException(commandLine, "--val-tokens must be 0 (all) or more");
        }
        if (valStreams < 1) {
            throw new CommandLine.ParameterException(commandLine, "--val-streams must be at least 1");
        }
        if ((batch != null && batch < 1) || (tbptt != null && tbptt < 1)) {
            throw new CommandLine.ParameterException(commandLine, "--batch and --tbptt must be at least 1");
        }
        try {
            return TokenLevel.of(level, lowercase);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage());
        }
    }

    int batch(TokenLevel tokenLevel) {
        return batch != null ? batch : tokenLevel.defaultBatch();
    }

    int tbptt(TokenLevel tokenLevel) {
        return tbptt != null ? tbptt : tokenLevel.defaultTbptt();
    }
}
