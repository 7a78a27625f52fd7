package pena.web;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** A request's query parameters, read with limits; a bad value is a {@link BadRequest} naming it. */
final class Query {
    static final int MAX_LENGTH = 8192;
    private final Map<String, String> values = new HashMap<>();

    /** A 400 answer with a message for the page. */
    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }

    Query(URI uri) {
        String raw = uri.getRawQuery();
        if (raw == null) {
            return;
        }
        if (raw.length() > MAX_LENGTH) {
            throw new BadRequest("request too long (at most " + MAX_LENGTH + " characters)");
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.put(key, value);
        }
    }

    String text(String name, String fallback, int maxChars) {
        String v = values.getOrDefault(name, fallback);
        if (v.length() > maxChars) {
            throw new BadRequest(name + " is too long: at most " + maxChars + " characters");
        }
        return v;
    }

    int integer(String name, int fallback, int min, int max) {
        String v = values.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) {
                throw new BadRequest(String.format(Locale.ROOT, "%s must be between %d and %d", name, min, max));
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadRequest(name + " must be a whole number, got '" + v + "'");
        }
    }

    double decimal(String name, double fallback, double min, double max) {
        String v = values.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(v.trim());
            if (!(d >= min && d <= max)) {
                throw new BadRequest(String.format(Locale.ROOT, "%s must be between %s and %s", name, min, max));
            }
            return d;
        } catch (NumberFormatException e) {
            throw new BadRequest(name + " must be a number, got '" + v + "'");
        }
    }

    Long optionalLong(String name) {
        String v = values.get(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new BadRequest(name + " must be a whole number, got '" + v + "'");
        }
    }
}
