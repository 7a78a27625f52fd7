package pena.model;

import pena.nn.NetworkSpec;
import pena.layers.StatefulNetwork;
import pena.token.Tokenizer;
import pena.token.Tokenizers;
import pena.token.Vocabulary;

import java.util.List;

/**
 * A trained (or training) language model with everything needed to use it: the network, the
 * spec it was built from, its vocabulary, where its training stands and its validation text.
 * Sampling and evaluation need nothing but this. The validation texts are one per document
 * (the recurrent state is reset between documents).
 */
public record PenaModel(StatefulNetwork network, NetworkSpec spec, Vocabulary vocabulary, TrainingState training,
                        List<String> validationTexts) {

    public Tokenizer tokenizer() {
        return Tokenizers.forLevel(spec.level().id());
    }

    public PenaModel withTraining(TrainingState state) {
        return new PenaModel(network, spec, vocabulary, state, validationTexts);
    }
}
