package pena.cli;

import pena.data.ValidationSplit;
import pena.eval.EvaluationResult;
import pena.eval.Evaluator;
import pena.generate.Sampler;
import pena.generate.SamplingOptions;
import pena.model.PenaModel;
import pena.train.Validation;

/** The trainer's evaluation points: the validation split (up to --val-tokens) over a few streams, and a short sample. */
final class ModelValidation implements Validation {
    private static final int PREVIEW_LENGTH = 160;
    private final int streams;
    private final long maxTokens;

    /** @param maxTokens validation tokens scored (the first whole documents up to this many); 0: all */
    ModelValidation(int streams, long maxTokens) {
        this.streams = streams;
        this.maxTokens = maxTokens;
    }

    @Override
    public ValidationSplit scored(ValidationSplit split) {
        return split.limitedTo(maxTokens);
    }

    @Override
    public Score score(PenaModel model, ValidationSplit split) {
        EvaluationResult result = Evaluator.evaluate(model, split, streams);
        return new Score(result.bitsPerCharacter(), result.perplexity(), result.resultLine());
    }

    @Override
    public String preview(PenaModel model) {
        return new Sampler(model).generate("", PREVIEW_LENGTH, new SamplingOptions(0.8, 0, 1.0, 1), s -> { });
    }
}
