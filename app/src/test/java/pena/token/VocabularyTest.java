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

    @Test
    void limitsKeepTheMostFrequentWordsAndCountTheRestAsUnknown() {
        Tokenizer words = new WordTokenizer(false);
        List<String> training = List.of("a casa e a rua e a praça, a casa.");
        // counts: a 4, casa 2, e 2, rua 1, praça 1, "," 1, "." 1
        Vocabulary top4 = Vocabulary.build(words, training, 4, 1);
        assertEquals(List.of(Vocabulary.UNKNOWN, "a", "casa", "e"), top4.symbols());
        assertEquals(4, top4.count(0), "rua, praça, comma and period are <unk> together");
        Vocabulary twice = Vocabulary.build(words, training, 100, 2);
        assertEquals(4, twice.size());
        assertEquals(0.6, twice.oovRate(words, List.of("a rua e o mar")), 1e-12, "rua, o and mar of 5 tokens");
    }

    @Test
    void outOfVocabularyRateCountsUnknownTokens() {
        Tokenizer words = new WordTokenizer(false);
        Vocabulary vocabulary = Vocabulary.build(words, List.of("a casa amarela"));
        assertEquals(0.6, vocabulary.oovRate(words, List.of("a casa azul do", "rio")), 1e-12);
        assertEquals(Set.of("azul", "do", "rio"), vocabulary.unknownSymbols(words, "a casa azul do rio"));
    }
}
