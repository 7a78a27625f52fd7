package pena;

import pena.data.ValidationSplit;
import pena.eval.EvaluationResult;
import pena.eval.Evaluator;
import pena.model.PenaModel;
import pena.train.Validation;

/** The trainer's evaluation points for tests: the validation split in 4 streams, no sample. */
public final class TestValidation implements Validation {
    @Override
    public Score score(PenaModel model, ValidationSplit split) {
        EvaluationResult r = Evaluator.evaluate(model, split, 4);
        return new Score(r.bitsPerCharacter(), r.perplexity(), r.resultLine());
    }

    @Override
    public String preview(PenaModel model) {
        return "";
    }
}
