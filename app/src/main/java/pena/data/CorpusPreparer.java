package pena.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import pena.corpus.Corpus;
import pena.corpus.CorpusException;
import pena.corpus.CorpusSplit;
import pena.corpus.TextDecoder;
import pena.token.Tokenizer;
import pena.token.Tokenizers;
import pena.token.Vocabulary;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a prepared corpus ({@link PreparedCorpus}): reads the sources once, file by file (one
 * file in memory at a time, never the corpus), splits each document as {@link CorpusSplit}
 * does, cuts it into symbols, counts the training symbols, and writes the ids.
 *
 * <p>The vocabulary is only known once every training symbol is counted, so the ids are written
 * twice: during the read as provisional ids (4 bytes each, in order of first appearance, into a
 * temporary file), then remapped to the vocabulary's ids at the narrowest width that holds them.
 * The remap reads and writes ids only; the text is read and cut once. Counting keeps one entry
 * per distinct symbol, up to {@link #COUNTED_SYMBOLS}; a symbol first seen after the table is
 * full is read as {@code <unk>} (said in the header and on the command line: a corpus of that
 * many distinct words is past what a 10 000-word vocabulary distinguishes anyway).
 *
 * <p>Everything is written into a temporary folder beside the target and renamed into place at
 * the end: an interrupted prepare leaves the previous folder (or none), never half of one.
 */
public final class CorpusPreparer {
    /** Distinct symbols counted (about 100 bytes each for words); later new ones are {@code <unk>}. */
    public static final int COUNTED_SYMBOLS = 2_000_000;
    private static final int UNCOUNTED = -1;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Told as the read goes. */
    public interface Listener {
        void progress(long bytesRead, long bytesTotal, int filesRead, int filesTotal, long tokens);
    }

    private final PreparationSettings settings;
    private final Tokenizer tokenizer;
    private final boolean characters;
    // provisional ids: in order of first appearance
    private final Map<String, Integer> provisional = new HashMap<>();
    private final List<String> symbolOf = new ArrayList<>();
    private int[] codePointId;            // char level: code point -> provisional id + 1 (0: not seen)
    private long[] trainingCount = new long[1024];
    private long uncounted;              // tokens read as <unk> because the table was full

    public CorpusPreparer(PreparationSettings settings) {
        this.settings = settings;
        this.tokenizer = Tokenizers.forLevel(settings.level());
        this.characters = "char".equals(tokenizer.level());
        if (characters) {
            codePointId = new int[Character.MAX_CODE_POINT + 1];
        }
    }

    /** Prepares {@code corpusPath} (a file or folder) into {@code out}, replacing a folder already there. */
    public PreparedHeader prepare(Path corpusPath, Path out, Listener listener) {
        List<Path> files = Corpus.files(corpusPath);
        long totalBytes = 0;
        List<PreparedHeader.Source> sources = new ArrayList<>(files.size());
        for (Path file : files) {
            try {
                long bytes = Files.size(file);
                totalBytes += bytes;
                sources.add(new PreparedHeader.Source(file.toAbsolutePath().normalize().toString(), bytes,
                        Files.getLastModifiedTime(file).toMillis()));
            } catch (IOException e) {
                throw new CorpusException(file + ": cannot read (" + e.getMessage() + ")", e);
            }
        }
        Path target = out.toAbsolutePath().normalize();
        try {
            if (Files.exists(target) && !PreparedCorpus.isPrepared(target) && !isEmptyFolder(target)) {
                throw new CorpusException(out + " exists and is not a prepared corpus; give another --out (a new "
                        + "folder, or one written by pena corpus prepare, which is replaced)");
            }
        } catch (IOException e) {
            throw new CorpusException(out + ": cannot read (" + e.getMessage() + ")", e);
        }
        Path work;
        try {
            Files.createDirectories(target.getParent());
            work = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".prepare.");
        } catch (IOException e) {
            throw new CorpusException(out + ": cannot create the folder (" + e.getMessage() + ")", e);
        }
        try {
            PreparedHeader header = write(corpusPath, files, sources, totalBytes, work, listener);
            replace(work, target);
            return header;
        } catch (IOException e) {
            throw new CorpusException(out + ": cannot write the prepared corpus (" + e.getMessage() + ")", e);
        } finally {
            deleteQuietly(work);
        }
    }

    private PreparedHeader write(Path corpusPath, List<Path> files, List<PreparedHeader.Source> sources,
                                 long totalBytes, Path work, Listener listener) throws IOException {
        MessageDigest sha = sha256();
        Path provisionalFile = work.resolve("provisional.bin");
        long[] documentsTable = new long[1024 * PreparedCorpus.DOCUMENT_LONGS];
        int documents = 0;
        long ids = 0;
        long trainingTokens = 0;
        long validationTokens = 0;
        long validationCharacters = 0;
        long bytesRead = 0;
        int filesRead = 0;
        try (IdFileWriter provisionalIds = new IdFileWriter(provisionalFile, 4);
             OutputStream validationText = Files.newOutputStream(work.resolve(PreparedCorpus.VALIDATION_TEXT))) {
            for (Path file : files) {
                byte[] bytes = readBytes(file);
                sha.update(bytes);
                String text = TextDecoder.decode(file.toString(), bytes);
                bytesRead += bytes.length;
                filesRead++;
                if (!text.isBlank()) {
                    int cut = CorpusSplit.cut(text, settings.valFraction());
                    String train = text.substring(0, cut);
                    String validation = text.substring(cut);
                    long start = ids;
                    long trained = cut > 0 ? writeSymbols(train, provisionalIds, true).tokens() : 0;
                    Written held = cut < text.length() ? writeSymbols(validation, provisionalIds, false)
                            : new Written(0, 0);
                    long validated = held.tokens();
                    long characters = validated >= 2 ? held.charactersAfterFirst() : 0;
                    byte[] validationBytes = validation.getBytes(StandardCharsets.UTF_8);
                    validationText.write(validationBytes);
                    ids += trained + validated;
                    if ((documents + 1) * PreparedCorpus.DOCUMENT_LONGS > documentsTable.length) {
                        documentsTable = java.util.Arrays.copyOf(documentsTable, documentsTable.length * 2);
                    }
                    int at = documents * PreparedCorpus.DOCUMENT_LONGS;
                    documentsTable[at] = start;
                    documentsTable[at + 1] = start + trained;
                    documentsTable[at + 2] = start + trained + validated;
                    documentsTable[at + 3] = characters;
                    documentsTable[at + 4] = validationBytes.length;
                    documents++;
                    trainingTokens += trained;
                    validationTokens += validated;
                    validationCharacters += characters;
                }
                listener.progress(bytesRead, totalBytes, filesRead, files.size(), ids);
            }
        }
        if (documents == 0) {
            throw new CorpusException(corpusPath + ": the corpus is empty; give a file or folder with some text");
        }
        Vocabulary vocabulary = Vocabulary.fromCounts(counts(), settings.maxVocabulary(), settings.minCount());
        int width = vocabulary.size() <= 1 << 8 ? 1 : vocabulary.size() <= 1 << 16 ? 2 : 4;
        remap(provisionalFile, work.resolve(PreparedCorpus.TOKENS), width, vocabulary);
        Files.delete(provisionalFile);
        try (IdFileWriter table = new IdFileWriter(work.resolve(PreparedCorpus.DOCUMENTS), 8)) {
            for (int k = 0; k < documents * PreparedCorpus.DOCUMENT_LONGS; k++) {
                table.writeLong(documentsTable[k]);
            }
        }
        PreparedHeader header = new PreparedHeader(PreparedCorpus.FORMAT, Corpus.nameOf(corpusPath),
                tokenizer.level(), settings.maxVocabulary(), settings.minCount(), settings.valFraction(), sources,
                HexFormat.of().formatHex(sha.digest()), width, documents, trainingTokens, validationTokens,
                validationCharacters, symbolOf.size(), uncounted, vocabulary.symbols(),
                vocabulary.counts());
        // the header last: a folder without one is not a prepared corpus
        JSON.writerWithDefaultPrettyPrinter().writeValue(work.resolve(PreparedCorpus.HEADER).toFile(), header);
        return header;
    }

    /** What {@link #writeSymbols} wrote: ids, and the text's characters after its first symbol. */
    private record Written(long tokens, long charactersAfterFirst) {
    }

    /** Writes the provisional id of every symbol of {@code text}; counts them when {@code training}. */
    private Written writeSymbols(String text, IdFileWriter out, boolean training) throws IOException {
        long n = 0;
        if (characters) { // one symbol per code point, without a String per symbol
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                int id = codePointId[cp] - 1;
                if (id < 0) {
                    id = newSymbol(Character.toString(cp));
                    codePointId[cp] = id + 1;
                }
                count(id, training);
                out.write(id);
                n++;
            }
            return new Written(n, Math.max(0, n - 1)); // a character model's characters are its symbols
        }
        List<String> symbols = tokenizer.split(text);
        for (String symbol : symbols) {
            Integer known = provisional.get(symbol);
            int id = known != null ? known : provisional.size() < COUNTED_SYMBOLS ? newSymbol(symbol) : UNCOUNTED;
            if (id == UNCOUNTED) {
                uncounted++;
            }
            count(id, training);
            out.write(id);
            n++;
        }
        return new Written(n, tokenizer.charactersAfterFirst(text, symbols));
    }

    private int newSymbol(String symbol) {
        int id = symbolOf.size();
        symbolOf.add(symbol);
        if (!characters) {
            provisional.put(symbol, id);
        }
        if (id >= trainingCount.length) {
            trainingCount = java.util.Arrays.copyOf(trainingCount, trainingCount.length * 2);
        }
        return id;
    }

    private void count(int id, boolean training) {
        if (training && id >= 0) {
            trainingCount[id]++;
        }
    }

    /** The training symbols' counts (symbols seen in validation text only are not training symbols). */
    private Map<String, Long> counts() {
        Map<String, Long> counts = new HashMap<>();
        for (int id = 0; id < symbolOf.size(); id++) {
            if (trainingCount[id] > 0) {
                counts.put(symbolOf.get(id), trainingCount[id]);
            }
        }
        return counts;
    }

    /**
     * Provisional ids to the vocabulary's, written at {@code width} bytes each. The provisional
     * file is read through one buffer, not mapped: mapped pages would count as the process's
     * resident memory, 4 bytes for every token of the corpus.
     */
    private void remap(Path provisionalFile, Path tokens, int width, Vocabulary vocabulary) throws IOException {
        int[] finalId = new int[symbolOf.size()];
        for (int id = 0; id < finalId.length; id++) {
            finalId[id] = vocabulary.id(symbolOf.get(id));
        }
        ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel in = FileChannel.open(provisionalFile, StandardOpenOption.READ);
             IdFileWriter out = new IdFileWriter(tokens, width)) {
            while (true) {
                int read = in.read(buffer);
                buffer.flip();
                while (buffer.remaining() >= Integer.BYTES) {
                    int id = buffer.getInt();
                    out.write(id == UNCOUNTED ? Vocabulary.UNKNOWN_ID : finalId[id]);
                }
                buffer.compact();
                if (read < 0) {
                    break;
                }
            }
        }
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CorpusException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    /** Puts {@code work} where {@code target} is: the old folder moved aside first, then removed. */
    private static void replace(Path work, Path target) throws IOException {
        try { // a temporary folder is made for its owner only; the corpus is for whoever reads the folder
            Files.setPosixFilePermissions(work, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its own defaults stand
        }
        Path old = null;
        if (Files.exists(target)) {
            if (!PreparedCorpus.isPrepared(target) && !isEmptyFolder(target)) {
                throw new IOException(target + " exists and is not a prepared corpus; give another --out");
            }
            old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old.");
            Files.delete(old);
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
        if (old != null) {
            deleteQuietly(old);
        }
    }

    private static boolean isEmptyFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a leftover temporary folder is named as one (.NAME.prepare.*) and harms nothing
        }
    }
}
