package pena.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pena.TestModels;
import pena.model.ModelFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static pena.cli.CliTest.pena;

/** Mistakes a user makes that once gave a stack trace or an internal error: one line each now. */
class UserMistakesTest {

    @Test
    void valuesThatCannotWorkAreRefused(@TempDir Path dir) {
        String out = dir.resolve("m").toString();
        pena("train", "--corpus", "amostra", "--l2", "Infinity", "--out", out).failsWithOneLine(2, "--l2");
        pena("train", "--corpus", "amostra", "--l2", "NaN", "--out", out).failsWithOneLine(2, "--l2");
        pena("train", "--corpus", "amostra", "--clip", "Infinity", "--out", out).failsWithOneLine(2, "--clip");
        pena("train", "--corpus", "amostra", "--minutes", "Infinity", "--out", out).failsWithOneLine(2, "--minutes");
        pena("train", "--corpus", "amostra", "--minutes", "NaN", "--out", out).failsWithOneLine(2, "--minutes");
        pena("train", "--corpus", "amostra", "--eval-every", "-5", "--out", out).failsWithOneLine(2, "--eval-every");
        pena("train", "--corpus", "amostra", "--eval-every", "Infinity", "--out", out).failsWithOneLine(2, "--eval-every");
        pena("serve", "--model", "x.zip", "--idle-timeout", "0").failsWithOneLine(2, "--idle-timeout");
        // compare shares train's options and their checks
        String report = dir.resolve("r").toString();
        pena("compare", "--corpus", "amostra", "--minutes", "Infinity", "--report", report).failsWithOneLine(2, "--minutes");
        pena("compare", "--corpus", "amostra", "--epochs", "1", "--val-fraction", "0.9", "--report", report)
                .failsWithOneLine(2, "--val-fraction");
        pena("compare", "--corpus", "amostra", "--epochs", "1", "--level", "frase", "--report", report)
                .failsWithOneLine(2, "--level must be char or word");
        assertFalse(Files.exists(dir.resolve("m.zip")));
    }

    @Test
    void outputsThatNameNoRunAreRefusedAndWriteNothing(@TempDir Path dir) throws IOException {
        pena("train", "--corpus", "amostra", "--out", "/").failsWithOneLine(2, "names no run");
        pena("train", "--corpus", "amostra", "--out", "").failsWithOneLine(2, "names no run");
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        pena("train", "--corpus", "amostra", "--out", file.resolve("m").toString())
                .failsWithOneLine(1, "cannot write in");
        pena("compare", "--corpus", "amostra", "--cells", "lstm", "--epochs", "1", "--report",
                file.resolve("report").toString()).failsWithOneLine(1, "cannot write in");
    }

    @Test
    void aReportInUseIsRefusedAtOnce(@TempDir Path dir) {
        Path report = dir.resolve("r");
        try (pena.train.RunLock held = pena.train.RunLock.take(report.resolve("compare.lock"), "the report " + report,
                "--report")) {
            pena("compare", "--corpus", "amostra", "--cells", "lstm", "--epochs", "1", "--report", report.toString())
                    .failsWithOneLine(1, "in use by another Pena run");
        }
    }

    @Test
    void resumeRefusesWhatTheRunCannotChange(@TempDir Path dir) {
        String out = dir.resolve("m").toString();
        CliTest.Run first = pena("train", "--corpus", "amostra", "--layers", "1", "--hidden", "16", "--max-steps", "2",
                "--out", out);
        first.code();
        pena("train", "--resume", "--out", out, "--level", "word").failsWithOneLine(1, "--level word (the run has char)");
        pena("train", "--resume", "--out", out, "--cell", "gru").failsWithOneLine(1, "--cell gru (the run has lstm)");
        // the same command again is fine
        CliTest.Run same = pena("train", "--corpus", "amostra", "--layers", "1", "--hidden", "16", "--max-steps", "2",
                "--out", out, "--resume");
        org.junit.jupiter.api.Assertions.assertEquals(0, same.code(), same.err());
    }

    @Test
    void modelsGivenWronglyAreOneLine(@TempDir Path dir) throws IOException {
        pena("sample", "--model", dir.toString()).failsWithOneLine(1, "is a folder, not a model file");
        pena("serve", "--model", dir.toString()).failsWithOneLine(1, "is a folder, not a model file");
        Path model = dir.resolve("casa.zip");
        ModelFile.save(TestModels.untrained("A casa amarela.", 1, 8), model, false);
        pena("serve", "--model", model.toString(), "--host", "no.such.host.invalid")
                .failsWithOneLine(1, "--host no.such.host.invalid: no such address");
        // without --model the page must be able to train its first: not beyond this machine without --allow-training
        pena("serve", "--host", "0.0.0.0", "--port", "0", "--models-dir", dir.resolve("m").toString())
                .failsWithOneLine(1, "no model to serve: give --model FILE, or --allow-training");
    }
}
