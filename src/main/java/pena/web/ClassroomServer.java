package pena.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import pena.generate.SamplingException;
import pena.generate.SamplingOptions;
import pena.inspect.InspectionException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The classroom page's server (the JDK's own HTTP server: no web framework is needed for one
 * page and three JSON endpoints).
 *
 * <pre>
 *   GET /                 the page (index.html, app.js, style.css from the jar)
 *   GET /api/models       the served models: spec, parameters, training history
 *   GET /api/generate     model, prime, length, temperature, topK, topP, seed: streams one JSON
 *                         line per generated token with the top-10 next tokens, then a last line
 *   GET /api/inspect      model, text: every layer's gates and states per character, top-5 next
 * </pre>
 *
 * Limits: prime and inspected text lengths, generated length, and a time limit per generation
 * (the stream ends with {@code "cut": true}). Every request gets its own recurrent state.
 */
public final class ClassroomServer implements AutoCloseable {
    public static final int MAX_GENERATE = 2000;
    public static final int MAX_PRIME = 500;
    public static final int MAX_INSPECT = 200;
    private static final int TOP_NEXT = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<ServedModel> models;
    private final long timeLimitNanos;
    private final PrintWriter log;
    private final HttpServer server;
    private final ExecutorService workers;

    /**
     * @param port  0 for any free port (see {@link #port()})
     * @param timeLimitSeconds longest a generation may run before it is cut off
     */
    public ClassroomServer(List<ServedModel> models, String host, int port, double timeLimitSeconds, PrintWriter log)
            throws IOException {
        if (models.isEmpty()) {
            throw new WebException("no model to serve");
        }
        this.models = List.copyOf(models);
        this.timeLimitNanos = (long) (timeLimitSeconds * 1e9);
        this.log = log;
        this.server = HttpServer.create(new InetSocketAddress(host, port), 128);
        this.workers = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "pena-web");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(workers);
        server.createContext("/", this::page);
        server.createContext("/api/models", exchange -> handle(exchange, this::listModels));
        server.createContext("/api/generate", exchange -> handle(exchange, this::generate));
        server.createContext("/api/inspect", exchange -> handle(exchange, this::inspect));
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    private interface Handler {
        void handle(HttpExchange exchange, Query query) throws IOException;
    }

    private void handle(HttpExchange exchange, Handler handler) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                sendJson(exchange, 405, Map.of("error", "only GET is served"));
                return;
            }
            try {
                handler.handle(exchange, new Query(exchange.getRequestURI()));
            } catch (Query.BadRequest | SamplingException | InspectionException | WebException e) {
                sendJson(exchange, 400, Map.of("error", e.getMessage()));
            } catch (IOException e) {
                // the browser went away
            } catch (RuntimeException e) {
                log.println("pena serve: " + exchange.getRequestURI().getPath() + " failed: " + e);
                log.flush();
                sendJson(exchange, 500, Map.of("error", "internal error: " + e));
            }
        }
    }

    private void listModels(HttpExchange exchange, Query query) throws IOException {
        sendJson(exchange, 200, models.stream().map(ServedModel::info).toList());
    }

    private ServedModel model(Query query) {
        String id = query.text("model", models.get(0).id(), 100);
        return models.stream().filter(m -> m.id().equals(id)).findFirst()
                .orElseThrow(() -> new Query.BadRequest("no model '" + id + "'"));
    }

    private void generate(HttpExchange exchange, Query query) throws IOException {
        ServedModel served = model(query);
        String prime = query.text("prime", "", MAX_PRIME);
        int length = query.integer("length", 300, 1, MAX_GENERATE);
        Long seed = query.optionalLong("seed");
        long actualSeed = seed != null ? seed : ThreadLocalRandom.current().nextLong(1L << 32);
        SamplingOptions options = new SamplingOptions(query.decimal("temperature", 0.8, 0, 5),
                query.integer("topK", 0, 0, served.model().spec().vocabularySize()),
                query.decimal("topP", 1.0, 0.01, 1.0), actualSeed);
        TokenStream stream = new TokenStream(exchange, served, System.nanoTime() + timeLimitNanos);
        served.sampler().generate(prime, length, options, stream);
        stream.finish(actualSeed);
    }

    /** Writes one JSON line per token as it is drawn; headers go out with the first token. */
    private static final class TokenStream implements pena.generate.Sampler.TokenSink {
        private final HttpExchange exchange;
        private final ServedModel served;
        private final long deadline;
        private OutputStream body;
        private boolean cut;
        private int tokens;

        TokenStream(HttpExchange exchange, ServedModel served, long deadline) {
            this.exchange = exchange;
            this.served = served;
            this.deadline = deadline;
        }

        @Override
        public boolean accept(String text, float[] next) {
            try {
                open();
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("t", text);
                line.put("top", Views.top(next, TOP_NEXT, served.model().vocabulary()));
                body.write(JSON.writeValueAsBytes(line));
                body.write('\n');
                body.flush();
            } catch (IOException e) {
                return false; // the browser went away: stop generating
            }
            tokens++;
            if (System.nanoTime() > deadline) {
                cut = true;
                return false;
            }
            return true;
        }

        private void open() throws IOException {
            if (body == null) {
                exchange.getResponseHeaders().set("Content-Type", "application/x-ndjson; charset=utf-8");
                exchange.getResponseHeaders().set("Cache-Control", "no-store");
                exchange.sendResponseHeaders(200, 0);
                body = exchange.getResponseBody();
            }
        }

        void finish(long seed) throws IOException {
            open();
            Map<String, Object> last = new LinkedHashMap<>();
            last.put("done", true);
            last.put("cut", cut);
            last.put("tokens", tokens);
            last.put("seed", seed);
            body.write(JSON.writeValueAsBytes(last));
            body.write('\n');
            body.flush();
        }
    }

    private void inspect(HttpExchange exchange, Query query) throws IOException {
        ServedModel served = model(query);
        String text = query.text("text", "", MAX_INSPECT);
        sendJson(exchange, 200, Views.inspection(served.inspector().inspect(text, 5)));
    }

    private void page(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String file = switch (path) {
                case "/", "/index.html" -> "index.html";
                case "/app.js" -> "app.js";
                case "/style.css" -> "style.css";
                default -> null;
            };
            if (file == null) {
                sendJson(exchange, 404, Map.of("error", "no page " + path));
                return;
            }
            byte[] bytes;
            try (InputStream in = ClassroomServer.class.getResourceAsStream(file)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + file + " missing from the jar");
                }
                bytes = in.readAllBytes();
            }
            String type = file.endsWith(".html") ? "text/html" : file.endsWith(".js") ? "text/javascript" : "text/css";
            exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private static void sendJson(HttpExchange exchange, int status, Object value) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(value);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
