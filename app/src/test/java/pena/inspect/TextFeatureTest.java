package pena.inspect;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each feature on a hand-made text, character by character (1 where it holds, after that character). */
class TextFeatureTest {

    private static List<String> chars(String text) {
        List<String> out = new ArrayList<>();
        text.codePoints().forEach(c -> out.add(new String(Character.toChars(c))));
        return out;
    }

    /** The feature as a string of 0s and 1s, one per character. */
    private static String bits(TextFeature feature, String text) {
        StringBuilder s = new StringBuilder();
        for (double v : feature.values(chars(text))) {
            s.append(v > 0.5 ? '1' : '0');
        }
        return s.toString();
    }

    @Test
    void quotationsOpenAndCloseWithEveryKindOfMark() {
        assertEquals("000110000", bits(TextFeature.QUOTATION, "ai \"ó\" ah"));
        assertEquals("00111100111100", bits(TextFeature.QUOTATION, "a «sim» “não” "));
    }

    @Test
    void parenthesesNest() {
        assertEquals("0111111000", bits(TextFeature.PARENTHESES, "a(b(c)d)e."));
    }

    @Test
    void aDialogueLineRunsFromItsDashToTheLineEnd() {
        assertEquals("000" + "0" + "1111" + "0" + "00" + "11111" + "0" + "0",
                bits(TextFeature.DIALOGUE, "Ele\n— Oi\n  - Sim\nx"));
        // a dash inside a line is not dialogue
        assertEquals("000000000", bits(TextFeature.DIALOGUE, "um — dois"));
    }

    @Test
    void positionInsideAWordRisesLetterByLetter() {
        double[] v = TextFeature.WORD_POSITION.values(chars("ab c"));
        assertArrayEquals(new double[]{0, 0.5, 0, 0}, v, 1e-12);
        assertEquals(1 - 1.0 / 3, TextFeature.WORD_POSITION.values(chars("não"))[2], 1e-12);
    }

    @Test
    void theApproachOfASentenceEndRisesToOneAtItsMark() {
        double[] v = TextFeature.SENTENCE_END.values(chars("Era. E"));
        assertEquals(1 - 3.0 / TextFeature.SENTENCE_REACH, v[0], 1e-12);
        assertEquals(1, v[3], 1e-12);
        assertEquals(0, v[5], 1e-12, "no sentence end after it");
    }

    @Test
    void capitalsAccentedVowelsAndDigits() {
        assertEquals("100010", bits(TextFeature.CAPITAL, "Ah, Ó!"));
        assertEquals("0100011", bits(TextFeature.ACCENTED_VOWEL, "pão, Éé"));
        assertEquals("0011000", bits(TextFeature.DIGIT, "a 19 de"));
    }
}
