package pena.web;

/** A request or a setting the page cannot serve; the message says why. */
public final class WebException extends RuntimeException {
    public WebException(String message) {
        super(message);
    }
}
