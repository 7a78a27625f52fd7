package pena.train;

import pena.nn.TokenLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;
import pena.TestData;
import pena.TestValidation;
import pena.model.HistoryPoint;
import pena.model.ModelFile;
import pena.model.PenaModel;
import pena.nn.CellType;
import pena.nn.NetworkSpec;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every way a resumed run can end gives the best model's result and leaves an intact checkpoint;
 * one run per output; what --resume cannot change is refused; files a run finds and leaves.
 */
class TrainerResumeTest {
    private static final NetworkSpec SPEC = new NetworkSpec(TokenLevel.CHAR, CellType.LSTM, 1, 16, 0, 0, 0, 0, 5, 5e-3, 32, 1, 2);
    private static final StringWriter LOG = new StringWriter();

    private static TrainOptions options(Path out, int epochs, long steps, boolean resume, FixedOptions fixed) {
        return new TrainOptions(TestData.sample().toString(), SPEC, 16, 0.1, epochs, 0, 0, out, resume, false, steps,
                true, 0, 1, fixed);
    }

    private static Trainer.Outcome train(TrainOptions options, Validation validation) {
        return new Trainer(options, validation, new PrintWriter(LOG), false).run();
    }

    /** A finished run copied to a new name, as the reproduction does. */
    private static Path finishedRun(Path dir) throws Exception {
        Path first = dir.resolve("first");
        train(options(first, 0, 20, false, FixedOptions.none()), new TestValidation());
        Path copy = dir.resolve("copy");
        Files.copy(dir.resolve("first.zip"), dir.resolve("copy.zip"));
        Files.copy(dir.resolve("first.ckpt.zip"), dir.resolve("copy.ckpt.zip"));
        return copy;
    }

    /** Scores every evaluation point worse than the one before: a resumed run finds no new best. */
    private static Validation gettingWorse() {
        AtomicInteger calls = new AtomicInteger();
        return new Validation() {
            @Override
            public Score score(PenaModel model, pena.data.ValidationSplit split) {
                double bpc = 50 + calls.incrementAndGet();
                return new Score(bpc, Math.pow(2, bpc), "RESULT worse " + bpc);
            }

            @Override
            public String preview(PenaModel model) {
                return "";
            }
        };
    }

    @Test
    void aResumedRunThatFindsNoBetterModelEndsWithTheBestOnesResult(@TempDir Path dir) throws Exception {
        Path run = finishedRun(dir);
        PenaModel before = ModelFile.load(dir.resolve("copy.ckpt.zip"));
        String bestLine = before.training().bestResult();
        assertNotNull(bestLine);
        assertTrue(bestLine.startsWith("RESULT tokens="), bestLine);

        Trainer.Outcome outcome = train(options(run, 0, 5, true, FixedOptions.none()), gettingWorse());
        assertNull(outcome.failure());
        assertEquals(bestLine, outcome.best().resultLine(), "the best model is the one from before");
        PenaModel after = ModelFile.load(dir.resolve("copy.ckpt.zip"));
        assertEquals(before.training().history().size() + 1, after.training().history().size());
        assertEquals(bestLine, after.training().bestResult());
        assertEquals(before.training().bestValidationBpc(), after.training().bestValidationBpc());
    }

    @Test
    void aResumedRunWithItsBudgetSpentOrStoppedAtOnceTrainsNothingAndRewritesNothing(@TempDir Path dir)
            throws Exception {
        Path run = dir.resolve("run");
        train(options(run, 1, 0, false, FixedOptions.none()), new TestValidation());
        Path checkpoint = dir.resolve("run.ckpt.zip");
        byte[] bytes = Files.readAllBytes(checkpoint);
        PenaModel finished = ModelFile.load(checkpoint);

        Trainer.Outcome spent = train(options(run, 1, 0, true, FixedOptions.none()), new TestValidation());
        assertEquals(finished.training().bestResult(), spent.best().resultLine());
        assertArrayEquals(bytes, Files.readAllBytes(checkpoint), "the checkpoint is left as it was");
        for (HistoryPoint p : ModelFile.load(checkpoint).training().history()) {
            assertTrue(Double.isFinite(p.validationBpc()), "a NaN history point: " + p);
        }

        Trainer stopped = new Trainer(options(run, 5, 0, true, FixedOptions.none()), new TestValidation(),
                new PrintWriter(LOG), false);
        stopped.requestStop(); // Ctrl-C before the first window
        Trainer.Outcome atOnce = stopped.run();
        assertTrue(atOnce.interrupted());
        assertEquals(finished.training().bestResult(), atOnce.best().resultLine());
        assertArrayEquals(bytes, Files.readAllBytes(checkpoint));
    }

