package pena.data;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import pena.corpus.Corpus;
import pena.corpus.CorpusException;
import pena.token.Vocabulary;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A corpus prepared once by {@link CorpusPreparer} and read from then on without its sources: a
 * folder of
 *
 * <pre>
 *   prepared.json    {@link PreparedHeader}: format, level, settings, sources, vocabulary
 *   tokens.bin       every document's ids, its training part then its validation part,
 *                    little-endian integers of idWidth bytes, read memory-mapped
 *   documents.bin    per document 5 little-endian longs: training start, validation start,
 *                    validation end (positions in tokens.bin), validation characters,
 *                    validation text bytes
 *   validation.utf8  the validation parts as text (UTF-8), for the model file
 * </pre>
 *
 * The ids stay in the file: training reads windows straight from the mapping, so the memory a
 * run needs does not grow with the corpus.
 */
public final class PreparedCorpus {
    public static final int FORMAT = 1;
    static final String HEADER = "prepared.json";
    static final String TOKENS = "tokens.bin";
    static final String DOCUMENTS = "documents.bin";
    static final String VALIDATION_TEXT = "validation.utf8"; // not .txt: a folder of .txt files is a corpus
    static final int DOCUMENT_LONGS = 5;
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path folder;
    private final PreparedHeader header;
    private final MappedTokenIds ids;
    private final long[] documents;

    private PreparedCorpus(Path folder, PreparedHeader header, MappedTokenIds ids, long[] documents) {
        this.folder = folder;
        this.header = header;
        this.ids = ids;
        this.documents = documents;
    }

    /** Whether {@code path} is a prepared corpus's folder (it has a header). */
    public static boolean isPrepared(Path path) {
        return Files.isRegularFile(path.resolve(HEADER));
    }

    /** Opens a prepared folder; a foreign, truncated or other-version one is a {@link CorpusException}. */
    public static PreparedCorpus open(Path folder) {
        String again = "; prepare it again: pena corpus prepare SOURCES --out " + folder;
        PreparedHeader header;
        try {
            header = JSON.readValue(folder.resolve(HEADER).toFile(), PreparedHeader.class);
        } catch (IOException e) {
            throw new CorpusException(folder + ": not a prepared corpus (" + HEADER + " unreadable: "
                    + e.getMessage().lines().findFirst().orElse("") + ")" + again, e);
        }
        if (header.format() != FORMAT) {
            throw new CorpusException(folder + ": prepared in format " + header.format() + ", this Pena reads format "
                    + FORMAT + again);
        }
        try {
            long idBytes = (header.trainingTokens() + header.validationTokens()) * header.idWidth();
            long tableBytes = (long) header.documents() * DOCUMENT_LONGS * Long.BYTES;
            if (Files.size(folder.resolve(TOKENS)) != idBytes || Files.size(folder.resolve(DOCUMENTS)) != tableBytes) {
                throw new CorpusException(folder + ": " + TOKENS + " or " + DOCUMENTS + " is not the size its header "
                        + "says (a copy cut short?)" + again);
            }
            MappedTokenIds ids = MappedTokenIds.open(folder.resolve(TOKENS), header.idWidth());
            ByteBuffer table = ByteBuffer.wrap(Files.readAllBytes(folder.resolve(DOCUMENTS)))
                    .order(ByteOrder.LITTLE_ENDIAN);
            long[] documents = new long[header.documents() * DOCUMENT_LONGS];
            table.asLongBuffer().get(documents);
            return new PreparedCorpus(folder, header, ids, documents);
        } catch (IOException e) {
            throw new CorpusException(folder + ": cannot read the prepared corpus (" + e.getMessage() + ")" + again, e);
        }
    }

    public Path folder() {
        return folder;
    }

    public PreparedHeader header() {
        return header;
    }

    public Vocabulary vocabulary() {
        return new Vocabulary(header.symbols(), header.counts());
    }

    public TokenIds ids() {
        return ids;
    }

