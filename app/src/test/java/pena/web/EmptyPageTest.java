package pena.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pena.corpus.Catalog;
import pena.corpus.CorpusLibrary;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code pena serve} without --model: the page starts empty, says so for every action that needs
 * a model, and the first run from the Treinar tab becomes its model. Without a way to train, an
 * empty page is refused at start.
 */
class EmptyPageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String STORY = "O barqueiro cantava uma canção antiga enquanto o rio corria devagar.\n"
            + "— Boa tarde! — disse a menina da janela.\n";

    private static TrainingRoom room(Path folder) throws Exception {
        Path library = folder.resolve("corpora");
        Files.createDirectories(library.resolve("aula"));
        Files.writeString(library.resolve("aula").resolve("rio.txt"), STORY.repeat(60), StandardCharsets.UTF_8);
        return new TrainingRoom(new TrainingLimits(200_000, 1, 32, 1), new PageValidation(),
                new CorpusLibrary(library, Catalog.standard()), folder.resolve("models"), new PrintWriter(new StringWriter()));
    }

    private static HttpResponse<String> send(ClassroomServer server, String method, String pathAndQuery) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://127.0.0.1:" + server.port()).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void anEmptyPageSaysSoAndItsFirstRunBecomesItsModel(@TempDir Path folder) throws Exception {
        try (ClassroomServer server = new ClassroomServer(List.of(), "127.0.0.1", 0, ServerLimits.defaults(10),
                new PrintWriter(new StringWriter()), room(folder), false)) {
            server.start();
            assertEquals("[]", send(server, "GET", "/api/models").body());
            for (String action : List.of("/api/generate?length=10", "/api/inspect?text=rio", "/api/memory?text=rio",
                    "/api/units", "/api/memory-profile")) {
                HttpResponse<String> refused = send(server, "GET", action);
                assertEquals(404, refused.statusCode(), action + ": " + refused.body());
                assertTrue(JSON.readTree(refused.body()).get("error").asText().contains("no model yet: train one in the "
                        + "Treinar tab"), action + ": " + refused.body());
            }
            HttpResponse<String> started = send(server, "POST",
                    "/api/training/start?corpus=aula&cell=gru&layers=1&hidden=16&minutes=0.1&name=primeiro");
            assertEquals(202, started.statusCode(), started.body());
            long end = System.nanoTime() + 90_000_000_000L;
            JsonNode run = null;
            while (System.nanoTime() < end) {
                run = JSON.readTree(send(server, "GET", "/api/training").body()).get("run");
                if (!run.get("modelId").isNull()) {
                    break;
                }
                Thread.sleep(200);
            }
            assertEquals("1", run.get("modelId").asText(), "the first run's model: " + run);
            JsonNode models = JSON.readTree(send(server, "GET", "/api/models").body());
            assertEquals(1, models.size());
            assertEquals("primeiro", models.get(0).get("name").asText());
            HttpResponse<String> generated = send(server, "GET", "/api/generate?length=20&seed=3"); // no model named
            assertEquals(200, generated.statusCode(), generated.body());
            assertTrue(generated.body().contains("\"tokens\":20"), generated.body());
        }
    }

    @Test
    void anEmptyPageThatCannotTrainIsRefused(@TempDir Path folder) throws Exception {
        WebException none = assertThrows(WebException.class, () -> new ClassroomServer(List.of(), "127.0.0.1", 0,
                ServerLimits.defaults(10), new PrintWriter(new StringWriter())));
        assertTrue(none.getMessage().contains("give --model FILE"), none.getMessage());
        WebException offLoopback = assertThrows(WebException.class, () -> new ClassroomServer(List.of(), "0.0.0.0", 0,
                ServerLimits.defaults(10), new PrintWriter(new StringWriter()), room(folder), false));
        assertTrue(offLoopback.getMessage().contains("--allow-training"), offLoopback.getMessage());
    }
}
