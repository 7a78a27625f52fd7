package pena.corpus;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CorpusStatsTest {

    @Test
    void countsAndUnigramEntropy() {
        CorpusStats stats = CorpusStats.of(new Corpus("c", List.of(new Document("a", "aabb"), new Document("b", "ab\nba"))));
        assertEquals(2, stats.documents());
        assertEquals(9, stats.characters());
        assertEquals(3, stats.distinctSymbols());
        assertEquals(1, stats.lines());
        assertEquals(3, stats.words());
        double pa = 4 / 9.0, pn = 1 / 9.0;
        double expected = -(2 * pa * Math.log(pa) + pn * Math.log(pn)) / Math.log(2);
        assertEquals(expected, stats.unigramBitsPerChar(), 1e-12);
    }
}
