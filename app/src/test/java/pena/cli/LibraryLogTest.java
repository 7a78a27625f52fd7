package pena.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pena.TestModels;
import pena.model.ModelFile;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A command's own output comes first: ND4J's start-up report only with --verbose or PENA_VERBOSE. */
class LibraryLogTest {

    private static String run(boolean verboseVariable, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(PenaProcess.command("512m", args)).redirectErrorStream(true);
        builder.environment().remove(Main.VERBOSE_VARIABLE);
        if (verboseVariable) {
            builder.environment().put(Main.VERBOSE_VARIABLE, "1");
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    @Test
    void librariesAreQuietUnlessAsked(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("casa.zip");
        ModelFile.save(TestModels.untrained("A casa amarela ficava no fim da rua.", 1, 8), model, false);
        String quiet = run(false, "sample", "--model", model.toString(), "--length", "5", "--seed", "1");
        assertFalse(quiet.contains("INFO") || quiet.contains("SLF4J"), quiet);
        assertEquals(2, quiet.strip().lines().count(), "the sample and its timing line:\n" + quiet);

        String verbose = run(false, "sample", "--verbose", "--model", model.toString(), "--length", "5", "--seed", "1");
        assertTrue(verbose.contains("INFO org.nd4j"), verbose);
        assertTrue(run(true, "sample", "--model", model.toString(), "--length", "5").contains("INFO org.nd4j"));
    }
}
