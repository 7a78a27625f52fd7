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

    /**
     * A word model and a character model that both give every token the same probability: BPC
     * is total nats over the same character count for both (the text starts with a one-letter
     * word, so both predict from its second character on), whatever the level.
     */
    @Test
    void wordAndCharacterBpcUseTheSameCharactersOfTheText() {
        String training = "A casa amarela, a rua.\nE o rio!";
        String text = "A rua, a casa.\nO rio!";
        EvaluationResult[] results = new EvaluationResult[2];
        String[] levels = {"char", "word"};
        for (int i = 0; i < 2; i++) {
            pena.token.Tokenizer tokenizer = pena.token.Tokenizers.forLevel(levels[i]);
            pena.token.Vocabulary vocabulary = pena.token.Vocabulary.build(tokenizer, List.of(training));
            pena.nn.NetworkSpec spec = new pena.nn.NetworkSpec(pena.nn.TokenLevel.parse(levels[i]), pena.nn.CellType.GRU, 1, 8,
                    levels[i].equals("word") ? 6 : 0, 0, 0, 0, 5, 2e-3, 8, 1, vocabulary.size());
            PenaModel model = new PenaModel(TestModels.network(spec), spec, vocabulary,
                    pena.model.TrainingState.start("t", 0.1, 1), List.of(text));
            int out = model.network().getnLayers() - 1;
            model.network().getLayer(out).paramTable().values().forEach(p -> p.assign(0)); // uniform softmax
            results[i] = Evaluator.evaluate(model, List.of(text));
            double expectedNats = results[i].tokens() * Math.log(vocabulary.size());
            assertEquals(expectedNats / results[i].characters() / Math.log(2), results[i].bitsPerCharacter(), 1e-6);
        }
        assertEquals(text.length() - 1, results[0].characters());
        assertEquals(results[0].characters(), results[1].characters());
        assertEquals(9, results[1].tokens(), "rua , a casa . line-break O rio !");
        assertEquals(1.0 / 9, results[1].oovRate(), 1e-12, "'O' (capital) is not in the training text");
    }
}
