package pena.web;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;

/**
 * Jetty's own error answers (a malformed request line, a bad escape in the path, headers too
 * large) in the page's JSON format, with the page's headers: never Jetty's HTML page, never an
 * exception's text.
 */
final class JsonErrors extends ErrorHandler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = request.getAttribute(ERROR_STATUS) instanceof Integer s ? s : response.getStatus();
        if (status < 400) {
            status = HttpStatus.INTERNAL_SERVER_ERROR_500;
        }
        Replies.sendError(response, callback, status, describe(status));
        return true;
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        Replies.secure(fields);
        fields.put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        fields.put(HttpHeader.CACHE_CONTROL, "no-store");
        return ByteBuffer.wrap(Replies.error(describe(status)));
    }

    static String describe(int status) {
        return switch (status) {
            case 400 -> "bad request: a malformed address, escape or header";
            case 408 -> "the request took too long to arrive";
            case 414, 431 -> "request too long";
            case 500 -> "internal error; the server's log has the details";
            default -> {
                String reason = HttpStatus.getMessage(status);
                yield reason == null ? "error " + status : reason.toLowerCase(java.util.Locale.ROOT);
            }
        };
    }
}
