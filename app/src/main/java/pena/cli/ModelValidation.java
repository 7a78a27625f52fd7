package pena.cli;

import pena.eval.EvaluationResult;
import pena.eval.Evaluator;
import pena.generate.Sampler;
import pena.generate.SamplingOptions;
import pena.model.PenaModel;
import pena.train.Validation;

/** The trainer's evaluation points: the whole validation split over a few streams, and a short sample. */
final class ModelValidation implements Validation {
    private static final int PREVIEW_LENGTH = 160;
    private final int streams;

    ModelValidation(int streams) {
        this.streams = streams;
    }

    @Override
    public Score score(PenaModel model) {
        EvaluationResult result = Evaluator.evaluate(model, model.validationTexts(), streams);
        return new Score(result.bitsPerCharacter(), result.perplexity(), result.resultLine());
    }

    @Override
    public String preview(PenaModel model) {
        return new Sampler(model).generate("", PREVIEW_LENGTH, new SamplingOptions(0.8, 0, 1.0, 1), s -> { });
    }
}
