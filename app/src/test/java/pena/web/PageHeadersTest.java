package pena.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pena.TestModels;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every answer carries and what the page refuses, over real sockets: the browser's
 * protections, loopback Host names only, GET and HEAD only, malformed requests as JSON errors.
 */
class PageHeadersTest {
    private static final String CORPUS = "A casa amarela ficava no fim da rua, perto do rio.\n";
    private static ClassroomServer server;
    private static final StringWriter LOG = new StringWriter();

    @BeforeAll
    static void start() {
        server = new ClassroomServer(List.of(new ServedModel("1", "casa", TestModels.untrained(CORPUS, 1, 8))),
                "127.0.0.1", 0, 5, new PrintWriter(LOG));
        server.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String get(String target, String host) throws IOException {
        return RawHttp.exchange(server.port(), "GET " + target + " HTTP/1.1", "Host: " + host);
    }

    private static void assertProtected(String answer) {
        assertEquals("nosniff", RawHttp.header(answer, "X-Content-Type-Options"), answer);
        assertEquals("DENY", RawHttp.header(answer, "X-Frame-Options"), answer);
        String csp = RawHttp.header(answer, "Content-Security-Policy");
        assertNotNull(csp, answer);
        assertTrue(csp.contains("script-src 'self'") && csp.contains("style-src 'self'")
                && !csp.contains("unsafe-inline"), csp);
        assertFalse(answer.toLowerCase().contains("<html") && !answer.contains("Pena"), "Jetty's own page: " + answer);
    }

    /** A JSON error answer with this status whose message contains {@code words}. */
    private static void assertJsonError(String answer, int status, String words) {
        assertEquals(status, RawHttp.status(answer), answer);
        assertTrue(RawHttp.header(answer, "Content-Type").startsWith("application/json"), answer);
        assertTrue(RawHttp.body(answer).startsWith("{\"error\":"), answer);
        assertTrue(RawHttp.body(answer).contains(words), answer);
        assertProtected(answer);
    }

    @Test
    void everyAnswerCarriesTheBrowsersProtections() throws IOException {
        for (String target : List.of("/", "/app.js", "/style.css", "/api/models", "/api/generate?length=5&seed=1",
                "/api/inspect?text=casa", "/nothing-here", "/api/generate?length=-1")) {
            assertProtected(get(target, "127.0.0.1:" + server.port()));
        }
    }

    @Test
    void onLoopbackOnlyLoopbackHostNamesAreAnswered() throws IOException {
        for (String host : List.of("127.0.0.1:" + server.port(), "localhost:" + server.port(), "localhost",
                "[::1]:" + server.port(), "127.0.0.2")) {
            assertEquals(200, RawHttp.status(get("/api/models", host)), host);
        }
        // a name re-pointed at 127.0.0.1 by its DNS (rebinding) must not read the page
        for (String host : List.of("evil.example.com", "evil.example.com:" + server.port(), "127.0.0.1.evil.com",
                "10.0.0.5")) {
            assertJsonError(get("/api/models", host), 403, "127.0.0.1");
            assertJsonError(get("/", host), 403, "only");
        }
        assertTrue(server.loopbackOnly());
    }

    @Test
    void onlyGetAndHeadAreServed() throws IOException {
        String head = RawHttp.exchange(server.port(), "HEAD / HTTP/1.1", "Host: 127.0.0.1");
        assertEquals(200, RawHttp.status(head));
        assertEquals("", RawHttp.body(head), "HEAD has no body");
        assertTrue(Integer.parseInt(RawHttp.header(head, "Content-Length")) > 1000);
        for (String method : List.of("POST", "PUT", "DELETE", "OPTIONS", "PATCH")) {
            String answer = RawHttp.exchange(server.port(), method + " / HTTP/1.1", "Host: 127.0.0.1",
                    "Content-Length: 0");
            assertJsonError(answer, 405, "GET and HEAD");
            assertEquals("GET, HEAD", RawHttp.header(answer, "Allow"));
        }
        String apiHead = RawHttp.exchange(server.port(), "HEAD /api/models HTTP/1.1", "Host: 127.0.0.1");
        assertEquals(405, RawHttp.status(apiHead));
        assertJsonError(RawHttp.exchange(server.port(), "POST /api/generate HTTP/1.1", "Host: 127.0.0.1",
                "Content-Length: 0"), 405, "only GET");
    }

    @Test
    void malformedRequestsAreJsonErrorsNotTheServersPage() throws IOException {
        assertJsonError(get("/api/generate?prime=%zz", "127.0.0.1"), 400, "%-escape");
        assertJsonError(get("/api/generate?prime=%", "127.0.0.1"), 400, "%-escape");
        assertJsonError(get("/api/generate?prime=%C3", "127.0.0.1"), 400, "UTF-8");
        assertJsonError(get("/api/inspect?text=%E3%81", "127.0.0.1"), 400, "UTF-8");
        assertJsonError(get("/%zz", "127.0.0.1"), 400, "bad request");
        assertJsonError(get("/api/models?" + "a=b&".repeat(3000), "127.0.0.1"), 414, "too long");
        // a garbled request line: Jetty's own answer, in the page's format
        String garbled = RawHttp.exchange(server.port(), "GARBLE", "Host: 127.0.0.1");
        assertTrue(RawHttp.status(garbled) >= 400, garbled);
        assertTrue(RawHttp.body(garbled).startsWith("{\"error\":"), garbled);
        assertTrue(LOG.toString().isEmpty(), LOG.toString());
    }
}
