package pena.web;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import pena.generate.SamplingException;
import pena.generate.SamplingOptions;
import pena.inspect.InspectionException;
import pena.inspect.MemoryProbe;
import pena.inspect.UnitsInspector;
import pena.model.PenaModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The classroom page's server, on Jetty: requests are read without a thread per connection, so
 * slow or stalled browsers on a classroom network cost a socket, not a worker (see
 * {@link ServerLimits} for the time-outs and bounds).
 *
 * <pre>
 *   GET|HEAD /            the page (index.html, app.js, style.css from the jar)
 *   GET /api/models       the served models: spec, parameters, training history
 *   GET /api/generate     model, prime, length, temperature, topK, topP, seed: streams one JSON
 *                         line per generated token with the top-10 next tokens, then a last line
 *   GET /api/inspect      model, text: every layer's gates and states per character, top-5 next,
 *                         the surprisal of each character in bits
 *   GET /api/memory       model, text, at: the influence of every earlier character on the
 *                         prediction of character {@code at} (0-based; absent: the last)
 *   GET /api/memory-profile  model: influence against distance over the model's validation text
 *   GET /api/units        model, text (absent: the first {@value #UNITS_CHARACTERS} characters of the
 *                         validation text): per named feature the units that follow it best
 *   GET /api/training     whether the page may train, its bounds, and the run in progress or the last
 *   GET /api/training/corpora  the corpora a run may read
 *   POST /api/training/upload  name; the body is a .txt file: kept in the corpora folder if it reads as a corpus
 *   POST /api/training/start   corpus, cell, layers, hidden, minutes, name: starts a run (409 while one trains)
 *   POST /api/training/stop    stops the run; it saves its best model, which joins the served ones
 * </pre>
 *
 * Training from the page is on when the server listens on a loopback address, else only when
 * {@code pena serve --allow-training} says so. A POST from a page of another site is refused.
 *
 * Limits: prime and inspected text lengths, generated length, and a time limit per request
 * counted from its arrival (a generation past it ends with {@code "cut": true}; one still
 * queued for a core at its deadline gets 503). Every request gets its own recurrent state.
 * Errors are {@code {"error": "..."}} with a status; a 500 says nothing of its cause to the client.
 */
public final class ClassroomServer implements AutoCloseable {
    public static final int MAX_GENERATE = 2000;
    public static final int MAX_PRIME = 500;
    public static final int MAX_INSPECT = 200;
    public static final int MAX_UNITS_TEXT = 5000;
    public static final int UNITS_CHARACTERS = 3000;

    private static final Set<String> POSTED = Set.of("/api/training/upload", "/api/training/start", "/api/training/stop");

    private final List<ServedModel> models;
    private final TrainingRoom training;
    private final boolean trainingAllowed;
    private final ServerLimits limits;
    private final PrintWriter log;
    private final boolean loopbackOnly;
    private final Server server;
    private final ServerConnector connector;
    private final WorkSlots slots;
    private final StalledRequests stalled;
    private final ScheduledExecutorService sweeper;

    /** With the default limits and {@code timeLimitSeconds} per request. */
    public ClassroomServer(List<ServedModel> models, String host, int port, double timeLimitSeconds, PrintWriter log) {
        this(models, host, port, ServerLimits.defaults(timeLimitSeconds), log);
    }

    /**
     * @param host  the address to listen on (a name or a literal)
     * @param port  0 for any free port (see {@link #port()})
     */
    public ClassroomServer(List<ServedModel> models, String host, int port, ServerLimits limits, PrintWriter log) {
        this(models, host, port, limits, log, null, false);
    }

    /**
     * @param training          where the page's training runs happen; null: the page cannot train
     * @param allowOffLoopback  train from the page even when listening beyond this machine
     *                          ({@code --allow-training})
     */
    public ClassroomServer(List<ServedModel> models, String host, int port, ServerLimits limits, PrintWriter log,
                           TrainingRoom training, boolean allowOffLoopback) {
        checkAddress(host);
        this.models = new CopyOnWriteArrayList<>(models);
        this.limits = limits;
        this.log = log;
        this.loopbackOnly = LoopbackHosts.isLoopbackBinding(host);
        this.slots = new WorkSlots(limits.generationSlots(), limits.maxQueued());
        this.training = training;
        this.trainingAllowed = training != null && (loopbackOnly || allowOffLoopback);
        if (models.isEmpty() && !trainingAllowed) { // an empty page that can never fill
            throw new WebException("no model to serve: give --model FILE"
                    + (training == null ? "" : ", or --allow-training so that the page can train one"));
        }
        if (training != null) {
            training.connect(slots::awaitIdle, this::serveModel);
        }

        // Workers: every running or queued request holds one (the connection limit bounds the rest);
        // threads beyond the minimum end after 3 s without work, so a burst leaves nothing behind.
        int workers = limits.generationSlots() + limits.maxQueued() + 16;
        QueuedThreadPool pool = new QueuedThreadPool(workers, 4, 3000);
        pool.setMaxEvictCount(workers); // all idle threads at once, not one per time-out
        pool.setName("pena-web");
        pool.setDaemon(true);
        server = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(8192);
        connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout((long) (limits.idleSeconds() * 1000));
        // the kernel's queue of connections not yet accepted (Java's default is 50): a classroom's
        // browsers opening several connections each at once must not be refused or retried
        connector.setAcceptQueueSize(limits.maxConnections());
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(limits.maxConnections(), server));
        server.setErrorHandler(new JsonErrors());
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                ClassroomServer.this.handle(request, response, callback);
                return true;
            }
        });
        stalled = new StalledRequests(connector, limits.requestSeconds());
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pena-web-sweep");
            t.setDaemon(true);
            return t;
        });
    }

    /** A --host that names no address is refused with a line saying what to give. */
    public static void checkAddress(String host) {
        try {
            InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new WebException("--host " + host + ": no such address; give an address of this machine, "
                    + "e.g. 127.0.0.1 (this machine only) or 0.0.0.0 (every network)");
        }
    }

    /** Starts listening; a port in use or an address not of this machine is a {@link WebException}. */
    public void start() {
        try {
            server.start();
        } catch (Exception e) {
            close();
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof BindException bind) {
                    throw new WebException("cannot listen on " + connector.getHost() + ":" + connector.getPort() + " ("
                            + bind.getMessage() + "); choose another --port, or an address of this machine for --host");
                }
            }
            close();
            throw new WebException("cannot start the page on " + connector.getHost() + ":" + connector.getPort()
                    + " (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
        sweeper.scheduleWithFixedDelay(stalled, 500, 500, TimeUnit.MILLISECONDS);
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** Whether requests must name a loopback host (the server listens on a loopback address). */
    public boolean loopbackOnly() {
        return loopbackOnly;
    }

    /** Whether the page may start training runs. */
    public boolean trainingAllowed() {
        return trainingAllowed;
    }

    /** Adds a model trained from the page to the served ones; its id back. */
    private synchronized String serveModel(String name, PenaModel model) {
        int next = models.size() + 1;
        while (hasModel(String.valueOf(next))) {
            next++;
        }
        ServedModel served = new ServedModel(String.valueOf(next), name, model);
        models.add(served);
        return served.id();
    }

    private boolean hasModel(String id) {
        return models.stream().anyMatch(m -> m.id().equals(id));
    }

    @Override
    public void close() {
        if (training != null) {
            training.close(); // a run in progress stops and saves first
        }
        sweeper.shutdownNow();
        try {
            server.stop();
        } catch (Exception e) {
            log.println("pena serve: stopping: " + e);
            log.flush();
        }
    }

    private void handle(Request request, Response response, Callback callback) {
        Connection connection = request.getConnectionMetaData().getConnection();
        stalled.requestStarted(connection);
        Request.addCompletionListener(request, failure -> stalled.requestEnded(connection));
        String path = request.getHttpURI().getPath();
        try {
            if (loopbackOnly && !LoopbackHosts.isLoopbackName(LoopbackHosts.hostOf(request.getHeaders().get(HttpHeader.HOST)))) {
                Replies.sendError(response, callback, HttpStatus.FORBIDDEN_403, "this page answers at "
                        + "http://127.0.0.1:" + port() + "/ only (it listens on this machine's loopback address)");
                return;
            }
            boolean api = path != null && path.startsWith("/api/");
            boolean posted = POSTED.contains(path);
            String method = request.getMethod();
            boolean allowed = posted ? "POST".equals(method) : "GET".equals(method) || (!api && "HEAD".equals(method));
            if (!allowed) {
                String allow = posted ? "POST" : api ? "GET" : "GET, HEAD";
                response.getHeaders().put(HttpHeader.ALLOW, allow);
                Replies.sendError(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405,
                        "only " + allow.replace(", ", " and ") + (allow.contains(",") ? " are" : " is") + " served here");
                return;
            }
            if (posted && !sameOrigin(request)) {
                Replies.sendError(response, callback, HttpStatus.FORBIDDEN_403,
                        "a page of another site may not train here");
                return;
            }
            if (!api) {
                page(path, "HEAD".equals(method), response, callback);
                return;
            }
            Query query = new Query(request.getHttpURI().getQuery());
            long deadline = request.getBeginNanoTime() + limits.timeLimitNanos();
            switch (path) {
                case "/api/models" -> Replies.sendJson(response, callback, 200, models.stream().map(ServedModel::info).toList());
                case "/api/generate" -> generate(query, deadline, response, callback);
                case "/api/inspect" -> inspect(query, deadline, response, callback);
                case "/api/memory" -> memory(query, deadline, response, callback);
                case "/api/memory-profile" -> memoryProfile(query, deadline, response, callback);
                case "/api/units" -> units(query, deadline, response, callback);
                case "/api/training" -> Replies.sendJson(response, callback, 200, trainingStatus());
                case "/api/training/corpora" -> Replies.sendJson(response, callback, 200,
                        training == null ? List.of() : training.corpora());
                case "/api/training/upload" -> Replies.sendJson(response, callback, 200,
                        room().upload(query.text("name", "texto.txt", 200), body(request)));
                case "/api/training/start" -> Replies.sendJson(response, callback, HttpStatus.ACCEPTED_202,
                        room().start(TrainingRequest.of(query, training.limits()), Request.getRemoteAddr(request)));
                case "/api/training/stop" -> Replies.sendJson(response, callback, 200, room().stop());
                default -> Replies.sendError(response, callback, 404, "no endpoint " + path);
            }
        } catch (Query.BadRequest | SamplingException | InspectionException | WebException e) {
            failWith(response, callback, HttpStatus.BAD_REQUEST_400, e.getMessage(), e);
        } catch (Refusal e) {
            failWith(response, callback, e.status, e.getMessage(), e);
        } catch (TrainingRoom.Occupied e) {
            failWith(response, callback, HttpStatus.CONFLICT_409, e.getMessage(), e);
        } catch (WorkSlots.Busy e) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, 1);
            failWith(response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, e.getMessage(), e);
        } catch (IOException e) {
            callback.failed(e); // the browser went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            callback.failed(e);
        } catch (RuntimeException e) {
            log.println("pena serve: " + path + " failed: " + e);
            log.flush();
            failWith(response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500, JsonErrors.describe(500), e);
        }
    }

    /** An error answer, unless the answer had already begun (then the connection is cut). */
    private static void failWith(Response response, Callback callback, int status, String message, Throwable cause) {
        if (response.isCommitted()) {
            callback.failed(cause);
        } else {
            Replies.sendError(response, callback, status, message);
        }
    }

    /** An answer other than 400 for a request that cannot be served (training off, a body too large). */
    private static final class Refusal extends RuntimeException {
        final int status;

        Refusal(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /** The training room, when the page may train; else a 403 saying how to allow it. */
    private TrainingRoom room() {
        if (!trainingAllowed) {
            throw new Refusal(HttpStatus.FORBIDDEN_403, trainingOff());
        }
        return training;
    }

    private String trainingOff() {
        return training == null ? "this server was started without training from the page"
                : "training from the page is off: the server listens beyond this machine; start it with "
                + "pena serve --allow-training to let the page train";
    }

    private Map<String, Object> trainingStatus() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("allowed", trainingAllowed);
        status.put("reason", trainingAllowed ? null : trainingOff());
        if (training != null) {
            TrainingLimits bounds = training.limits();
            status.put("limits", Map.of("maxCorpusBytes", bounds.maxCorpusBytes(), "maxLayers", bounds.maxLayers(),
                    "maxHidden", bounds.maxHidden(), "maxMinutes", bounds.maxMinutes(),
                    "hidden", Math.min(TrainingRequest.DEFAULT_HIDDEN, bounds.maxHidden()),
                    "minutes", Math.min(TrainingRequest.DEFAULT_MINUTES, bounds.maxMinutes())));
            status.put("run", training.view());
        }
        status.put("models", models.size());
        return status;
    }

    /** A POST's body, refused past the training bounds' corpus size. */
    private byte[] body(Request request) throws IOException {
        long max = room().limits().maxCorpusBytes();
        InputStream in = Content.Source.asInputStream(request);
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (bytes.length > max) {
            // read to its end (the request time-out bounds it): a browser still sending when the
            // answer comes reads a closed connection instead of the message
            in.transferTo(java.io.OutputStream.nullOutputStream());
            throw new Refusal(HttpStatus.PAYLOAD_TOO_LARGE_413, "the file is larger than the page takes ("
                    + max + " bytes; pena serve --max-corpus-mb)");
        }
        return bytes;
    }

    /**
     * A POST from this page: browsers name the page that sends it in Origin, which must be the
     * address the request was sent to (a page of another site could otherwise start runs).
     * Requests without Origin (curl, scripts) are not from a browser page and pass.
     */
    private static boolean sameOrigin(Request request) {
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin == null) {
            return true;
        }
        String host = request.getHeaders().get(HttpHeader.HOST);
        return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
    }

    private ServedModel model(Query query) {
        if (models.isEmpty()) { // started without --model: the Treinar tab makes the first
            throw new Refusal(HttpStatus.NOT_FOUND_404, "no model yet: train one in the Treinar tab");
        }
        String id = query.text("model", models.get(0).id(), 100);
        return models.stream().filter(m -> m.id().equals(id)).findFirst()
                .orElseThrow(() -> new Query.BadRequest("no model '" + id + "'"));
    }

    private void generate(Query query, long deadline, Response response, Callback callback)
            throws IOException, InterruptedException {
        ServedModel served = model(query);
        String prime = query.text("prime", "", MAX_PRIME);
        int length = query.integer("length", 300, 1, MAX_GENERATE);
        Long seed = query.optionalLong("seed");
        long actualSeed = seed != null ? seed : ThreadLocalRandom.current().nextLong(1L << 32);
        SamplingOptions options = new SamplingOptions(query.decimal("temperature", 0.8, 0, 5),
                query.integer("topK", 0, 0, served.model().spec().vocabularySize()),
                query.decimal("topP", 1.0, 0.01, 1.0), actualSeed);
        try (WorkSlots.Slot slot = slots.take(deadline)) {
            GenerationStream stream = new GenerationStream(response, served.model().vocabulary(), deadline);
            served.sampler().generate(prime, length, options, stream);
            stream.finish(actualSeed);
        }
        callback.succeeded();
    }

    private void inspect(Query query, long deadline, Response response, Callback callback) throws InterruptedException {
        ServedModel served = model(query);
        String text = query.text("text", "", MAX_INSPECT);
        Object view;
        try (WorkSlots.Slot slot = slots.take(deadline)) {
            view = Views.inspection(served.inspector().inspect(text, 5));
        }
        Replies.sendJson(response, callback, 200, view);
    }

    private void memory(Query query, long deadline, Response response, Callback callback) throws InterruptedException {
        ServedModel served = model(query);
        String text = query.text("text", "", MAX_INSPECT);
        int at = query.integer("at", -1, -1, MAX_INSPECT); // -1: the last character
        Object view;
        try (WorkSlots.Slot slot = slots.take(deadline)) {
            view = Views.attribution(served.memoryProbe().attribute(text, at, MemoryProbe.DEFAULT_WINDOW));
        }
        Replies.sendJson(response, callback, 200, view);
    }

    private void units(Query query, long deadline, Response response, Callback callback) throws InterruptedException {
        ServedModel served = model(query);
        String text = query.text("text", "", MAX_UNITS_TEXT);
        Object view;
        try (WorkSlots.Slot slot = slots.take(deadline)) {
            UnitsInspector inspector = served.unitsInspector();
            view = Views.units(text.isBlank() ? inspector.validationReport(UNITS_CHARACTERS, 3) : inspector.report(text, 3));
        }
        Replies.sendJson(response, callback, 200, view);
    }

    private void memoryProfile(Query query, long deadline, Response response, Callback callback)
            throws InterruptedException {
        ServedModel served = model(query);
        Object view;
        try (WorkSlots.Slot slot = slots.take(deadline)) {
            view = Views.memoryProfile(served.memoryProfile());
        }
        Replies.sendJson(response, callback, 200, view);
    }

    private void page(String path, boolean head, Response response, Callback callback) throws IOException {
        String file = switch (path == null ? "" : path) {
            case "/", "/index.html" -> "index.html";
            case "/app.js" -> "app.js";
            case "/style.css" -> "style.css";
            default -> null;
        };
        if (file == null) {
            Replies.sendError(response, callback, 404, "no page " + path);
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
        Replies.send(response, callback, 200, type + "; charset=utf-8", bytes, !head);
    }
}
