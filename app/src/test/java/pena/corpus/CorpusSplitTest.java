package pena.corpus;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CorpusSplitTest {

    @Test
    void validationIsTheLastFractionOfEachDocument() {
        Corpus corpus = new Corpus("c", List.of(new Document("a", "0123456789"), new Document("b", "abcdefghijklmnopqrst")));
        CorpusSplit split = CorpusSplit.of(corpus, 0.2);
        assertEquals(List.of("01234567", "abcdefghijklmnop"), split.train().stream().map(Document::text).toList());
        assertEquals(List.of("89", "qrst"), split.validation().stream().map(Document::text).toList());
    }

    @Test
    void theCutNeverSplitsACodePoint() {
        String text = "ab😀😀😀cd"; // emoji outside the BMP are two chars each
        CorpusSplit split = CorpusSplit.of(new Corpus("c", List.of(new Document("a", text))), 0.5);
        assertEquals(text, split.train().get(0).text() + split.validation().get(0).text());
        assertEquals("ab😀😀", split.train().get(0).text());
    }

    @Test
    void noValidationFractionKeepsEverythingForTraining() {
        CorpusSplit split = CorpusSplit.of(new Corpus("c", List.of(new Document("a", "texto"))), 0);
        assertEquals("texto", split.train().get(0).text());
        assertEquals(0, split.validation().size());
    }
}
