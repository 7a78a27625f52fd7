package pena.token;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VocabularyTest {
    private final Tokenizer chars = new CharTokenizer();

    @Test
    void accentedTextRoundTripsExactly() {
        String text = "Ação, coração — É só! Pão, mãe, põe, avô, você; «já» é café?";
        Vocabulary vocabulary = Vocabulary.build(chars, List.of(text));
        int[] ids = vocabulary.encode(chars, text);
        assertEquals(text, vocabulary.decode(chars, ids));
        for (String kept : new String[]{"ç", "ã", "é", "õ", "á", "É", "—", "«", "ô", "ê"}) {
            assertTrue(vocabulary.contains(kept), kept + " was dropped");
        }
        for (int id : ids) {
            assertTrue(id != Vocabulary.UNKNOWN_ID);
        }
    }

    @Test
    void symbolsUnseenInTrainingBecomeUnknown() {
        Vocabulary vocabulary = Vocabulary.build(chars, List.of("abc"));
        assertEquals(4, vocabulary.size());
        assertEquals(Vocabulary.UNKNOWN, vocabulary.symbol(0));
        assertArrayEquals(new int[]{1, 0, 3}, vocabulary.encode(chars, "axc"));
        assertEquals(Set.of("x", "ç"), vocabulary.unknownSymbols(chars, "açxa"));
    }

    @Test
    void countsComeFromTheTrainingText() {
        Vocabulary vocabulary = Vocabulary.build(chars, List.of("banana", "ana"));
        assertEquals(5, vocabulary.count(vocabulary.id("a")));
        assertEquals(3, vocabulary.count(vocabulary.id("n")));
        assertEquals(1, vocabulary.count(vocabulary.id("b")));
    }
}
