package pena.train;

import pena.data.ValidationSplit;
import pena.model.PenaModel;

/** What the trainer asks at each evaluation point. */
public interface Validation {
    /** The part of the run's validation split that {@link #score} scores (all of it unless limited). */
    default ValidationSplit scored(ValidationSplit split) {
        return split;
    }

    /** Score on {@code split}: the part of the run's validation split that {@link #scored} chose. */
    Score score(PenaModel model, ValidationSplit split);

    /** A short sample of what the model writes now; empty for none. */
    String preview(PenaModel model);

    /** Bits per character and perplexity per token. */
    record Score(double bitsPerCharacter, double perplexity, String resultLine) {
    }
}
