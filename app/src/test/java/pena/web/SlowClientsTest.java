package pena.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import pena.TestModels;
import pena.model.PenaModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A classroom network: idle, stalled and byte-a-second connections (all on 127.0.0.1, bounded in
 * number and time) must not stop the page answering everybody else, and must cost nothing once gone.
 */
class SlowClientsTest {
    private static final String CORPUS = "A casa amarela ficava no fim da rua, perto do rio.\nNinguém sabia quem morava lá.\n";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double TIME_LIMIT = 5;
    private static final PenaModel MODEL = TestModels.untrained(CORPUS, 2, 24);

    @Test
    void aHundredStalledSocketsDoNotDelayFiftyRealGenerations() throws Exception {
        // long time-outs here, so that the stalled sockets stay open through every real request
        ServerLimits limits = ServerLimits.defaults(TIME_LIMIT).withTimeouts(60, 60);
        StringWriter log = new StringWriter();
        try (ClassroomServer server = new ClassroomServer(List.of(new ServedModel("1", "casa", MODEL)), "127.0.0.1", 0,
                limits, new PrintWriter(log))) {
            server.start();
            int port = server.port();
            HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
            String alone = generation(client, port, 7).text;
            settle();
            int threadsBefore = serverThreads();
            long heapBefore = usedHeapAfterGc();

            List<Socket> stalled = new ArrayList<>();
            ExecutorService trickle = Executors.newSingleThreadExecutor();
            ExecutorService users = Executors.newFixedThreadPool(10);
            try {
                for (int i = 0; i < 100; i++) {
                    Socket s = new Socket("127.0.0.1", port);
                    if (i % 2 == 0) {
                        s.getOutputStream().write('G'); // a request line begun, never finished
                    }
                    stalled.add(s);
                }
                // the other half sends a byte a second of a request that would take minutes to complete
                Future<?> trickling = trickle.submit(() -> {
                    byte[] line = "GET /api/models?padding=".getBytes(StandardCharsets.US_ASCII);
                    for (int b = 0; b < 30 && !Thread.currentThread().isInterrupted(); b++) {
                        for (int i = 1; i < stalled.size(); i += 2) {
                            try {
                                stalled.get(i).getOutputStream().write(line[b % line.length]);
                            } catch (IOException closed) {
                                // the server may drop it; that is allowed
                            }
                        }
                        try {
                            Thread.sleep(1000);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
                List<Future<Timed>> answers = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    answers.add(users.submit(() -> generation(client, port, 7)));
                }
                for (int i = 0; i < 50; i++) {
                    Timed t = answers.get(i).get(60, TimeUnit.SECONDS);
                    assertEquals(200, t.status, "request " + i);
                    assertEquals(alone, t.text, "request " + i + " got another text");
                    assertTrue(t.seconds < TIME_LIMIT + 2, "request " + i + " took " + t.seconds + " s");
                }
                trickling.cancel(true);
            } finally {
                trickle.shutdownNow();
                users.shutdownNow();
                for (Socket s : stalled) {
                    s.close();
                }
            }
            // once they are gone, the server's threads and memory come back to where they were
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (serverThreads() > threadsBefore + 2 && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            assertTrue(serverThreads() <= threadsBefore + 2, "threads " + threadsBefore + " -> " + serverThreads());
            long heapAfter = usedHeapAfterGc();
            assertTrue(heapAfter < heapBefore + 64L * 1024 * 1024, "heap " + heapBefore + " -> " + heapAfter);
            assertTrue(log.toString().isEmpty(), log.toString());
        }
    }

    @Test
    void idleAndTricklingConnectionsAreClosedAfterTheirTimeOuts() throws Exception {
        ServerLimits limits = ServerLimits.defaults(TIME_LIMIT).withTimeouts(1, 2);
        try (ClassroomServer server = new ClassroomServer(List.of(new ServedModel("1", "casa", MODEL)), "127.0.0.1", 0,
                limits, new PrintWriter(new StringWriter()))) {
            server.start();
            try (Socket idle = new Socket("127.0.0.1", server.port())) {
                idle.setSoTimeout(8000);
                long t0 = System.nanoTime();
                assertEquals(-1, idle.getInputStream().read(), "an idle connection is closed");
                double idleSeconds = (System.nanoTime() - t0) / 1e9;
                assertTrue(idleSeconds < 4, "idle connection closed after " + idleSeconds + " s");
            }
            try (Socket trickling = new Socket("127.0.0.1", server.port())) {
                long t0;

                // half a second per byte: never idle for the 1 s idle time-out, but the request
                // takes 12 s to arrive, far past the 2 s request time-out
                byte[] request = "GET /api/models HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII);
                OutputStream out = trickling.getOutputStream();
                InputStream in = trickling.getInputStream();
                trickling.setSoTimeout(500);
                t0 = System.nanoTime();
                boolean closed = false;
                for (int b = 0; b < request.length && !closed; b++) {
                    try {
                        out.write(request[b]);
                        out.flush();
                    } catch (IOException e) {
                        closed = true;
                        break;
                    }
                    try {
                        closed = in.read() == -1;
                    } catch (SocketTimeoutException e) {
                        // nothing yet
                    } catch (IOException e) {
                        closed = true;
                    }
                }
                double trickleSeconds = (System.nanoTime() - t0) / 1e9;
                assertTrue(closed, "a request trickling in for " + trickleSeconds + " s was not cut off");
                assertTrue(trickleSeconds < 6, "cut off after " + trickleSeconds + " s");
            }
            // and the page still answers
            assertEquals(200, RawHttp.status(RawHttp.exchange(server.port(), "GET /api/models HTTP/1.1",
                    "Host: 127.0.0.1")));
        }
    }

    private record Timed(int status, String text, double seconds) {
    }

    private static Timed generation(HttpClient client, int port, long seed) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/generate?prime=A+casa+&length=200&seed=" + seed)).timeout(java.time.Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        double seconds = (System.nanoTime() - t0) / 1e9;
        StringBuilder text = new StringBuilder();
        if (response.statusCode() == 200) {
            JsonNode last = null;
            for (String line : response.body().split("\n")) {
                JsonNode node = JSON.readTree(line);
                if (node.has("t")) {
                    text.append(node.get("t").asText());
                }
                last = node;
            }
            assertTrue(last != null && last.get("done").asBoolean() && !last.get("cut").asBoolean(), response.body());
        }
        return new Timed(response.statusCode(), text.toString(), seconds);
    }

    private static int serverThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("pena-web")).count();
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static void settle() throws InterruptedException {
        Thread.sleep(3500); // the pool's threads beyond its minimum end after 3 s idle
    }
}
