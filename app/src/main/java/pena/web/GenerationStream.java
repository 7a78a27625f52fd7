package pena.web;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import pena.generate.Sampler;
import pena.token.Vocabulary;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A generation as the page receives it: one JSON line per token as it is drawn, with the ten
 * most likely next tokens, then a last line ({@code done}, {@code cut}, {@code tokens},
 * {@code seed}). Headers go out with the first token; past the request's deadline the stream
 * ends with {@code "cut": true}; a browser that went away stops the generation.
 */
final class GenerationStream implements Sampler.TokenSink {
    private static final int TOP_NEXT = 10;

    private final Response response;
    private final Vocabulary vocabulary;
    private final long deadline;
    private OutputStream body;
    private IOException failure;
    private boolean cut;
    private int tokens;

    GenerationStream(Response response, Vocabulary vocabulary, long deadline) {
        this.response = response;
        this.vocabulary = vocabulary;
        this.deadline = deadline;
    }

    @Override
    public boolean accept(String text, float[] next) {
        try {
            open();
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("t", text);
            line.put("top", Views.top(next, TOP_NEXT, vocabulary));
            body.write(Replies.json(line));
            body.write('\n');
            body.flush();
        } catch (IOException e) {
            failure = e;
            return false; // the browser went away: stop generating
        }
        tokens++;
        if (System.nanoTime() > deadline) {
            cut = true;
            return false;
        }
        return true;
    }

    private void open() {
        if (body == null) {
            response.setStatus(200);
            Replies.secure(response.getHeaders());
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/x-ndjson; charset=utf-8");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            body = Replies.stream(response);
        }
    }

    void finish(long seed) throws IOException {
        if (failure != null) {
            throw failure;
        }
        open();
        Map<String, Object> last = new LinkedHashMap<>();
        last.put("done", true);
        last.put("cut", cut);
        last.put("tokens", tokens);
        last.put("seed", seed);
        body.write(Replies.json(last));
        body.write('\n');
        body.close();
    }
}
