package pena.corpus;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Downloads from a local HTTP server standing in for Project Gutenberg. */
class FetcherTest {
    private static final String BOOK = """
            The Project Gutenberg eBook of Um Livro
            This eBook is for the use of anyone anywhere.
            *** START OF THE PROJECT GUTENBERG EBOOK UM LIVRO ***
            Capítulo I. A manhã começou cedo, com pão e café.
            — Então, vens? — perguntou ela.
            *** END OF THE PROJECT GUTENBERG EBOOK UM LIVRO ***
            Section 1. General Terms of Use and Redistributing
            """;

    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        serve("/utf8.txt", BOOK.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
        serve("/latin1.txt", BOOK.getBytes(StandardCharsets.ISO_8859_1), "text/plain; charset=ISO-8859-1");
        serve("/undeclared.txt", BOOK.getBytes(StandardCharsets.ISO_8859_1), "text/plain");
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void stripsTheBoilerplateAndWritesUtf8(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("livro.txt");
        new Fetcher().fetch(url("/utf8.txt"), target);
        String text = Files.readString(target, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("Capítulo I."), text);
        assertTrue(text.contains("— Então, vens?"));
        assertFalse(text.contains("Gutenberg"), text);
        assertFalse(text.contains("General Terms"), text);
    }

    @Test
    void convertsADeclaredLatin1Text(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("livro.txt");
        new Fetcher().fetch(url("/latin1.txt"), target);
        assertTrue(Files.readString(target, StandardCharsets.UTF_8).contains("Capítulo I. A manhã"));
    }

    @Test
    void refusesUndeclaredNonUtf8AndMissingPagesWithoutWritingAnything(@TempDir Path dir) {
        Path target = dir.resolve("livro.txt");
        CorpusException encoding = assertThrows(CorpusException.class,
                () -> new Fetcher().fetch(url("/undeclared.txt"), target));
        assertTrue(encoding.getMessage().contains("not valid UTF-8"), encoding.getMessage());
        CorpusException missing = assertThrows(CorpusException.class, () -> new Fetcher().fetch(url("/nao-ha.txt"), target));
        assertTrue(missing.getMessage().contains("HTTP 404"), missing.getMessage());
        assertFalse(Files.exists(target));
    }

    @Test
    void textWithoutMarkersIsKeptWhole() {
        assertEquals("só texto\n", Fetcher.stripGutenbergBoilerplate("só texto\n"));
    }

    private void serve(String path, byte[] body, String contentType) {
        server.createContext(path, exchange -> {
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }
}
