package pena.train;

import pena.nn.TokenLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pena.TestData;
import pena.TestValidation;
import pena.corpus.Corpus;
import pena.corpus.CorpusSplit;
import pena.corpus.CorpusStats;
import pena.corpus.Document;
import pena.model.ModelFile;
import pena.model.PenaModel;
import pena.nn.CellType;
import pena.nn.NetworkSpec;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** End to end on the bundled sample: a small LSTM must beat the unigram entropy of the corpus. */
class TrainerTest {
    private static final Validation EXACT = new TestValidation();

    private static TrainOptions options(Path out, long steps, boolean resume) {
        NetworkSpec spec = new NetworkSpec(TokenLevel.CHAR, CellType.LSTM, 2, 64, 0, 0, 0, 0, 5, 5e-3, 32, 1, 2);
        return new TrainOptions(TestData.sample().toString(), spec, 32, 0.1, 0, 0, 0, out, resume, false, steps, true);
    }

    @Test
    void learnsTheSampleBelowItsUnigramEntropyThenResumes(@TempDir Path dir) {
        Path out = dir.resolve("amostra");
        StringWriter log = new StringWriter();
        Trainer.Outcome outcome = new Trainer(options(out, 240, false), EXACT, new PrintWriter(log), false).run();

        Corpus corpus = Corpus.read(TestData.sample());
        Corpus validation = new Corpus("v", CorpusSplit.of(corpus, 0.1).validation());
        double unigram = CorpusStats.of(validation).unigramBitsPerChar();
        double bpc = outcome.best().bitsPerCharacter();
        assertTrue(bpc < unigram, "validation BPC " + bpc + " is not below the unigram entropy " + unigram + "\n" + log);
        assertTrue(Files.exists(out.resolveSibling("amostra.zip")));
        assertTrue(Files.exists(out.resolveSibling("amostra.ckpt.zip")));

        PenaModel checkpoint = ModelFile.load(out.resolveSibling("amostra.ckpt.zip"));
        long tokensBefore = checkpoint.training().tokensSeen();
        int pointsBefore = checkpoint.training().history().size();
        assertTrue(tokensBefore > 0);

        new Trainer(options(out, 3, true), EXACT, new PrintWriter(new StringWriter()), false).run();
        PenaModel resumed = ModelFile.load(out.resolveSibling("amostra.ckpt.zip"));
        assertEquals(tokensBefore + 3L * 32 * 32, resumed.training().tokensSeen(), 32 * 32 * 3 / 2.0,
                "resume continues counting from the checkpoint");
        assertEquals(pointsBefore + 1, resumed.training().history().size());
        assertEquals(checkpoint.spec(), resumed.spec());
    }

    @Test
    void aNewRunRefusesToOverwriteAnExistingOneAndResumeNeedsACheckpoint(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        Files.writeString(dir.resolve("run.zip"), "precious");
        TrainingException exists = assertThrows(TrainingException.class,
                () -> new Trainer(options(out, 1, false), EXACT, new PrintWriter(new StringWriter()), false).run());
        assertTrue(exists.getMessage().contains("--resume"), exists.getMessage());
        assertEquals("precious", Files.readString(dir.resolve("run.zip")));

        TrainingException none = assertThrows(TrainingException.class,
                () -> new Trainer(options(dir.resolve("other"), 1, true), EXACT, new PrintWriter(new StringWriter()), false).run());
        assertTrue(none.getMessage().contains("no checkpoint"), none.getMessage());
    }

    @Test
    void aCorpusShorterThanOneWindowIsRefused(@TempDir Path dir) throws Exception {
        Path tiny = Files.writeString(dir.resolve("curto.txt"), "Olá, mundo.");
        NetworkSpec spec = new NetworkSpec(TokenLevel.CHAR, CellType.LSTM, 1, 8, 0, 0, 0, 0, 5, 2e-3, 64, 1, 2);
        TrainOptions options = new TrainOptions(tiny.toString(), spec, 4, 0.1, 1, 0, 0, dir.resolve("m"), false, false, 0, true);
        TrainingException e = assertThrows(TrainingException.class,
                () -> new Trainer(options, EXACT, new PrintWriter(new StringWriter()), false).run());
        assertTrue(e.getMessage().contains("fewer than one training window"), e.getMessage());
    }

    @Test
    void documentsAreKeptApartInTheSplit() {
        Corpus corpus = Corpus.read(TestData.sample());
        assertTrue(corpus.documents().size() >= 5);
        for (Document document : CorpusSplit.of(corpus, 0.1).validation()) {
            assertTrue(document.codePointLength() > 100, document.name());
        }
    }
}
