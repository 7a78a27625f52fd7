package pena.generate;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import pena.data.WindowArrays;
import pena.model.ModelText;
import pena.model.PenaModel;
import pena.layers.step.TokenStepper;
import pena.layers.StatefulNetwork;
import pena.token.Tokenizer;
import pena.token.Vocabulary;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Generates text from a model: the prime is read, then each drawn token is fed back one step at
 * a time, state carried. Steps run in plain Java ({@link TokenStepper}) where the network allows,
 * else through DL4J's {@code rnnTimeStep}.
 * {@code <unk>} is never emitted.
 */
public final class Sampler {
    private final PenaModel model;
    private final TokenStepper prototype; // null when the network needs rnnTimeStep

    public Sampler(PenaModel model) {
        this.model = model;
        this.prototype = TokenStepper.of(model.network()).orElse(null);
    }

    /**
     * Words of the prime this model does not know: a word model reads them as {@code <unk>} (the
     * caller should say so); a character model refuses them.
     */
    public Set<String> unknownInPrime(String prime) {
        return read(prime).unknown();
    }

    /** The prime as the model reads it (see {@link ModelText}): one rule with inspection and the page. */
    private ModelText read(String prime) {
        try {
            return ModelText.read(model, prime, "the prime");
        } catch (ModelText.UnknownSymbolsException e) {
            throw new SamplingException(e.getMessage());
        }
    }

    /** Receives each generated token and the model's probabilities for the one after it. */
    public interface TokenSink {
        /** @return false to stop generating (a deadline, a closed connection) */
        boolean accept(String text, float[] nextProbabilities);
    }

    /**
     * True when {@link #generate} may run on several threads at once: every call then has its own
     * state over shared read-only weights. (The rnnTimeStep path shares the network's state.)
     */
    public boolean concurrent() {
        return prototype != null;
    }

    /**
     * @param prime  text to start from (may be empty: the model starts as after a paragraph break)
     * @param length tokens to generate
     * @param sink   receives each generated token's text as soon as it is drawn
     * @return the generated text (without the prime)
     */
    public String generate(String prime, int length, SamplingOptions options, Consumer<String> sink) {
        return generate(prime, length, options, (text, next) -> {
            sink.accept(text);
            return true;
        });
    }

    /** As {@link #generate(String, int, SamplingOptions, Consumer)}, showing the sink each step's distribution. */
    public String generate(String prime, int length, SamplingOptions options, TokenSink sink) {
        Tokenizer tokenizer = model.tokenizer();
        Vocabulary vocabulary = model.vocabulary();
        if (length < 0) {
            throw new SamplingException("--length must be 0 or positive, got " + length);
        }
        ModelText read = read(prime.isEmpty() ? defaultPrime(vocabulary) : prime);
        List<String> primeSymbols = read.tokens();
        int[] primeIds = read.ids();

        Stepper stepper = stepper();
        TokenChooser chooser = new TokenChooser(options);
        float[] next = stepper.start(primeIds);
        Tokenizer.Joiner joiner = tokenizer.joiner();
        if (!prime.isEmpty()) {
            primeSymbols.forEach(joiner::next); // spacing of the first generated token follows the prime
        }
        StringBuilder generated = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int id = chooser.choose(next, Vocabulary.UNKNOWN_ID);
            String text = joiner.next(vocabulary.symbol(id));
            generated.append(text);
            next = stepper.next(id);
            if (!sink.accept(text, next)) {
                break;
            }
        }
        if (prototype == null) {
            model.network().clearInferenceState();
        }
        return generated.toString();
    }

    /** Feeds tokens one at a time and gives the next token's probabilities. */
    interface Stepper {
        /** From the zero state, reads the prime; the probabilities after its last token. */
        float[] start(int[] prime);

        float[] next(int token);
    }

    /** The plain-Java stepper where the network allows it, else DL4J's {@code rnnTimeStep}. */
    Stepper stepper() {
        if (prototype != null) {
            TokenStepper stepper = prototype.copy();
            return new Stepper() {
                @Override
                public float[] start(int[] prime) {
                    stepper.reset();
                    float[] p = null;
                    for (int id : prime) {
                        p = stepper.next(id);
                    }
                    return p;
                }

                @Override
                public float[] next(int token) {
                    return stepper.next(token);
                }
            };
        }
        return networkStepper();
    }

    /** The reference path: the network's own {@code rnnTimeStep}, state carried between calls. */
    Stepper networkStepper() {
        StatefulNetwork network = model.network();
        return new Stepper() {
            @Override
            public float[] start(int[] prime) {
                network.clearInferenceState();
                return lastStep(network.rnnTimeStep(input(prime)));
            }

            @Override
            public float[] next(int token) {
                return lastStep(network.rnnTimeStep(input(new int[]{token})));
            }
        };
    }

    private INDArray input(int[] ids) {
        int[][] batch = {ids};
        return model.spec().embedding() > 0 ? WindowArrays.indices(batch)
                : WindowArrays.oneHot(batch, model.spec().vocabularySize());
    }

    private static float[] lastStep(INDArray output) {
        long steps = output.size(2);
        return output.get(NDArrayIndex.point(0), NDArrayIndex.all(), NDArrayIndex.point(steps - 1)).toFloatVector();
    }

    /** A paragraph break when the model knows one, else its most frequent symbol. */
    private static String defaultPrime(Vocabulary vocabulary) {
        if (vocabulary.contains("\n")) {
            return "\n";
        }
        int best = 1;
        for (int i = 1; i < vocabulary.size(); i++) {
            if (vocabulary.count(i) > vocabulary.count(best)) {
                best = i;
            }
        }
        return vocabulary.symbol(best);
    }
}
