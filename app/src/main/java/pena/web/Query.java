package pena.web;

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

    /** @param raw the query as sent, still %-escaped (null or empty: no parameters) */
    Query(String raw) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        if (raw.length() > MAX_LENGTH) {
            throw new BadRequest("request too long (at most " + MAX_LENGTH + " characters)");
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            values.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
    }

    /** %-escapes and + as UTF-8 text; a broken escape is a 400 naming it. */
    private static String decode(String escaped) {
        try {
            String text = URLDecoder.decode(escaped, StandardCharsets.UTF_8);
            // the decoder puts U+FFFD for escapes that are not UTF-8 (e.g. %C3 alone): refuse those
            if (text.indexOf('\uFFFD') >= 0 && !escaped.toUpperCase(java.util.Locale.ROOT).contains("%EF%BF%BD")
                    && escaped.indexOf('\uFFFD') < 0) {
                throw new BadRequest("the request's %-escapes are not UTF-8 text: '" + shortened(escaped) + "'");
            }
            return text;
        } catch (IllegalArgumentException e) {
            throw new BadRequest("bad %-escape in the request: '" + shortened(escaped) + "'; escape % itself as %25");
        }
    }

    private static String shortened(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
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
