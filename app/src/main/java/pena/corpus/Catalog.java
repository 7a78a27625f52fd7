package pena.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The catalog of downloadable works, {@code corpora/catalog.tsv} in the repository, packaged
 * into the jar as {@code pena/corpus/catalog.tsv}. Tab-separated: name, title, author, URL.
 */
public record Catalog(List<CatalogEntry> entries) {

    public Catalog {
        entries = List.copyOf(entries);
    }

    /** The catalog shipped with Pena. */
    public static Catalog bundled() {
        try (InputStream in = Catalog.class.getResourceAsStream("catalog.tsv")) {
            if (in == null) {
                return new Catalog(List.of());
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses catalog lines; {@code #} starts a comment line. */
    public static Catalog parse(String tsv) {
        List<CatalogEntry> entries = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new java.io.StringReader(tsv))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t");
                if (fields.length != 4) {
                    throw new IllegalStateException("catalog line needs 4 tab-separated fields: " + line);
                }
                entries.add(new CatalogEntry(fields[0], fields[1], fields[2], URI.create(fields[3])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Catalog(entries);
    }

    public Optional<CatalogEntry> find(String name) {
        return entries.stream().filter(e -> e.name().equalsIgnoreCase(name)).findFirst();
    }
}
