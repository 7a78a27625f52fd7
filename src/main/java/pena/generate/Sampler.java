package pena.generate;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import pena.data.WindowArrays;
import pena.model.PenaModel;
import pena.nn.StatefulNetwork;
import pena.token.Tokenizer;
import pena.token.Vocabulary;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Generates text from a model: the prime is read in one forward pass, then each drawn token is
 * fed back one step at a time with {@code rnnTimeStep}, whose state carries between calls.
 * {@code <unk>} is never emitted.
 */
public final class Sampler {
    private final PenaModel model;

    public Sampler(PenaModel model) {
        this.model = model;
    }

    /**
     * @param prime  text to start from (may be empty: the model starts as after a paragraph break)
     * @param length tokens to generate
     * @param sink   receives each generated token's text as soon as it is drawn
     * @return the generated text (without the prime)
     */
    public String generate(String prime, int length, SamplingOptions options, Consumer<String> sink) {
        Tokenizer tokenizer = model.tokenizer();
        Vocabulary vocabulary = model.vocabulary();
        Set<String> unknown = vocabulary.unknownSymbols(tokenizer, prime);
        if (!unknown.isEmpty()) {
            throw new SamplingException("the prime uses symbols this model never saw in training: "
                    + unknown.stream().map(s -> "'" + s + "'").collect(Collectors.joining(" "))
                    + "; remove or replace them");
        }
        if (length < 0) {
            throw new SamplingException("--length must be 0 or positive, got " + length);
        }
        List<String> primeSymbols = tokenizer.split(prime.isEmpty() ? defaultPrime(vocabulary) : prime);
        int[] primeIds = primeSymbols.stream().mapToInt(vocabulary::id).toArray();

        StatefulNetwork network = model.network();
        network.clearInferenceState();
        TokenChooser chooser = new TokenChooser(options);
        float[] next = lastStep(network.rnnTimeStep(input(primeIds)));
        StringBuilder generated = new StringBuilder();
        int[] one = new int[1];
        for (int i = 0; i < length; i++) {
            int id = chooser.choose(next, Vocabulary.UNKNOWN_ID);
            String text = tokenizer.join(List.of(vocabulary.symbol(id)));
            generated.append(text);
            sink.accept(text);
            one[0] = id;
            next = lastStep(network.rnnTimeStep(input(one)));
        }
        network.clearInferenceState();
        return generated.toString();
    }

    /** The probabilities after the prime only (for tests and the classroom page). */
    public float[] nextProbabilities(String prime) {
        Vocabulary vocabulary = model.vocabulary();
        int[] ids = vocabulary.encode(model.tokenizer(), prime);
        model.network().clearInferenceState();
        float[] p = lastStep(model.network().rnnTimeStep(input(ids)));
        model.network().clearInferenceState();
        return p;
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
