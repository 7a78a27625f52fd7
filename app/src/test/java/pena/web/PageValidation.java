package pena.web;

import pena.TestValidation;
import pena.data.ValidationSplit;
import pena.generate.Sampler;
import pena.generate.SamplingOptions;
import pena.model.PenaModel;
import pena.train.Validation;

/** Evaluation points as pena serve has them: the tests' scoring, and a short sample (the page shows samples). */
final class PageValidation implements Validation {
    private final Validation scoring = new TestValidation();

    @Override
    public Score score(PenaModel model, ValidationSplit split) {
        return scoring.score(model, split);
    }

    @Override
    public String preview(PenaModel model) {
        return new Sampler(model).generate("", 60, new SamplingOptions(0.8, 0, 1.0, 1), s -> { });
    }
}
