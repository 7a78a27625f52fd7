package pena.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A named list of documents, read from one text file or from every {@code .txt} file under a
 * folder (in sorted path order, so two runs see the same corpus).
 */
public record Corpus(String name, List<Document> documents) {

    public Corpus {
        documents = List.copyOf(documents);
    }

    /** Reads a file or a folder; every problem is a {@link CorpusException} naming the path. */
    public static Corpus read(Path path) {
        if (!Files.exists(path)) {
            throw new CorpusException(path + ": no such file or folder");
        }
        List<Path> files = files(path);
        List<Document> documents = new ArrayList<>();
        for (Path file : files) {
            Document document = readDocument(file);
            if (!document.text().isBlank()) {
                documents.add(document);
            }
        }
        if (documents.isEmpty()) {
            throw new CorpusException(path + ": the corpus is empty; give a file or folder with some text");
        }
        return new Corpus(displayName(path), documents);
    }

    /**
     * The files a corpus path stands for, in the order they are read: the file itself, or every
     * {@code .txt} file under the folder in sorted path order.
     */
    public static List<Path> files(Path path) {
        if (!Files.exists(path)) {
            throw new CorpusException(path + ": no such file or folder");
        }
        return Files.isDirectory(path) ? textFilesUnder(path) : List.of(path);
    }

    /** The name a corpus path is shown by: the file or folder name, without {@code .txt}. */
    public static String nameOf(Path path) {
        return displayName(path);
    }

    /** Reads one file as a document. */
    public static Document readDocument(Path file) {
        try {
            return new Document(file.toString(), TextDecoder.decode(file.toString(), Files.readAllBytes(file)));
        } catch (NoSuchFileException e) {
            throw new CorpusException(file + ": no such file");
        } catch (IOException e) {
            throw new CorpusException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** Total length in code points. */
    public long codePointLength() {
        return documents.stream().mapToLong(Document::codePointLength).sum();
    }

    private static List<Path> textFilesUnder(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            List<Path> files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase().endsWith(".txt"))
                    .sorted()
                    .toList();
            if (files.isEmpty()) {
                throw new CorpusException(folder + ": no .txt files in this folder");
            }
            return files;
        } catch (IOException e) {
            throw new CorpusException(folder + ": cannot list (" + e.getMessage() + ")", e);
        }
    }

    private static String displayName(Path path) {
        Path fileName = path.toAbsolutePath().normalize().getFileName();
        String name = fileName == null ? path.toString() : fileName.toString();
        return name.toLowerCase().endsWith(".txt") ? name.substring(0, name.length() - 4) : name;
    }
}
