package pena.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pena.TestModels;
import pena.corpus.Catalog;
import pena.corpus.CorpusLibrary;

import java.io.IOException;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Treinar tab's endpoints: a run started from the page trains with Pena's trainer, reports
 * its curve and samples, refuses a second start, stops on request, saves its files in the models
 * folder and joins the served models; bad requests and uploads get one line each.
 */
class TrainingFromThePageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String STORY = "A menina abriu a janela e viu o rio. O barco passava devagar, cheio de "
            + "laranjas, e o barqueiro cantava uma canção antiga.\n— Bom dia! — gritou ela.\nEle acenou com o chapéu "
            + "e seguiu viagem até a cidade.\n";

    @TempDir
    static Path folder;
    private static Path library;
    private static Path models;
    private static ClassroomServer server;

    @BeforeAll
    static void start() throws IOException {
        library = folder.resolve("corpora");
        Files.createDirectories(library.resolve("aula"));
        for (int d = 0; d < 3; d++) {
            Files.writeString(library.resolve("aula").resolve("historia-" + d + ".txt"), STORY.repeat(40),
                    StandardCharsets.UTF_8);
        }
        models = folder.resolve("models");
        TrainingRoom room = new TrainingRoom(new TrainingLimits(200_000, 2, 64, 2), new PageValidation(),
                new CorpusLibrary(library, Catalog.standard()), models, new PrintWriter(new StringWriter()));
        server = new ClassroomServer(List.of(new ServedModel("1", "casa", TestModels.untrained(STORY, 1, 16))),
                "127.0.0.1", 0, ServerLimits.defaults(10), new PrintWriter(new StringWriter()), room, false);
        server.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> send(String method, String pathAndQuery, byte[] body, String origin)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> response = send("GET", path, null, null);
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static JsonNode post(String path, int status) throws Exception {
        HttpResponse<String> response = send("POST", path, null, "http://127.0.0.1:" + server.port());
        assertEquals(status, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    /** The run's view once {@code done} holds of it (polled as the page polls), within a minute and a half. */
    private static JsonNode waitFor(java.util.function.Predicate<JsonNode> done) throws Exception {
        long end = System.nanoTime() + 90_000_000_000L;
        while (System.nanoTime() < end) {
            JsonNode run = get("/api/training").get("run");
            if (run != null && !run.isNull() && done.test(run)) {
                return run;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the run did not get there: " + get("/api/training"));
    }

    private static boolean over(JsonNode run) {
        String status = run.get("status").asText();
        return status.equals("finished") || status.equals("stopped") || status.equals("failed");
    }

    @Test
    void aRunFromThePageLearnsShowsItsCurveAndSamplesAndItsModelIsServed() throws Exception {
        JsonNode status = get("/api/training");
        assertTrue(status.get("allowed").asBoolean());
        JsonNode started = post("/api/training/start?corpus=aula&cell=gru&layers=1&hidden=32&minutes=0.2&name=primeira", 202);
        assertEquals("primeira", started.get("name").asText());
        // one run at a time: a second start says who runs what
        JsonNode refused = post("/api/training/start?corpus=aula&cell=lstm&minutes=0.2&name=segunda", 409);
        assertTrue(refused.get("error").asText().contains("gru 1×32"), refused.toString());
        assertTrue(refused.get("error").asText().contains("127.0.0.1"), refused.toString());

        JsonNode run = waitFor(TrainingFromThePageTest::over);
        assertEquals("finished", run.get("status").asText(), run.toString());
        JsonNode validation = run.get("validation");
        assertTrue(validation.size() >= 2, "evaluation points: " + validation);
        // it learned: the best validation BPC is below the first point's
        double first = validation.get(0).get(1).asDouble();
        double best = first;
        for (JsonNode p : validation) {
            best = Math.min(best, p.get(1).asDouble());
        }
        assertTrue(best < first, "validation BPC never fell below " + first + ": " + validation);
        assertTrue(run.get("train").size() >= 2, "training-loss points: " + run.get("train"));
        // a sample before training (of noise), then one per evaluation point
        assertEquals(validation.size() + 1, run.get("samples").size());
        assertTrue(run.get("samples").get(0).get("validationBpc").isNull());
        for (JsonNode sample : run.get("samples")) {
            assertEquals(60, sample.get("text").asText().codePointCount(0, sample.get("text").asText().length()));
        }
        assertTrue(run.get("seconds").asDouble() >= 12, run.toString());
        assertEquals(1.0, run.get("budgetShare").asDouble(), 0.05);

        // the files of any pena train run, and the model is served under the id the run names
        assertTrue(Files.exists(models.resolve("primeira.zip")));
        assertTrue(Files.exists(models.resolve("primeira.ckpt.zip")));
        String id = run.get("modelId").asText();
        JsonNode served = null;
        for (JsonNode m : get("/api/models")) {
            if (m.get("id").asText().equals(id)) {
                served = m;
            }
        }
        assertNotNull(served, "model " + id + " not served");
        assertEquals("primeira", served.get("name").asText());
        assertEquals("gru", served.get("cell").asText());
        HttpResponse<String> generated = send("GET", "/api/generate?model=" + id + "&length=40&seed=2", null, null);
        assertEquals(200, generated.statusCode());
        assertTrue(generated.body().contains("\"tokens\":40"), generated.body());

        // the name is taken now
        JsonNode again = post("/api/training/start?corpus=aula&cell=gru&layers=1&hidden=32&minutes=0.2&name=primeira", 400);
        assertTrue(again.get("error").asText().contains("choose another name"), again.toString());

        // Stop: the run ends early, scores, saves its best model and is served as well
        post("/api/training/start?corpus=aula&cell=rnn&layers=1&hidden=24&minutes=2&name=parada", 202);
        waitFor(r -> r.get("number").asInt() == 2 && r.get("samples").size() >= 1);
        JsonNode stopping = post("/api/training/stop", 200);
        assertTrue(stopping.get("status").asText().matches("stopping|stopped"), stopping.toString());
        JsonNode stopped = waitFor(TrainingFromThePageTest::over);
        assertEquals("stopped", stopped.get("status").asText(), stopped.toString());
        assertTrue(stopped.get("seconds").asDouble() < 60, stopped.toString());
        assertTrue(Files.exists(models.resolve("parada.zip")));
        assertFalse(stopped.get("modelId").isNull());
        assertEquals(3, get("/api/models").size());
        JsonNode nothing = post("/api/training/stop", 400);
        assertTrue(nothing.get("error").asText().contains("no run"), nothing.toString());
    }

    @Test
    void badRequestsAndUploadsGetOneLineNamingTheProblem() throws Exception {
        String here = "http://127.0.0.1:" + server.port();
        assertError(post("/api/training/start?cell=elman", 400), "cell");
        assertError(post("/api/training/start?cell=dl4j-lstm", 400), "rnn, lstm or gru");
        assertError(post("/api/training/start?hidden=65", 400), "hidden must be between 2 and 64");
        assertError(post("/api/training/start?layers=3", 400), "layers must be between 1 and 2");
        assertError(post("/api/training/start?minutes=3", 400), "minutes must be between");
        assertError(post("/api/training/start?name=a/b", 400), "name");
        assertError(post("/api/training/start?corpus=../models", 400), "corpus");
        assertError(post("/api/training/start?corpus=nenhum", 400), "no corpus 'nenhum'");
        assertEquals(405, send("GET", "/api/training/start", null, null).statusCode());
        assertEquals(405, send("POST", "/api/models", null, here).statusCode());
        HttpResponse<String> foreign = send("POST", "/api/training/start?corpus=aula", null, "http://example.org");
        assertEquals(403, foreign.statusCode());
        assertError(JSON.readTree(foreign.body()), "another site");

        // uploads: read as pena train reads a corpus
        byte[] latin1 = "café com leite\n".getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> bad = send("POST", "/api/training/upload?name=cafe.txt", latin1, here);
        assertEquals(400, bad.statusCode());
        assertError(JSON.readTree(bad.body()), "not valid UTF-8");
        HttpResponse<String> empty = send("POST", "/api/training/upload?name=vazio.txt", new byte[]{'\n', ' '}, here);
        assertEquals(400, empty.statusCode());
        HttpResponse<String> large = send("POST", "/api/training/upload?name=grande.txt", new byte[200_001], here);
        assertEquals(413, large.statusCode());
        HttpResponse<String> good = send("POST", "/api/training/upload?name=" + java.net.URLEncoder.encode(
                "Minha História.txt", StandardCharsets.UTF_8), STORY.getBytes(StandardCharsets.UTF_8), here);
        assertEquals(200, good.statusCode(), good.body());
        assertEquals("minha-historia.txt", JSON.readTree(good.body()).get("name").asText());
        assertEquals(STORY, Files.readString(library.resolve("minha-historia.txt")));
        boolean listed = false;
        for (JsonNode c : get("/api/training/corpora")) {
            listed |= c.get("name").asText().equals("minha-historia.txt");
        }
        assertTrue(listed, "the upload is not in the corpus list");
        // nothing of the refused files was kept
        assertFalse(Files.exists(library.resolve("cafe.txt")));
        assertFalse(Files.exists(library.resolve("grande.txt")));
    }

    private static void assertError(JsonNode answer, String part) {
        String error = answer.get("error").asText();
        assertTrue(error.contains(part), "'" + error + "' does not say '" + part + "'");
        assertFalse(error.contains("\n") || error.contains("Exception"), error);
    }

    @Test
    void uploadNamesAreFileNamesOnEverySystem() {
        assertEquals("dom-casmurro", TrainingRoom.uploadName("Dom Casmurro.txt"));
        assertEquals("acao-e-reacao", TrainingRoom.uploadName("Ação é reação.TXT"));
        assertEquals("etc-passwd", TrainingRoom.uploadName("../../etc/passwd"));
        assertEquals("texto", TrainingRoom.uploadName("***.txt"));
    }

    @Test
    void beyondLoopbackThePageTrainsOnlyWhenAllowed() throws Exception {
        for (boolean allow : new boolean[]{false, true}) {
            TrainingRoom room = new TrainingRoom(TrainingLimits.defaults(), new PageValidation(),
                    new CorpusLibrary(library, Catalog.standard()), models, new PrintWriter(new StringWriter()));
            try (ClassroomServer open = new ClassroomServer(List.of(new ServedModel("1", "casa",
                    TestModels.untrained(STORY, 1, 8))), "0.0.0.0", 0, ServerLimits.defaults(10),
                    new PrintWriter(new StringWriter()), room, allow)) {
                open.start();
                assertEquals(allow, open.trainingAllowed());
                HttpResponse<String> status = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + open.port() + "/api/training")).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(allow, JSON.readTree(status.body()).get("allowed").asBoolean());
                if (!allow) {
                    assertTrue(JSON.readTree(status.body()).get("reason").asText().contains("--allow-training"));
                    HttpResponse<String> start = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                    + open.port() + "/api/training/start?corpus=aula")).POST(HttpRequest.BodyPublishers.noBody())
                            .build(), HttpResponse.BodyHandlers.ofString());
                    assertEquals(403, start.statusCode());
                    assertTrue(start.body().contains("--allow-training"), start.body());
                }
            }
        }
    }
}