    @Test
    void aResumedRunThatDivergesKeepsTheBestModelAndTheCheckpoint(@TempDir Path dir) throws Exception {
        Path run = finishedRun(dir);
        Path checkpoint = dir.resolve("copy.ckpt.zip");
        PenaModel model = ModelFile.load(checkpoint);
        model.network().setParams(Nd4j.valueArrayOf(model.network().params().shape(), Float.NaN));
        ModelFile.save(model, checkpoint, true);
        byte[] poisoned = Files.readAllBytes(checkpoint);
        byte[] best = Files.readAllBytes(dir.resolve("copy.zip"));

        Trainer.Outcome outcome = train(options(run, 0, 5, true, FixedOptions.none()), new TestValidation());
        assertNotNull(outcome.failure());
        assertTrue(outcome.failure().contains("diverged") && outcome.failure().contains("copy.zip"), outcome.failure());
        assertEquals(model.training().bestResult(), outcome.best().resultLine());
        assertArrayEquals(poisoned, Files.readAllBytes(checkpoint), "no evaluation point after the divergence");
        assertArrayEquals(best, Files.readAllBytes(dir.resolve("copy.zip")));
    }

    @Test
    void optionsTheRunWasBuiltWithCannotChangeOnResume(@TempDir Path dir) throws Exception {
        Path run = finishedRun(dir);
        FixedOptions changed = new FixedOptions("word", null, null, 64, null, null, null, null, null, null, 16, null,
                null, null, null, "cosine");
        TrainingException e = assertThrows(TrainingException.class,
                () -> train(options(run, 0, 1, true, changed), new TestValidation()));
        assertTrue(e.getMessage().contains("--level word (the run has char)"), e.getMessage());
        assertTrue(e.getMessage().contains("--hidden 64 (the run has 16)"), e.getMessage());
        assertFalse(e.getMessage().contains("--batch"), "--batch 16 is what the run has: " + e.getMessage());
        assertTrue(e.getMessage().contains("--lr-schedule cosine (the run has constant)"), e.getMessage());

        FixedOptions otherCorpus = new FixedOptions(null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, dir, null);
        assertTrue(assertThrows(TrainingException.class, () -> train(options(run, 0, 1, true, otherCorpus),
                new TestValidation())).getMessage().contains("--corpus"));
    }

    @Test
    void theCheckpointNamesTheCorpusByItsAbsolutePath(@TempDir Path dir) throws Exception {
        Path run = finishedRun(dir);
        String corpus = ModelFile.load(dir.resolve("copy.ckpt.zip")).training().corpus();
        assertTrue(Path.of(corpus).isAbsolute(), corpus);
        assertEquals(TestData.sample().toAbsolutePath().normalize(), Path.of(corpus));
    }

    @Test
    void aSecondRunOnTheSameOutputIsRefusedWhileTheFirstHoldsIt(@TempDir Path dir) throws Exception {
        Path run = finishedRun(dir);
        byte[] best = Files.readAllBytes(dir.resolve("copy.zip"));
        try (RunLock held = RunLock.take(dir.resolve("copy.lock"), "the run " + run, "--out")) {
            TrainingException e = assertThrows(TrainingException.class,
                    () -> train(options(run, 0, 1, true, FixedOptions.none()), new TestValidation()));
            assertTrue(e.getMessage().contains("in use by another Pena run") && e.getMessage().contains("PID "),
                    e.getMessage());
        }
        assertArrayEquals(best, Files.readAllBytes(dir.resolve("copy.zip")));
        // released: the run goes on, and leaves no lock file behind
        assertNull(train(options(run, 0, 1, true, FixedOptions.none()), new TestValidation()).failure());
        assertFalse(Files.exists(dir.resolve("copy.lock")));
    }

