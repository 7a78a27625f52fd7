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

    /**
     * The catalog in force: the file named by {@code PENA_CATALOG} (a mirror's, or a test's local
     * server) when that is set, else the one shipped with Pena.
     */
    public static Catalog standard() {
        String chosen = System.getenv("PENA_CATALOG");
        if (chosen == null || chosen.isBlank()) {
            return bundled();
        }
        try {
            return parse(java.nio.file.Files.readString(java.nio.file.Path.of(chosen), StandardCharsets.UTF_8));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new CorpusException("PENA_CATALOG=" + chosen + ": no such file; unset PENA_CATALOG to use Pena's own "
                    + "catalog");
        } catch (IOException | RuntimeException e) {
            throw new CorpusException("PENA_CATALOG=" + chosen + ": cannot read the catalog (" + e.getMessage()
                    + "); unset it to use Pena's own");
        }
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
