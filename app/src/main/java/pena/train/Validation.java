package pena.train;

import pena.model.PenaModel;

/** What the trainer asks at each evaluation point. */
public interface Validation {
    /** Score on the validation split. */
    Score score(PenaModel model);

    /** A short sample of what the model writes now; empty for none. */
    String preview(PenaModel model);

    /** Bits per character and perplexity per token. */
    record Score(double bitsPerCharacter, double perplexity, String resultLine) {
    }
}