    @Test
    void anUnwritableOutputIsFoundBeforeTraining(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        StringWriter log = new StringWriter();
        TrainingException e = assertThrows(TrainingException.class, () -> new Trainer(
                options(file.resolve("run"), 0, 1, false, FixedOptions.none()), new TestValidation(),
                new PrintWriter(log), false).run());
        assertTrue(e.getMessage().contains("cannot write in"), e.getMessage());
        assertTrue(log.toString().isEmpty(), "it trained first: " + log);
    }

    @Test
    void temporaryFilesOfAKilledSaveAreRemovedByTheNextRun(@TempDir Path dir) throws Exception {
        Path run = finishedRun(dir);
        Path leftover = Files.writeString(dir.resolve(".copy.ckpt.zip.4242.tmp"), "half a checkpoint");
        Path network = Files.writeString(dir.resolve(".copy.zip.network.17.tmp"), "half a network");
        Path someoneElses = Files.writeString(dir.resolve(".first.zip.99.tmp"), "not ours");
        train(options(run, 0, 1, true, FixedOptions.none()), new TestValidation());
        assertFalse(Files.exists(leftover));
        assertFalse(Files.exists(network));
        assertTrue(Files.exists(someoneElses));
    }

    @Test
    void outputsThatNameNoRunAreRefused() {
        for (String out : new String[]{"", "/", "models/.zip"}) {
            assertThrows(TrainingException.class, () -> options(Path.of(out), 0, 1, false, FixedOptions.none()), out);
        }
    }

    @Test
    void aResumedRunContinuesTheScheduleWhereItStood(@TempDir Path dir) {
        java.util.function.BiFunction<Path, long[], java.util.List<Double>> rates = (out, steps) -> {
            java.util.List<Double> seen = new java.util.ArrayList<>();
            for (int k = 0; k < steps.length; k++) {
                TrainOptions options = new TrainOptions(TestData.sample().toString(), SPEC, 16, 0.1, 1, 0, 0, out, k > 0,
                        false, steps[k], true, 0, 1, FixedOptions.none(), LearningRateSchedule.Kind.COSINE, 0);
                Trainer trainer = new Trainer(options, new TestValidation(), new PrintWriter(LOG), false);
                trainer.observeLearningRates(seen::add);
                trainer.run();
            }
            return seen;
        };
        java.util.List<Double> straight = rates.apply(dir.resolve("straight"), new long[] {10});
        java.util.List<Double> resumed = rates.apply(dir.resolve("resumed"), new long[] {4, 6});
        assertEquals(10, straight.size());
        assertEquals(straight, resumed);
        assertTrue(straight.get(0) < straight.get(9), "warming up: " + straight);
    }

    @Test
    void checkpointsComeAtTheirIntervalBetweenEvaluationPoints(@TempDir Path dir) {
        Path out = dir.resolve("longo");
        // an evaluation point a day away; a checkpoint after every window
        TrainOptions options = new TrainOptions(TestData.sample().toString(), SPEC, 16, 0.1, 1, 0, 86_400, out, false,
                false, 6, true, 0, 1, FixedOptions.none(), LearningRateSchedule.Kind.COSINE, 1e-9);
        Trainer trainer = new Trainer(options, new TestValidation(), new PrintWriter(LOG), false);
        java.util.List<Boolean> checkpointBefore = new java.util.ArrayList<>();
        trainer.observeWindows(w -> checkpointBefore.add(Files.exists(options.checkpoint())));
        trainer.run();
        assertEquals(java.util.List.of(false, true, true, true, true, true), checkpointBefore);
        PenaModel saved = ModelFile.load(options.checkpoint(), true);
        assertEquals(6, saved.training().window(), "the last checkpoint is the run's end (its evaluation point)");
        assertEquals("cosine", saved.training().schedule());
    }
}
