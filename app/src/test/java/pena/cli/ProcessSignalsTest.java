package pena.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pena.TestModels;
import pena.model.ModelFile;
import pena.model.PenaModel;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pena as scripts, systemd and CI run it: a real process, stopped by its PID. The process that
 * starts is the one that works (no second JVM behind it), SIGTERM and SIGINT stop a training run
 * with its checkpoint saved and stop the page, and SIGKILL leaves nothing behind.
 */
class ProcessSignalsTest {
    private static final long WAIT_SECONDS = 90;
    private final List<ProcessHandle> started = new ArrayList<>();

    /** Whatever a failed test left running is killed. */
    @AfterEach
    void killLeftovers() {
        for (ProcessHandle p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    /**
     * A Pena process started the way a user starts it, its output in files.
     *
     * @param process what was started: Pena itself, or the shell that started Pena in the background
     * @param pena    Pena's own process
     */
    private record Launched(Process process, ProcessHandle pena, Path out, Path err) {
        String stdout() throws IOException {
            return Files.readString(out);
        }

        String log() throws IOException {
            return "stdout:\n" + Files.readString(out) + "\nstderr:\n" + Files.readString(err);
        }

        /** Waits until stdout contains {@code text}; fails with the output if the process ends first. */
        void awaitOutput(String text) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (!stdout().contains(text)) {
                assertTrue(process.isAlive(), "ended before printing '" + text + "': " + log());
                assertTrue(System.nanoTime() < deadline, "no '" + text + "' in time: " + log());
                Thread.sleep(100);
            }
        }

        int awaitExit() throws Exception {
            assertTrue(process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS), "still running: " + log());
            return process.exitValue();
        }

        void signal(String name) throws Exception {
            Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(pena.pid())).inheritIO().start();
            assertEquals(0, kill.waitFor());
        }
    }

    private static List<String> javaCommand(String... args) {
        return PenaProcess.command("1g", args);
    }

    private Launched pena(Path dir, String name, String... args) throws IOException {
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        ProcessBuilder builder = new ProcessBuilder(javaCommand(args)).redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().remove(Main.VERBOSE_VARIABLE);
        Process process = builder.start();
        started.add(process.toHandle());
        return new Launched(process, process.toHandle(), out, err);
    }

    /**
     * Pena started in the background by a shell script ({@code pena … &}): the shell starts it
     * with SIGINT ignored. The shell waits for it and exits with its status.
     */
    private Launched penaInBackground(Path dir, String name, String... args) throws Exception {
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        Path pid = dir.resolve(name + ".pid");
        StringBuilder script = new StringBuilder();
        for (String word : javaCommand(args)) {
            script.append('\'').append(word.replace("'", "'\\''")).append("' ");
        }
        script.append("& echo $! > '").append(pid).append("'; wait $!");
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", script.toString()).redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().remove(Main.VERBOSE_VARIABLE);
        Process shell = builder.start();
        started.add(shell.toHandle());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ((!Files.exists(pid) || Files.readString(pid).isBlank()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        ProcessHandle pena = ProcessHandle.of(Long.parseLong(Files.readString(pid).trim())).orElseThrow();
        started.add(pena);
        return new Launched(shell, pena, out, err);
    }

    private static String[] training(Path out) {
        return new String[]{"train", "--corpus", "corpora/amostra", "--layers", "1", "--hidden", "16", "--minutes", "10",
                "--out", out.toString()};
    }

    @Test
    void termAndIntStopTrainingWithItsCheckpointSavedAndResumable(@TempDir Path dir) throws Exception {
        for (String signal : List.of("TERM", "INT")) {
            Path run = dir.resolve("run-" + signal);
            // SIGINT as a script sends it to a Pena it started in the background
            Launched pena = signal.equals("INT") ? penaInBackground(dir, signal, training(run))
                    : pena(dir, signal, training(run));
            pena.awaitOutput("epoch 1 ");
            assertEquals(0, pena.pena().descendants().count(), "the started process has a child doing the work");
            if (signal.equals("TERM")) {
                // meanwhile a second run on the same --out is refused at once, naming the first
                List<String> again = new ArrayList<>(List.of(training(run)));
                again.addAll(List.of("--max-steps", "1")); // bounded, should the lock ever fail
                CliTest.Run second = CliTest.pena(again.toArray(String[]::new));
                second.failsWithOneLine(1, "in use by another Pena run (PID " + pena.pena().pid());
            }
            pena.signal(signal);
            int code = pena.awaitExit();
            assertEquals(signal.equals("TERM") ? 143 : 130, code, pena.log());
            assertTrue(pena.stdout().contains("stopped: checkpoint"), pena.log());
            assertTrue(pena.stdout().contains("RESULT tokens="), pena.log());
            PenaModel checkpoint = ModelFile.load(run.resolveSibling(run.getFileName() + ".ckpt.zip"));
            long tokens = checkpoint.training().tokensSeen();
            assertTrue(tokens > 0, "the checkpoint holds the training so far");

            CliTest.Run resumed = CliTest.pena("train", "--resume", "--out", run.toString(), "--minutes", "10",
                    "--max-steps", "2");
            assertEquals(0, resumed.code(), resumed.err());
            assertTrue(resumed.out().contains("resuming"), resumed.out());
            assertTrue(ModelFile.load(run.resolveSibling(run.getFileName() + ".ckpt.zip")).training().tokensSeen() > tokens);
        }
    }

    @Test
    void killNineLeavesNoProcessAndNoStuckLock(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        Launched pena = pena(dir, "kill9", training(run));
        pena.awaitOutput("epoch 1 ");
        List<ProcessHandle> tree = new ArrayList<>(pena.process().descendants().toList());
        tree.add(pena.process().toHandle());
        pena.process().destroyForcibly();
        pena.awaitExit();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (tree.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(tree.stream().noneMatch(ProcessHandle::isAlive), "left running: " + tree);
        // the killed run's lock went with it: a new run on that output starts
        CliTest.Run again = CliTest.pena("train", "--corpus", "corpora/amostra", "--layers", "1", "--hidden", "16",
                "--out", run.toString(), "--force", "--max-steps", "2", "--minutes", "1");
        assertEquals(0, again.code(), again.err());
    }

    @Test
    void termAndIntStopThePage(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("casa.zip");
        ModelFile.save(TestModels.untrained("A casa amarela ficava no fim da rua.", 1, 8), model, false);
        for (String signal : List.of("TERM", "INT")) {
            Launched pena = signal.equals("INT") ? penaInBackground(dir, "serve-" + signal, "serve", "--model",
                    model.toString(), "--port", "0") : pena(dir, "serve-" + signal, "serve", "--model", model.toString(),
                    "--port", "0");
            pena.awaitOutput("(Ctrl-C stops it)");
            Matcher m = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/").matcher(pena.stdout());
            assertTrue(m.find(), pena.log());
            int port = Integer.parseInt(m.group(1));
            HttpResponse<String> models = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/models")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, models.statusCode());
            assertEquals(0, pena.pena().descendants().count(), "the started process has a child doing the work");
            pena.signal(signal);
            assertEquals(signal.equals("TERM") ? 143 : 130, pena.awaitExit(), pena.log());
            assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close(), "still listening");
        }
    }
}
