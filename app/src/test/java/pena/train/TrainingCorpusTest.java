package pena.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pena.TestData;
import pena.data.CorpusPreparer;
import pena.data.PreparationSettings;
import pena.data.Window;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cache of prepared corpora: used while the sources stay as they were, rebuilt when they change. */
class TrainingCorpusTest {
    private static final PreparationSettings CHARS = new PreparationSettings("char", Integer.MAX_VALUE, 1, 0.1);

    private static Path corpus(Path dir) throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("textos"));
        Files.writeString(corpus.resolve("a.txt"), "A menina leu o livro inteiro numa tarde de chuva.\n".repeat(40));
        Files.writeString(corpus.resolve("b.txt"), "O barco desceu o rio devagar, sem pressa nenhuma.\n".repeat(40));
        return corpus;
    }

    @Test
    void theCacheIsUsedWhileTheSourcesStayAndRebuiltWhenTheyChange(@TempDir Path dir) throws Exception {
        String previous = System.getProperty("pena.cache");
        System.setProperty("pena.cache", dir.resolve("cache").toString());
        try {
            Path corpus = corpus(dir);
            StringWriter log = new StringWriter();
            TrainingCorpus corpora = new TrainingCorpus(new PrintWriter(log, true), false, 0);
            TrainingData first = corpora.load(corpus, CHARS, null, 4, 16);
            assertTrue(log.toString().contains("preparing " + corpus + " once"), log.toString());
            TrainingData again = corpora.load(corpus, CHARS, null, 4, 16);
            assertTrue(log.toString().contains("corpus prepared earlier"), log.toString());
            assertEquals(first.vocabulary().symbols(), again.vocabulary().symbols());
            TrainingData memory = new TrainingCorpus(new PrintWriter(new StringWriter()), false, Long.MAX_VALUE)
                    .load(corpus, CHARS, null, 4, 16);
            Iterator<Window> cached = again.streams().iterator();
            for (Window w : memory.streams()) {
                assertArrayEquals(w.inputs(), cached.next().inputs());
            }
            assertEquals(memory.validationTexts(), again.validationTexts());

            Files.writeString(corpus.resolve("a.txt"), "Xadrez!\n" + Files.readString(corpus.resolve("a.txt")));
            TrainingData changed = corpora.load(corpus, CHARS, null, 4, 16);
            assertTrue(log.toString().contains("the corpus changed (1 file(s) changed, 0 added, 0 removed"),
                    log.toString());
            assertTrue(changed.vocabulary().contains("X"), "rebuilt from the changed source");
            assertFalse(first.vocabulary().contains("X"));

            Path cache = TrainingCorpus.cacheRoot().resolve(TrainingCorpus.cacheName(corpus, CHARS));
            Files.writeString(cache.resolve("prepared.json"), "{ \"format\": 1, \"level\": ");
            corpora.load(corpus, CHARS, null, 4, 16);
            assertTrue(log.toString().contains("the cached corpus is unusable"), log.toString());
        } finally {
            if (previous == null) {
                System.clearProperty("pena.cache");
            } else {
                System.setProperty("pena.cache", previous);
            }
        }
    }

    @Test
    void aPreparedFolderIsReadAsItIsAndRefusedWhenItsSourceChangedOrTheLevelDiffers(@TempDir Path dir) throws Exception {
        Path corpus = corpus(dir);
        Path prepared = dir.resolve("preparado");
        new CorpusPreparer(CHARS).prepare(corpus, prepared, (a, b, c, d, e) -> { });
        TrainingCorpus corpora = new TrainingCorpus(new PrintWriter(new StringWriter()), false);
        assertEquals(16, corpora.load(prepared, CHARS, null, 4, 16).streams().windowLength());
        TrainingException level = assertThrows(TrainingException.class, () -> corpora.load(prepared,
                new PreparationSettings("word", 10_000, 1, 0.1), null, 4, 16));
        assertTrue(level.getMessage().contains("prepared at level char"), level.getMessage());
        Files.writeString(corpus.resolve("b.txt"), "outra coisa\n", StandardOpenOption.APPEND);
        TrainingException stale = assertThrows(TrainingException.class, () -> corpora.load(prepared, CHARS, null, 4, 16));
        assertTrue(stale.getMessage().contains("b.txt changed since it was prepared"), stale.getMessage());
    }

    @Test
    void aResumedRunOnAPreparedCorpusContinuesAtItsWindow(@TempDir Path dir) throws Exception {
        Path prepared = dir.resolve("amostra-preparada");
        new CorpusPreparer(CHARS).prepare(TestData.sample(), prepared, (a, b, c, d, e) -> { });
        pena.nn.NetworkSpec spec = new pena.nn.NetworkSpec(pena.nn.TokenLevel.CHAR, pena.nn.CellType.LSTM, 1, 16, 0,
                0, 0, 0, 5, 5e-3, 32, 1, 2);
        Path out = dir.resolve("run");
        java.util.List<Integer> seen = new java.util.ArrayList<>();
        Trainer first = new Trainer(new TrainOptions(prepared.toString(), spec, 8, 0.1, 0, 0, 0, out, false, false, 7,
                true), new pena.TestValidation(), new PrintWriter(new StringWriter()), false);
        first.observeWindows(w -> seen.add(w.index()));
        first.run();
        Trainer resumed = new Trainer(new TrainOptions(prepared.toString(), spec, 8, 0.1, 0, 0, 0, out, true, false, 3,
                true), new pena.TestValidation(), new PrintWriter(new StringWriter()), false);
        resumed.observeWindows(w -> seen.add(w.index()));
        resumed.run();
        assertEquals(java.util.List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), seen);
    }
}
