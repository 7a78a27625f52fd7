package pena.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pena.TestData;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every command as a user runs it: exit codes, one-line errors, and the happy path. */
class CliTest {

    record Run(int code, String out, String err) {
        void failsWithOneLine(int expectedCode, String fragment) {
            assertEquals(expectedCode, code, "exit code; err: " + err + " out: " + out);
            assertEquals(1, err.strip().lines().count(), "one line expected:\n" + err);
            assertTrue(err.startsWith("pena: "), err);
            assertTrue(err.contains(fragment), "'" + fragment + "' not in: " + err);
        }
    }

    static Run pena(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void badCorporaGetOneClearLine(@TempDir Path dir) throws IOException {
        String out = dir.resolve("m").toString();
        pena("train", "--corpus", dir.resolve("nada.txt").toString(), "--out", out)
                .failsWithOneLine(1, "nada.txt: no such file or folder");

        Path latin1 = Files.write(dir.resolve("latin.txt"), "Ação e coração".getBytes(StandardCharsets.ISO_8859_1));
        pena("train", "--corpus", latin1.toString(), "--out", out).failsWithOneLine(1, "iconv -f latin1 -t utf-8");

        Path empty = Files.writeString(dir.resolve("vazio.txt"), "");
        pena("train", "--corpus", empty.toString(), "--out", out).failsWithOneLine(1, "empty");
        // a refused run leaves no folder it made: neither --out's nor compare's --report
        pena("train", "--corpus", empty.toString(), "--out", dir.resolve("novos/m").toString())
                .failsWithOneLine(1, "empty");
        assertTrue(Files.notExists(dir.resolve("novos")), "train left its --out folder");
        pena("compare", "--corpus", empty.toString(), "--minutes", "0.1", "--report", dir.resolve("relatorio").toString())
                .failsWithOneLine(1, "empty");
        assertTrue(Files.notExists(dir.resolve("relatorio")), "compare left its --report folder");

        Path binary = Files.write(dir.resolve("x.txt"), new byte[]{0x50, 0x4b, 3, 4, 0, 0, 1, 2});
        pena("train", "--corpus", binary.toString(), "--out", out).failsWithOneLine(1, "binary");

        Path shortText = Files.writeString(dir.resolve("curto.txt"), "Bom dia, Capitu.");
        pena("train", "--corpus", shortText.toString(), "--out", out).failsWithOneLine(1, "fewer than one training window");
        assertTrue(Files.notExists(dir.resolve("m.zip")));
    }

    @Test
    void badOptionsGetOneClearLineAndExitCode2() {
        pena("train", "--corpus", "amostra", "--epochs", "1", "--minutes", "1").failsWithOneLine(2, "not both");
        pena("train", "--corpus", "amostra", "--cell", "transformer").failsWithOneLine(2, "unknown cell 'transformer'");
        pena("train", "--corpus", "amostra", "--layers", "0").failsWithOneLine(2, "--layers");
        pena("train", "--corpus", "amostra", "--hidden", "muitos").failsWithOneLine(2, "--hidden");
        pena("sample").failsWithOneLine(2, "--model");
    }

    @Test
    void badModelFilesGetOneClearLine(@TempDir Path dir) throws IOException {
        pena("sample", "--model", dir.resolve("none.zip").toString()).failsWithOneLine(1, "no such model file");
        Path junk = Files.writeString(dir.resolve("junk.zip"), "PK nonsense");
        pena("evaluate", "--model", junk.toString()).failsWithOneLine(1, "not a Pena model");
    }

    @Test
    void thePlainRnnTrainsResumesSamplesAndShowsItsMemory(@TempDir Path dir) throws IOException {
        String out = dir.resolve("rnn").toString();
        Run train = pena("train", "--corpus", TestData.sample().toString(), "--cell", "rnn", "--layers", "2",
                "--hidden", "24", "--batch", "8", "--tbptt", "16", "--max-steps", "4", "--out", out);
        assertEquals(0, train.code(), train.err());
        assertTrue(train.out().contains("training char rnn 2x24"), train.out());
        Run resumed = pena("train", "--corpus", TestData.sample().toString(), "--cell", "rnn", "--layers", "2",
                "--hidden", "24", "--batch", "8", "--tbptt", "16", "--max-steps", "8", "--out", out, "--resume");
        assertEquals(0, resumed.code(), resumed.err());
        String model = out + ".zip";
        Run sample = pena("sample", "--model", model, "--prime", "Era", "--length", "30", "--seed", "2");
        assertEquals(0, sample.code(), sample.err());
        assertTrue(sample.out().startsWith("Era"), sample.out());
        Run evaluate = pena("evaluate", "--model", model);
        assertEquals(0, evaluate.code(), evaluate.err());
        assertTrue(evaluate.out().lines().anyMatch(l -> l.startsWith("RESULT tokens=")), evaluate.out());
        Path csv = dir.resolve("memoria.csv");
        Path png = dir.resolve("memoria.png");
        Run memory = pena("inspect", "--model", model, "--text", "Era uma vez uma casa.", "--memory", "--at", "13",
                "--positions", "8", "--window", "20", "--csv", csv.toString(), "--png", png.toString());
        assertEquals(0, memory.code(), memory.err());
        assertTrue(memory.out().contains("what shaped the prediction of 'u'"), memory.out());
        assertTrue(memory.out().contains("share of the influence beyond"), memory.out());
        List<String> rows = Files.readAllLines(csv);
        assertEquals("distance,token,influence,mean_influence", rows.get(0));
        assertEquals(21, rows.size(), "one row per distance up to the window");
        assertTrue(rows.get(1).startsWith("1,\" \","), rows.get(1));
        assertTrue(Files.size(png) > 1000);
        pena("inspect", "--model", model, "--text", "Era", "--memory", "--at", "1").failsWithOneLine(2, "--at");
    }

    @Test
    void trainSampleEvaluateOnTheSample(@TempDir Path dir) throws IOException {
        String out = dir.resolve("demo").toString();
        Run train = pena("train", "--corpus", TestData.sample().toString(), "--layers", "1", "--hidden", "32",
                "--batch", "16", "--tbptt", "32", "--max-steps", "8", "--out", out);
        assertEquals(0, train.code(), train.err());
        String result = train.out().lines().filter(l -> l.startsWith("RESULT ")).findFirst().orElseThrow();
        assertTrue(result.matches("RESULT tokens=\\d+ chars=\\d+ nats_per_token=[\\d.]+ perplexity=[\\d.]+ bpc=[\\d.]+ "
                + "oov_rate=[\\d.]+ chars_per_s=\\d+ params=\\d+"), result);

        String model = dir.resolve("demo.zip").toString();
        Run first = pena("sample", "--model", model, "--prime", "Era uma vez", "--length", "80", "--seed", "9");
        Run second = pena("sample", "--model", model, "--prime", "Era uma vez", "--length", "80", "--seed", "9");
        assertEquals(0, first.code(), first.err());
        assertEquals(first.out(), second.out());
        assertTrue(first.out().startsWith("Era uma vez"));
        assertTrue(first.err().contains("ms per character"));

        pena("sample", "--model", model, "--prime", "Olá ☃").failsWithOneLine(1, "'☃'");
        pena("sample", "--model", model, "--top-p", "0").failsWithOneLine(1, "--top-p");

        Run evaluate = pena("evaluate", "--model", model);
        assertEquals(0, evaluate.code(), evaluate.err());
        assertTrue(evaluate.out().lines().anyMatch(l -> l.startsWith("RESULT tokens=")), evaluate.out());

        byte[] before = Files.readAllBytes(dir.resolve("demo.zip"));
        pena("train", "--corpus", TestData.sample().toString(), "--out", out).failsWithOneLine(1, "--resume");
        assertTrue(Arrays.equals(before, Files.readAllBytes(dir.resolve("demo.zip"))), "an existing model was touched");
    }

    @Test
    void wordLevelTrainsSamplesWithoutUnknownsAndReportsOov(@TempDir Path dir) {
        String out = dir.resolve("palavras").toString();
        Run train = pena("train", "--corpus", TestData.sample().toString(), "--level", "word", "--lowercase",
                "--max-vocab", "300", "--embedding", "16", "--layers", "1", "--hidden", "24", "--batch", "8",
                "--tbptt", "16", "--max-steps", "6", "--out", out);
        assertEquals(0, train.code(), train.err());
        assertTrue(train.out().contains("validation out-of-vocabulary rate"), train.out());
        String result = train.out().lines().filter(l -> l.startsWith("RESULT ")).findFirst().orElseThrow();
        double oov = Double.parseDouble(result.replaceAll(".*oov_rate=([\\d.]+).*", "$1"));
        assertTrue(oov > 0.05 && oov < 0.9, "300 words leave some of the sample out: " + result);
        assertTrue(result.contains("tokens_per_s="), result);

        String model = dir.resolve("palavras.zip").toString();
        Run sample = pena("sample", "--model", model, "--prime", "A Zebedeia disse", "--length", "60", "--seed", "4");
        assertEquals(0, sample.code(), sample.err());
        assertTrue(sample.err().contains("does not know 'zebedeia'"), sample.err());
        assertTrue(!sample.out().contains("<unk>"), sample.out());
        assertTrue(sample.err().contains("60 tokens"), sample.err());

        Run evaluate = pena("evaluate", "--model", model);
        assertEquals(0, evaluate.code(), evaluate.err());
        assertTrue(evaluate.out().contains("oov_rate=" + result.replaceAll(".*oov_rate=([\\d.]+).*", "$1")),
                "evaluate and train agree on the validation OOV rate:\n" + evaluate.out() + "\n" + result);
    }

    @Test
    void corpusListAndStats() {
        Run list = pena("corpus", "list");
        assertEquals(0, list.code());
        assertTrue(list.out().contains("amostra"), list.out());
        assertTrue(list.out().contains("domcasmurro"), list.out());
        Run stats = pena("corpus", "stats", "amostra");
        assertEquals(0, stats.code(), stats.err());
        assertTrue(stats.out().contains("unigram entropy"), stats.out());
        pena("corpus", "fetch", "nao-existe").failsWithOneLine(1, "not in the catalog");
    }
}
