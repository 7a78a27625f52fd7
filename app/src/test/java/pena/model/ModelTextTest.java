package pena.model;

import org.junit.jupiter.api.Test;
import pena.TestModels;
import pena.generate.Sampler;
import pena.generate.SamplingException;
import pena.generate.SamplingOptions;
import pena.inspect.InspectionException;
import pena.inspect.Inspector;
import pena.token.Vocabulary;

import java.text.Normalizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every text that enters a model is read one way: the corpus's canonical form, one rule for unknown tokens. */
class ModelTextTest {
    private static final String TEXT = "Não, disse ela.\nEntão não foi.\n";
    private static final PenaModel CHARS = TestModels.untrained(TEXT, 1, 8);
    private static final PenaModel WORDS = TestModels.untrainedWords(TEXT + "E ela não veio.\n", 8);

    @Test
    void decomposedAccentsAndWindowsLineEndsReadAsTheCorpusWasRead() {
        String decomposed = Normalizer.normalize("Então não\r\n", Normalizer.Form.NFD);
        assertTrue(decomposed.length() > "Então não\r\n".length(), "the test text is decomposed");
        ModelText read = ModelText.read(CHARS, decomposed, "the prime");
        assertArrayEquals(ModelText.read(CHARS, "Então não\n", "the prime").ids(), read.ids());
        assertTrue(read.unknown().isEmpty(), read.unknown().toString());
        assertEquals("\n", read.tokens().get(read.tokens().size() - 1));
        assertEquals(ModelText.read(CHARS, "a\rd", "x").tokens(), ModelText.read(CHARS, "a\nd", "x").tokens());
    }

    @Test
    void samplingAndInspectionTakeTheSameTexts() {
        String decomposed = Normalizer.normalize("Não\r\n", Normalizer.Form.NFD);
        new Sampler(CHARS).generate(decomposed, 5, new SamplingOptions(0.8, 0, 1, 1), s -> { });
        assertEquals(4, new Inspector(CHARS).inspect(decomposed, 3).tokens().size());

        // a character this model never saw: refused the same way by both
        String samplingError = assertThrows(SamplingException.class,
                () -> new Sampler(CHARS).generate("Zé", 5, new SamplingOptions(0.8, 0, 1, 1), s -> { })).getMessage();
        String inspectionError = assertThrows(InspectionException.class,
                () -> new Inspector(CHARS).inspect("Zé", 3)).getMessage();
        assertTrue(samplingError.contains("'Z'") && inspectionError.contains("'Z'"), samplingError + " / " + inspectionError);
    }

    @Test
    void aWordModelReadsAnUnknownWordAsUnkWhetherSamplingOrInspecting() {
        ModelText read = ModelText.read(WORDS, "ela não dormiu", "the text");
        assertEquals(java.util.Set.of("dormiu"), read.unknown());
        assertEquals(Vocabulary.UNKNOWN_ID, read.ids()[2]);
        assertEquals(3, new Inspector(WORDS).inspect("ela não dormiu", 3).tokens().size());
        assertTrue(new Sampler(WORDS).unknownInPrime("ela não dormiu").contains("dormiu"));
        new Sampler(WORDS).generate("ela não dormiu", 3, new SamplingOptions(0.8, 0, 1, 1), s -> { });
    }

    @Test
    void controlCharactersAreNamedByTheirCode() {
        String message = assertThrows(ModelText.UnknownSymbolsException.class,
                () -> ModelText.read(CHARS, "a\u0007b", "the prime")).getMessage();
        assertTrue(message.contains("U+0007"), message);
    }
}
