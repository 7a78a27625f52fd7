package pena.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
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

    @Test
    void readingFileByFileCountsWhatReadingTheCorpusWholeCounts(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.txt"), "Era uma vez\r\num gato.\n");
        Files.writeString(dir.resolve("b.txt"), "   \n"); // blank: not a document
        Files.writeString(dir.resolve("c.txt"), "Nao\u0303 e\u0301 nada.\n"); // NFC: "Não é"
        CorpusStats whole = CorpusStats.of(Corpus.read(dir));
        CorpusStats streamed = CorpusStats.read(dir);
        assertEquals(whole, streamed);
        assertEquals(2, streamed.documents());
        assertEquals(whole.characters(), "Era uma vez\num gato.\nNão é nada.\n".length());
    }
}
