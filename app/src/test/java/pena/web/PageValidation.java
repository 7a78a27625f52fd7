package pena.web;

import pena.data.ValidationSplit;
import pena.eval.EvaluationResult;
import pena.eval.Evaluator;
import pena.generate.Sampler;
import pena.generate.SamplingOptions;
import pena.model.PenaModel;
import pena.train.Validation;

/** Evaluation points as pena serve scores them (validation over a few streams, a short sample). */
final class PageValidation implements Validation {
    @Override
    public Score score(PenaModel model, ValidationSplit split) {
        EvaluationResult result = Evaluator.evaluate(model, split, 4);
        return new Score(result.bitsPerCharacter(), result.perplexity(), result.resultLine());
    }

    @Override
    public String preview(PenaModel model) {
        return new Sampler(model).generate("", 60, new SamplingOptions(0.8, 0, 1.0, 1), s -> { });
    }
}
