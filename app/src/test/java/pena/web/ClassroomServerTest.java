package pena.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pena.TestModels;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The endpoints: many users at once, each with its own state; limits; bad requests. */
class ClassroomServerTest {
    private static final String CORPUS = "A casa amarela ficava no fim da rua, perto do rio.\nNinguém sabia quem morava lá.\n";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ClassroomServer server;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final StringWriter LOG = new StringWriter();

    @BeforeAll
    static void start() throws IOException {
        server = new ClassroomServer(List.of(new ServedModel("1", "casa", TestModels.untrained(CORPUS, 2, 24))),
                "127.0.0.1", 0, 5, new PrintWriter(LOG));
        server.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The generated text of an NDJSON stream, and its last line. */
    private record Generation(String text, JsonNode last, int status) {
    }

    private static Generation generate(String query) throws IOException, InterruptedException {
        HttpResponse<String> response = get("/api/generate?" + query);
        if (response.statusCode() != 200) {
            return new Generation(null, JSON.readTree(response.body()), response.statusCode());
        }
        StringBuilder text = new StringBuilder();
        JsonNode last = null;
        for (String line : response.body().split("\n")) {
            JsonNode node = JSON.readTree(line);
            if (node.has("t")) {
                text.append(node.get("t").asText());
                assertEquals(10, node.get("top").size());
            }
            last = node;
        }
        return new Generation(text.toString(), last, 200);
    }

    private static String prime(String p) {
        return URLEncoder.encode(p, StandardCharsets.UTF_8);
    }

    @Test
    void fiftyConcurrentUsersGetExactlyWhatEachWouldGetAlone() throws Exception {
        Generation seven = generate("prime=" + prime("A casa ") + "&length=300&seed=7");
        Generation eight = generate("prime=" + prime("Ninguém ") + "&length=300&seed=8");
        assertEquals(300, seven.text().length());
        assertTrue(seven.last().get("done").asBoolean());
        assertTrue(!seven.text().equals(eight.text()));

        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Future<Generation>> futures = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String query = i % 2 == 0 ? "prime=" + prime("A casa ") + "&length=300&seed=7"
                        : "prime=" + prime("Ninguém ") + "&length=300&seed=8";
                futures.add(pool.submit(() -> generate(query)));
            }
            for (int i = 0; i < 50; i++) {
                Generation g = futures.get(i).get();
                assertEquals(200, g.status(), "request " + i + ": " + g.last());
                assertEquals(i % 2 == 0 ? seven.text() : eight.text(), g.text(), "request " + i);
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(LOG.toString().isEmpty(), LOG.toString());
    }

    @Test
    void aGenerationPastTheTimeLimitIsCutOff() throws IOException, InterruptedException {
        try (ClassroomServer quick = new ClassroomServer(List.of(new ServedModel("1", "casa",
                TestModels.untrained(CORPUS, 2, 24))), "127.0.0.1", 0, 1e-6, new PrintWriter(LOG))) {
            quick.start();
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + quick.port() + "/api/generate?length=2000&seed=1")).build(), HttpResponse.BodyHandlers.ofString());
            String[] lines = response.body().split("\n");
            JsonNode last = JSON.readTree(lines[lines.length - 1]);
            assertTrue(last.get("cut").asBoolean(), response.body());
            assertTrue(last.get("tokens").asInt() < 2000);
        }
    }

    @Test
    void badRequestsGetAMessageNamingTheProblem() throws Exception {
        assertBad("/api/generate?length=99999", "length must be between 1 and 2000");
        assertBad("/api/generate?temperature=quente", "temperature must be a number");
        assertBad("/api/generate?prime=" + prime("Zebra"), "'Z'");
        assertBad("/api/generate?model=9", "no model '9'");
        assertBad("/api/inspect?text=" + prime("a".repeat(201)), "at most 200 characters");
        assertBad("/api/inspect?text=", "give a sentence");
        assertEquals(404, get("/secret.txt").statusCode());
    }

    private static void assertBad(String path, String message) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        assertEquals(400, response.statusCode(), path);
        String error = JSON.readTree(response.body()).get("error").asText();
        assertTrue(error.contains(message), path + ": " + error);
    }

    @Test
    void primesAndSentencesAreReadInTheCorpusForm() throws Exception {
        String decomposed = java.text.Normalizer.normalize("Ninguém\r\n", java.text.Normalizer.Form.NFD);
        Generation typed = generate("prime=" + prime(decomposed) + "&length=50&seed=4");
        assertEquals(200, typed.status(), String.valueOf(typed.last()));
        assertEquals(generate("prime=" + prime("Ninguém\n") + "&length=50&seed=4").text(), typed.text());
        HttpResponse<String> inspected = get("/api/inspect?text=" + prime(decomposed));
        assertEquals(200, inspected.statusCode(), inspected.body());
        assertEquals(8, JSON.readTree(inspected.body()).get("tokens").size());
    }

    @Test
    void inspectGivesEveryLayersGatesPerCharacter() throws Exception {
        HttpResponse<String> response = get("/api/inspect?text=" + prime("a rua"));
        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = JSON.readTree(response.body());
        assertEquals(5, body.get("tokens").size());
        assertEquals(2, body.get("layers").size());
        JsonNode forget = body.get("layers").get(0).get("quantities").get(1);
        assertEquals("f", forget.get("id").asText());
        assertEquals("portão de esquecimento", forget.get("pt").asText());
        assertEquals(5, forget.get("values").size());
        assertEquals(24, forget.get("values").get(0).size());
        double f = forget.get("values").get(2).get(3).asDouble();
        assertTrue(f > 0 && f < 1, "a sigmoid gate: " + f);
        assertEquals(5, body.get("next").get(0).size());
    }

    @Test
    void memoryGivesTheInfluenceOfEveryEarlierCharacter() throws Exception {
        JsonNode at = JSON.readTree(get("/api/memory?text=" + prime("a rua") + "&at=3").body());
        assertEquals(3, at.get("target").asInt());
        assertEquals(3, at.get("influence").size());
        double largest = 0;
        for (JsonNode v : at.get("influence")) {
            assertTrue(v.asDouble() >= 0, at.toString());
            largest = Math.max(largest, v.asDouble());
        }
        assertTrue(largest > 0, at.toString());
        double p = at.get("probability").asDouble();
        assertTrue(p > 0 && p < 1, at.toString());
        assertEquals(4, JSON.readTree(get("/api/memory?text=" + prime("a rua")).body()).get("target").asInt());
        assertBad("/api/memory?text=" + prime("a rua") + "&at=0", "between 2 and 5");
        assertBad("/api/memory?text=" + prime("a rua") + "&at=9", "between 2 and 5");

        HttpResponse<String> profile = get("/api/memory-profile");
        assertEquals(200, profile.statusCode(), profile.body());
        JsonNode curve = JSON.readTree(profile.body());
        assertEquals(curve.get("window").asInt(), curve.get("influence").size());
        assertEquals(2, curve.get("forgetPath").size(), "an LSTM of 2 layers has two forget-gate paths");
        assertTrue(curve.get("beyond").has("10"), curve.toString());
    }

    @Test
    void unitsRankEveryUnitPerFeature() throws Exception {
        HttpResponse<String> response = get("/api/units");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = JSON.readTree(response.body());
        assertEquals(2 * 2 * 24, body.get("units").asInt(), "h and C of two layers of 24");
        assertEquals(8, body.get("features").size());
        for (JsonNode f : body.get("features")) {
            if (f.get("present").asBoolean()) {
                assertEquals(3, f.get("top").size(), f.toString());
                assertEquals(f.get("tokens").size(), f.get("values").size());
            } else {
                assertEquals(0, f.get("top").size());
            }
        }
        JsonNode capital = body.get("features").get(5);
        assertEquals("capital", capital.get("id").asText());
        assertTrue(capital.get("present").asBoolean(), "the corpus has capitals");
        double auc = capital.get("top").get(0).get("score").asDouble();
        assertTrue(auc >= 0.5 && auc <= 1, capital.toString());
        assertBad("/api/units?text=" + prime("Zebra"), "'Z'");
    }

    @Test
    void pageAndModelListAreServed() throws Exception {
        HttpResponse<String> page = get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<script src=\"app.js\">"));
        assertTrue(!page.body().contains("http://") && !page.body().contains("https://"), "no external files");
        assertEquals(200, get("/app.js").statusCode());
        JsonNode models = JSON.readTree(get("/api/models").body());
        assertEquals("lstm", models.get(0).get("cell").asText());
        assertEquals(2, models.get(0).get("layers").asInt());
    }
}
