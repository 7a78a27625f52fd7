package pena.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pena.TestData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorpusTest {

    @Test
    void readsAFolderOfTextFilesInSortedOrder(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("b.txt"), "segundo");
        Files.writeString(dir.resolve("a.txt"), "primeiro");
        Files.writeString(dir.resolve("notas.md"), "ignorado");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/c.txt"), "terceiro");
        Corpus corpus = Corpus.read(dir);
        assertEquals(3, corpus.documents().size());
        assertEquals("primeiro", corpus.documents().get(0).text());
        assertEquals("segundo", corpus.documents().get(1).text());
        assertEquals("terceiro", corpus.documents().get(2).text());
    }

    @Test
    void theBundledSampleIsVariedPortugueseOfAtLeast60Kilobytes() throws IOException {
        Corpus corpus = Corpus.read(TestData.sample());
        long bytes = 0;
        for (Document d : corpus.documents()) {
            bytes += Files.size(Path.of(d.name()));
        }
        assertTrue(bytes >= 60_000, "sample corpus has " + bytes + " bytes");
        String all = String.join("\n", corpus.documents().stream().map(Document::text).toList());
        for (String symbol : new String[]{"ã", "ç", "é", "õ", "á", "ê", "—", "«", "?", "!", ";"}) {
            assertTrue(all.contains(symbol), "sample lacks " + symbol);
        }
    }

    @Test
    void missingEmptyAndTextlessInputsGetOneClearLine(@TempDir Path dir) throws IOException {
        CorpusException missing = assertThrows(CorpusException.class, () -> Corpus.read(dir.resolve("nada.txt")));
        assertTrue(missing.getMessage().endsWith("nada.txt: no such file or folder"), missing.getMessage());

        Path empty = Files.writeString(dir.resolve("vazio.txt"), "  \n\n ");
        CorpusException blank = assertThrows(CorpusException.class, () -> Corpus.read(empty));
        assertTrue(blank.getMessage().contains("vazio.txt: the corpus is empty"), blank.getMessage());

        Path folder = Files.createDirectories(dir.resolve("sem-texto"));
        Files.writeString(folder.resolve("leia.md"), "x");
        CorpusException noText = assertThrows(CorpusException.class, () -> Corpus.read(folder));
        assertTrue(noText.getMessage().contains("no .txt files"), noText.getMessage());
    }
}
