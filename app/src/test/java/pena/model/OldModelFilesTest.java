package pena.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pena.TestValidation;
import pena.generate.Sampler;
import pena.generate.SamplingOptions;
import pena.nn.CellType;
import pena.nn.NetworkSpec;
import pena.nn.TokenLevel;
import pena.train.FixedOptions;
import pena.train.TrainOptions;
import pena.train.Trainer;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Model files from an earlier Pena (fixtures/README.md says which) load, sample exactly what
 * that Pena sampled, and a checkpoint of that time resumes.
 */
class OldModelFilesTest {
    private static final String LSTM_SAMPLE = "A casa tQl 6\"RoIã0n5Odi—H5Fçre?Dô8P:êZózAUuMlsJ6Re6ÉTxP?4Idn 3ÔqO?P";
    private static final String GRU_SAMPLE = "A casa tQl!6\"RoIç1n5Odj—I6Fésf?Dô9P;êZó«AUvMltJ7Rf7ÉT«P?4Ieo 4àrO?P";

    private static Path fixture(Path dir, String name) throws Exception {
        try (InputStream in = OldModelFilesTest.class.getResourceAsStream("fixtures/" + name)) {
            Path file = dir.resolve(name);
            Files.copy(in, file);
            return file;
        }
    }

    private static String sample(PenaModel model) {
        return "A casa " + new Sampler(model).generate("A casa ", 60, new SamplingOptions(0.8, 0, 1.0, 11), s -> { });
    }

    @Test
    void modelsOfAnEarlierVersionLoadAndSampleTheSameText(@TempDir Path dir) throws Exception {
        PenaModel lstm = ModelFile.load(fixture(dir, "lstm-session5.zip"));
        assertEquals(CellType.LSTM, lstm.spec().cell());
        assertEquals(TokenLevel.CHAR, lstm.spec().level());
        assertEquals(LSTM_SAMPLE, sample(lstm));
        PenaModel gru = ModelFile.load(fixture(dir, "gru-session5.zip"));
        assertEquals(CellType.GRU, gru.spec().cell());
        assertEquals(GRU_SAMPLE, sample(gru));
    }

    @Test
    void aCheckpointOfAnEarlierVersionResumes(@TempDir Path dir) throws Exception {
        fixture(dir, "lstm-session5.zip");
        fixture(dir, "lstm-session5.ckpt.zip");
        PenaModel before = ModelFile.load(dir.resolve("lstm-session5.ckpt.zip"));
        assertNull(before.training().bestResult(), "written before the best result was kept");
        NetworkSpec spec = before.spec();
        TrainOptions resume = new TrainOptions("corpora/amostra", spec, before.training().batch(), 0.1, 0, 0, 0,
                dir.resolve("lstm-session5"), true, false, 2, true, 0, 1, FixedOptions.none());
        Trainer.Outcome outcome = new Trainer(resume, new TestValidation(), new PrintWriter(new StringWriter()), false)
                .run();
        assertNull(outcome.failure());
        assertTrue(outcome.best().resultLine().startsWith("RESULT tokens="), outcome.best().resultLine());
        assertTrue(ModelFile.load(dir.resolve("lstm-session5.ckpt.zip")).training().tokensSeen()
                > before.training().tokensSeen());
    }
}