    /** Each document's training ids (some may be empty). */
    public List<DocumentRange> trainingDocuments() {
        List<DocumentRange> ranges = new ArrayList<>(header.documents());
        for (int d = 0; d < header.documents(); d++) {
            ranges.add(new DocumentRange(documents[d * DOCUMENT_LONGS], documents[d * DOCUMENT_LONGS + 1]));
        }
        return ranges;
    }

    public ValidationSplit validation() {
        List<ValidationSplit.Part> parts = new ArrayList<>(header.documents());
        for (int d = 0; d < header.documents(); d++) {
            int at = d * DOCUMENT_LONGS;
            parts.add(new ValidationSplit.Part(new DocumentRange(documents[at + 1], documents[at + 2]),
                    documents[at + 3]));
        }
        return new ValidationSplit(ids, parts);
    }

    /**
     * The validation parts as text, in order, whole documents while they fit in {@code maxBytes}
     * (the first one always, cut at a character if it alone is longer).
     */
    public List<String> validationTexts(long maxBytes) {
        List<String> texts = new ArrayList<>();
        long used = 0;
        try (InputStream in = Files.newInputStream(folder.resolve(VALIDATION_TEXT))) {
            for (int d = 0; d < header.documents(); d++) {
                long bytes = documents[d * DOCUMENT_LONGS + 4];
                if (used + bytes > maxBytes && !texts.isEmpty()) {
                    break;
                }
                byte[] text = in.readNBytes((int) Math.min(bytes, maxBytes));
                in.skipNBytes(bytes - text.length);
                used += text.length;
                String decoded = new String(text, StandardCharsets.UTF_8);
                if (text.length < bytes && !decoded.isEmpty() && decoded.charAt(decoded.length() - 1) == '\uFFFD') {
                    decoded = decoded.substring(0, decoded.length() - 1); // cut inside a character
                }
                if (!decoded.isEmpty()) {
                    texts.add(decoded);
                }
            }
        } catch (IOException e) {
            throw new CorpusException(folder.resolve(VALIDATION_TEXT) + ": cannot read (" + e.getMessage() + ")", e);
        }
        return texts;
    }

    /**
     * Why this folder no longer describes the corpus at {@code corpusPath} (files changed, added
     * or removed since it was prepared, by size and modification time), or null when it does.
     */
    public String staleness(Path corpusPath) {
        List<Path> files = Corpus.files(corpusPath);
        Map<String, PreparedHeader.Source> recorded = new HashMap<>();
        for (PreparedHeader.Source source : header.sources()) {
            recorded.put(source.path(), source);
        }
        int changed = 0;
        int added = 0;
        for (Path file : files) {
            PreparedHeader.Source source = recorded.remove(file.toAbsolutePath().normalize().toString());
            if (source == null) {
                added++;
                continue;
            }
            if (!asRecorded(file, source)) {
                changed++;
            }
        }
        int removed = recorded.size();
        if (changed + added + removed == 0) {
            return null;
        }
        return String.format("%d file(s) changed, %d added, %d removed since it was prepared", changed, added, removed);
    }

    /**
     * A recorded source that still exists but is not as it was (a prepared folder may outlive its
     * sources: those since removed are not asked for), or null when there is none.
     */
    public String changedSource() {
        for (PreparedHeader.Source source : header.sources()) {
            Path file = Path.of(source.path());
            if (Files.exists(file) && !Files.isReadable(file)) {
                return "its source " + file + " cannot be read";
            }
            if (Files.exists(file) && !asRecorded(file, source)) {
                return "its source " + file + " changed since it was prepared";
            }
        }
        return null;
    }

    /** The file has the size and modification time it had when prepared (unreadable: not). */
    private static boolean asRecorded(Path file, PreparedHeader.Source source) {
        try {
            return Files.size(file) == source.bytes() && Files.getLastModifiedTime(file).toMillis() == source.modifiedMillis();
        } catch (IOException e) {
            return false;
        }
    }
}
