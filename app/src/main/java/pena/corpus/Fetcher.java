package pena.corpus;

import pena.files.AtomicFile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Downloads a plain-text work, checks its encoding, strips Project Gutenberg's licence
 * header and footer, and writes it atomically (temporary file, then rename).
 */
public final class Fetcher {
    private static final Pattern CHARSET = Pattern.compile("charset=\"?([A-Za-z0-9._-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern START = Pattern.compile("^\\*\\*\\*\\s*START OF (THE|THIS) PROJECT GUTENBERG.*$",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    private static final Pattern END = Pattern.compile("^\\*\\*\\*\\s*END OF (THE|THIS) PROJECT GUTENBERG.*$",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

    private final HttpClient client;

    public Fetcher() {
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(20))
                .build();
    }

    /** Downloads {@code url} to {@code target}; returns the number of characters written. */
    public int fetch(URI url, Path target) {
        HttpResponse<byte[]> response;
        try {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(2)).GET().build();
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new CorpusException(url + ": download failed (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); check the internet connection", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CorpusException(url + ": download interrupted", e);
        } catch (IllegalArgumentException e) {
            throw new CorpusException(url + ": not a downloadable http(s) address", e);
        }
        if (response.statusCode() != 200) {
            throw new CorpusException(url + ": the server answered HTTP " + response.statusCode());
        }
        String text = decode(url, response.body(), response.headers().firstValue("Content-Type"));
        text = stripGutenbergBoilerplate(text).strip() + "\n";
        if (text.isBlank()) {
            throw new CorpusException(url + ": the download holds no text");
        }
        writeAtomically(target, text);
        return text.length();
    }

    /** UTF-8 first; a server that declares another charset (Latin-1 is common) is converted. */
    static String decode(URI url, byte[] body, Optional<String> contentType) {
        Optional<Charset> declared = contentType.map(CHARSET::matcher).filter(Matcher::find)
                .map(m -> m.group(1)).flatMap(Fetcher::charset);
        if (declared.isPresent() && !declared.get().equals(StandardCharsets.UTF_8)) {
            String text = new String(body, declared.get());
            return TextDecoder.decode(url.toString(), text.getBytes(StandardCharsets.UTF_8));
        }
        return TextDecoder.decode(url.toString(), body);
    }

    /** Keeps the text between Project Gutenberg's START and END marker lines, when present. */
    public static String stripGutenbergBoilerplate(String text) {
        Matcher start = START.matcher(text);
        int from = start.find() ? start.end() : 0;
        Matcher end = END.matcher(text);
        int to = end.find(from) ? end.start() : text.length();
        return Normalizer.normalize(text.substring(from, to), Normalizer.Form.NFC);
    }

    private static Optional<Charset> charset(String name) {
        try {
            return Optional.of(Charset.forName(name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void writeAtomically(Path target, String text) {
        try {
            AtomicFile.writeString(target, text);
        } catch (IOException e) {
            throw new CorpusException(target + ": cannot write (" + e.getMessage() + ")", e);
        }
    }
}
