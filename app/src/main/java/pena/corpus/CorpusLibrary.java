package pena.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The corpora folder ({@code corpora/} by default): the bundled sample, the downloaded works
 * under {@code downloads/}, and the catalog of what can be downloaded. Resolves what a user
 * types after {@code --corpus}: a path, a folder name inside the library, or a catalog name.
 */
public record CorpusLibrary(Path root, Catalog catalog) {

    /** The library in {@code ./corpora} with the catalog in force ({@link Catalog#standard}). */
    public static CorpusLibrary standard() {
        return new CorpusLibrary(Path.of("corpora"), Catalog.standard());
    }

    public Path downloads() {
        return root.resolve("downloads");
    }

    public Path downloadPath(String name) {
        return downloads().resolve(name + ".txt");
    }

    /** A path as given, else a corpus in the library, else a downloaded catalog work. */
    public Path resolve(String pathOrName) {
        Path asGiven = Path.of(pathOrName);
        if (Files.exists(asGiven)) {
            return asGiven;
        }
        if (!pathOrName.contains("/")) {
            Path local = root.resolve(pathOrName);
            if (Files.exists(local)) {
                return local;
            }
            Path downloaded = downloadPath(pathOrName);
            if (Files.exists(downloaded)) {
                return downloaded;
            }
            if (catalog.find(pathOrName).isPresent()) {
                throw new CorpusException("corpus '" + pathOrName + "' is in the catalog but not downloaded yet: "
                        + "run `pena corpus fetch " + pathOrName + "` first");
            }
        }
        throw new CorpusException(pathOrName + ": no such file or folder, and no corpus of that name "
                + "(see `pena corpus list`)");
    }

    /** Corpora present in the library folder (the sample, local additions, downloads). */
    public List<Path> localCorpora() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> top = Files.list(root); Stream<Path> down = listOrEmpty(downloads())) {
            Stream<Path> own = top.filter(p -> !p.equals(downloads()))
                    .filter(p -> Files.isDirectory(p) || p.toString().endsWith(".txt"));
            return Stream.concat(own, down.filter(p -> p.toString().endsWith(".txt"))).sorted().toList();
        } catch (IOException e) {
            throw new CorpusException(root + ": cannot list (" + e.getMessage() + ")", e);
        }
    }

    /** A corpus's size in bytes: a file's, or the sum of a folder's files; -1 when it cannot be read. */
    public static long size(Path corpus) {
        try {
            if (!Files.isDirectory(corpus)) {
                return Files.size(corpus);
            }
            try (Stream<Path> files = Files.walk(corpus)) {
                return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return -1;
        }
    }

    private static Stream<Path> listOrEmpty(Path folder) throws IOException {
        return Files.isDirectory(folder) ? Files.list(folder) : Stream.empty();
    }
}
