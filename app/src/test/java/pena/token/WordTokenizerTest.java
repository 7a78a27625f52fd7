package pena.token;

import org.junit.jupiter.api.Test;
import pena.TestData;
import pena.corpus.Corpus;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WordTokenizerTest {
    private final WordTokenizer words = new WordTokenizer(false);

    @Test
    void cliticsCompoundsAndApostrophesStayWhole() {
        assertEquals(List.of("Disse-lhe", "que", "dir-se-ia", "um", "guarda-chuva", "d'água", "."),
                words.split("Disse-lhe que dir-se-ia um guarda-chuva d'água."));
    }

    @Test
    void accentsStayInTheirWords() {
        assertEquals(List.of("Não", "há", "coração", "à", "mão", ",", "Inês", "!"),
                words.split("Não há coração à mão, Inês!"));
    }

    @Test
    void punctuationMarksAreTokensOfTheirOwn() {
        assertEquals(List.of("—", "Vem", "cá", ";", "espera", "(", "já", ")", ":", "\"", "sim", "\"", "?", "...", "Não", "."),
                words.split("— Vem cá; espera (já): \"sim\"?... Não."));
    }

    @Test
    void lineBreaksAreTokensSoParagraphsSurvive() {
        assertEquals(List.of("Fim", ".", "\n", "\n", "Outro", "capítulo", "."),
                words.split("Fim.\r\n\r\nOutro capítulo."));
    }

    @Test
    void lowercasingUsesDl4jsPreprocessorHook() {
        assertEquals(List.of("capitu", "olhou", "\n", "é"), new WordTokenizer(true).split("Capitu OLHOU\nÉ"));
    }

    @Test
    void detokenizedTextIsSpacedAsPortugueseIsWritten() {
        String text = "— Que é isso, Capitu? perguntei.\n— Nada (disse ela); \"nada\", repetiu: é o fim...\n\nE foi-se embora.";
        assertEquals(text, words.join(words.split(text)));
    }

    @Test
    void capitalsComeBackAfterSentenceEndsWhenLowercased() {
        WordTokenizer lower = new WordTokenizer(true);
        assertEquals("Ela saiu. Depois voltou!\n— Sim, voltou.",
                lower.join(lower.split("ela saiu. depois voltou!\n— sim, voltou.")));
    }

    /**
     * Every character comes back, in order; the spacing comes back on almost every line (what
     * words alone cannot tell apart, such as "P.S." read as P . S ., may differ).
     */
    @Test
    void realPortugueseRoundTripsExactlyUpToWhitespace() {
        int lines = 0;
        int same = 0;
        for (var document : Corpus.read(TestData.sample()).documents()) {
            String text = document.text();
            String back = words.join(words.split(text));
            assertEquals(text.replaceAll("\\s+", ""), back.replaceAll("\\s+", ""), document.name());
            List<String> original = squeeze(text).lines().toList();
            List<String> joined = squeeze(back).lines().toList();
            assertEquals(original.size(), joined.size(), document.name() + ": line breaks are tokens");
            for (int i = 0; i < original.size(); i++) {
                lines++;
                same += original.get(i).equals(joined.get(i)) ? 1 : 0;
            }
        }
        assertTrue(same >= 0.95 * lines, same + " of " + lines + " lines spaced as written");
    }

    @Test
    void charactersAfterTheFirstWordCountSpacesToo() {
        String text = "Ela saiu, enfim.";
        List<String> split = words.split(text);
        assertEquals(text.length() - 3, words.charactersAfterFirst(text, split));
        CharTokenizer chars = new CharTokenizer();
        assertEquals(chars.charactersAfterFirst(text, chars.split(text)) - 2,
                words.charactersAfterFirst(text, split), "a character model predicts from the 2nd character on");
    }

    /** Whitespace runs as one space, and none where only a space was inserted or dropped next to punctuation. */
    private static String squeeze(String s) {
        return s.replaceAll("[ \\t\\u00a0]+", " ").replaceAll(" *\\n *", "\n").strip();
    }
}
