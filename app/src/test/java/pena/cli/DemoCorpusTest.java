package pena.cli;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * make demo's corpus (scripts/demo-corpus.sh): the two novels when they download (a local server
 * stands in for Project Gutenberg, through PENA_CATALOG), the bundled sample when they do not.
 */
class DemoCorpusTest {
    private static final Path SCRIPT = Path.of("scripts", "demo-corpus.sh").toAbsolutePath();

    private static String book(String title) {
        return "The Project Gutenberg eBook of " + title + "\n*** START OF THE PROJECT GUTENBERG EBOOK ***\n"
                + "Capítulo I. " + title + " começa aqui, numa manhã de chuva.\n"
                + "*** END OF THE PROJECT GUTENBERG EBOOK ***\nSection 1. General Terms of Use\n";
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run demoCorpus(Path dir, String catalog) throws Exception {
        Path catalogFile = dir.resolve("catalog.tsv");
        Files.writeString(catalogFile, catalog);
        ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString()).directory(dir.toFile())
                .redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
        builder.environment().put("PENA", String.join(" ", PenaProcess.command("256m")));
        builder.environment().put("PENA_CATALOG", catalogFile.toString());
        int exit = builder.start().waitFor();
        return new Run(exit, Files.readString(dir.resolve("out")).strip(), Files.readString(dir.resolve("err")));
    }

    @Test
    void theNovelsWhenTheyDownload(@TempDir Path dir) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        for (String name : List.of("dc", "bc")) {
            byte[] body = book(name.equals("dc") ? "Dom Casmurro" : "Brás Cubas").getBytes(StandardCharsets.UTF_8);
            server.createContext("/" + name + ".txt", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
        }
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Run run = demoCorpus(dir, "domcasmurro\tDom Casmurro\tMachado de Assis\t" + base + "/dc.txt\n"
                    + "brascubas\tBrás Cubas\tMachado de Assis\t" + base + "/bc.txt\n");
            assertEquals(0, run.exit(), run.err());
            assertEquals("corpora/demo", run.out(), run.err());
            assertTrue(Files.readString(dir.resolve("corpora/demo/domcasmurro.txt")).startsWith("Capítulo I. Dom Casmurro"));
            assertTrue(Files.readString(dir.resolve("corpora/demo/brascubas.txt")).contains("Brás Cubas começa"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theSampleWhenTheyDoNot(@TempDir Path dir) throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort(); // nothing listens there once the socket is closed
        }
        Run run = demoCorpus(dir, "domcasmurro\tDom Casmurro\tMachado de Assis\thttp://127.0.0.1:" + closed + "/dc.txt\n"
                + "brascubas\tBrás Cubas\tMachado de Assis\thttp://127.0.0.1:" + closed + "/bc.txt\n");
        assertEquals(0, run.exit(), run.err());
        assertEquals("corpora/amostra", run.out());
        assertTrue(run.err().contains("could not be downloaded (offline?); training on the bundled sample"), run.err());
        assertTrue(run.err().contains("download failed"), "the fetch says why in one line: " + run.err());
        assertTrue(run.err().lines().noneMatch(l -> l.startsWith("\tat ") || l.startsWith("Exception in")),
                "no stack trace: " + run.err());
    }
}
