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
        return (int) number(name, fallback, min, max, Integer::parseInt, "a whole number");
    }

    double decimal(String name, double fallback, double min, double max) {
        return number(name, fallback, min, max, Double::parseDouble, "a number");
    }

    /** A parameter parsed by {@code parser} and checked against [min, max]; {@code fallback} when absent. */
    private double number(String name, double fallback, double min, double max,
                          java.util.function.ToDoubleFunction<String> parser, String kind) {
        String v = values.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        double d;
        try {
            d = parser.applyAsDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new BadRequest(name + " must be " + kind + ", got '" + v + "'");
        }
        if (!(d >= min && d <= max)) {
            throw new BadRequest(String.format(Locale.ROOT, "%s must be between %s and %s", name, format(min),
                    format(max)));
        }
        return d;
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
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
