package pena.eval;

import org.nd4j.linalg.api.ndarray.INDArray;
import pena.data.TokenStreams;
import pena.data.ValidationSplit;
import pena.data.Window;
import pena.data.WindowArrays;
import pena.model.PenaModel;
import pena.layers.StatefulNetwork;
import pena.token.Vocabulary;

import java.util.List;

/**
 * Cross-entropy of a model over whole documents, in chunks whose recurrent state is carried by
 * {@code rnnTimeStep}. With one stream every token is predicted from everything before it in
 * its document (exact, and slow: a batch of one is all per-step overhead). With S streams the
 * text is cut into S contiguous parts scored side by side, each part starting from a zero
 * state, which costs a little accuracy at S-1 places and is S times faster. Uses only the
 * inference state, never the training state.
 */
public final class Evaluator {
    /** Tokens per forward call; longer is faster and scores the same. */
    private static final int CHUNK = 512;

    private Evaluator() {
    }

    /** Exact: one stream, the state carried through each whole document. */
    public static EvaluationResult evaluate(PenaModel model, List<String> documents) {
        return evaluate(model, documents, 1);
    }

    public static EvaluationResult evaluate(PenaModel model, List<String> documents, int streams) {
        return evaluate(model, ValidationSplit.encode(model.tokenizer(), model.vocabulary(), documents), streams);
    }

    /** Held-out ids (a prepared corpus's, or texts encoded once) over {@code streams} streams. */
    public static EvaluationResult evaluate(PenaModel model, ValidationSplit split, int streams) {
        return evaluate(model, split, streams, (done, total, tokens) -> { });
    }

    /** Told after each chunk: chunks done of all, tokens scored so far. */
    public interface Listener {
        void scored(int chunksDone, int chunks, long tokens);
    }

    public static EvaluationResult evaluate(PenaModel model, ValidationSplit split, int streams, Listener listener) {
        if (split.documents().isEmpty()) {
            throw new IllegalArgumentException("nothing to evaluate: the text has fewer than 2 tokens");
        }
        return score(model, split.streams(streams, CHUNK), split.characters(), listener);
    }

    /** A probability below e^-69 (1e-30) counts as 1e-30: one impossible token does not make the total infinite. */
    private static final double LOWEST_LOG_PROBABILITY = Math.log(1e-30);

    private static EvaluationResult score(PenaModel model, TokenStreams streams, long characters, Listener listener) {
        StatefulNetwork network = model.network();
        int size = model.spec().vocabularySize();
        boolean embedding = model.spec().embedding() > 0;
        double nats = 0;
        long tokens = 0;
        long unknown = 0;
        network.clearInferenceState();
        for (Window window : streams) {
            network.resetInferenceStreams(window.resetState());
            INDArray input = WindowArrays.inputs(window, size, embedding);
            int length = window.length();
            int batch = window.batch();
            int[] rows = new int[batch * length]; // row t·B + b, as the output layer orders them
            for (int b = 0; b < batch; b++) {
                for (int t = 0; t < length; t++) {
                    int target = window.targets()[b][t];
                    rows[t * batch + b] = target == Window.PADDING ? -1 : target;
                }
            }
            // only the targets' log probabilities leave the network (a full [streams, 10 000, length]
            // probability array costs more to lay out than the forward pass at word level)
            double[] logProbabilities = network.rnnTimeStepTargetLogProbabilities(input, rows);
            for (int r = 0; r < rows.length; r++) {
                if (rows[r] < 0) {
                    continue;
                }
                nats -= Math.max(logProbabilities[r], LOWEST_LOG_PROBABILITY);
                tokens++;
                if (rows[r] == Vocabulary.UNKNOWN_ID) {
                    unknown++;
                }
            }
            listener.scored(window.index() + 1, streams.windowsPerStream(), tokens);
        }
        network.clearInferenceState();
        return new EvaluationResult(tokens, characters, nats, unknown);
    }
}
