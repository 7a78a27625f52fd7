package pena.eval;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import pena.TestModels;
import pena.model.PenaModel;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluatorTest {

    @Test
    void aUniformModelHasPerplexityEqualToTheVocabularySize() {
        PenaModel model = TestModels.untrained("abcdefgh ij", 2, 8);
        int outputLayer = model.network().getnLayers() - 1;
        for (String key : model.network().getLayer(outputLayer).paramTable().keySet()) {
            INDArray param = model.network().getLayer(outputLayer).getParam(key);
            param.assign(0);
        }
        List<String> texts = List.of("abc defgh", "ji hg");
        EvaluationResult result = Evaluator.evaluate(model, texts);
        int size = model.vocabulary().size();
        assertEquals(8 + 4, result.tokens());
        assertEquals(size, result.perplexity(), 1e-3);
        assertEquals(Math.log(size) / Math.log(2), result.bitsPerCharacter(), 1e-5);
        assertEquals(0, result.oovRate());
    }

    @Test
    void streamsScoreEveryTokenAndOneStreamIsTheExactCarriedScore() {
        PenaModel model = TestModels.untrained("era uma vez um gato xadrez", 1, 8);
        String text = "uma vez era um gato, era uma vez um xadrez gato";
        EvaluationResult exact = Evaluator.evaluate(model, List.of(text));
        EvaluationResult split = Evaluator.evaluate(model, List.of(text), 4);
        assertEquals(exact.tokens(), split.tokens());
        assertEquals(text.length() - 1, exact.tokens());
        assertEquals(1, exact.unknown());
        assertTrue(Math.abs(exact.nats() - split.nats()) < 0.2 * exact.nats());

        // exact equals one forward pass over the whole text
        INDArray probabilities = model.network().output(pena.data.WindowArrays.oneHot(
                new int[][]{model.vocabulary().encode(model.tokenizer(), text)}, model.vocabulary().size()));
        int[] ids = model.vocabulary().encode(model.tokenizer(), text);
        double nats = 0;
        for (int t = 0; t + 1 < ids.length; t++) {
            nats -= Math.log(probabilities.getDouble(0, ids[t + 1], t));
        }
        assertEquals(nats, exact.nats(), 1e-3);
    }
}
