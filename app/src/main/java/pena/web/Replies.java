package pena.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;

/** How the page answers: JSON bodies and the headers every answer carries. */
final class Replies {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Only the page's own files: no inline script or style, no other origin, no framing. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private Replies() {
    }

    /** The headers on every answer, errors included. */
    static void secure(HttpFields.Mutable headers) {
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("Referrer-Policy", "no-referrer");
    }

    static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {"error": message}, the page's error format. */
    static byte[] error(String message) {
        return json(Map.of("error", message));
    }

    static void sendJson(Response response, Callback callback, int status, Object value) {
        send(response, callback, status, "application/json; charset=utf-8", json(value), true);
    }

    static void sendError(Response response, Callback callback, int status, String message) {
        send(response, callback, status, "application/json; charset=utf-8", error(message), true);
    }

    static void send(Response response, Callback callback, int status, String type, byte[] body, boolean withBody) {
        response.setStatus(status);
        HttpFields.Mutable headers = response.getHeaders();
        secure(headers);
        headers.put(HttpHeader.CONTENT_TYPE, type);
        headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        headers.put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, withBody ? ByteBuffer.wrap(body) : null, callback);
    }

    /** Blocking writes of a streamed answer (one JSON line per generated token). */
    static java.io.OutputStream stream(Response response) {
        return Content.Sink.asOutputStream(response);
    }
}
