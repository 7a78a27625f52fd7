package pena.train;

import pena.corpus.Corpus;
import pena.corpus.CorpusException;
import pena.data.CorpusPreparer;
import pena.data.PreparationSettings;
import pena.data.PreparedCorpus;
import pena.data.PreparedHeader;
import pena.token.Tokenizers;
import pena.token.Vocabulary;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Where a run's training data comes from, given what the user named after {@code --corpus}:
 *
 * <ul>
 *   <li>a prepared folder ({@code pena corpus prepare}): read memory-mapped, as it is;</li>
 *   <li>raw text of at least {@value #CACHE_FROM_MB} MB: prepared once into the cache
 *       ({@link #cacheRoot}) and read from there by every later run with the same settings;
 *       rebuilt when a source file has changed, been added or removed;</li>
 *   <li>smaller raw text: read into memory, as a prepare would cost more than it saves.</li>
 * </ul>
 * Both routes give the same ids, streams and vocabulary (PreparedCorpusTest holds them to it).
 */
public final class TrainingCorpus {
    static final int CACHE_FROM_MB = 16;
    private final PrintWriter out;
    private final boolean terminal;
    private final long cacheFromBytes;

    public TrainingCorpus(PrintWriter out, boolean terminal) {
        this(out, terminal, CACHE_FROM_MB * 1_000_000L);
    }

    /** @param cacheFromBytes raw text of at least this many bytes goes through the cache */
    TrainingCorpus(PrintWriter out, boolean terminal, long cacheFromBytes) {
        this.out = out;
        this.terminal = terminal;
        this.cacheFromBytes = cacheFromBytes;
    }

    /** A new run's data, settings by name (for callers outside the data package's reach). */
    public TrainingData load(Path corpusPath, String level, int maxVocabulary, int minCount, double valFraction,
                             int batch, int window) {
        return load(corpusPath, new PreparationSettings(level, maxVocabulary, minCount, valFraction), null, batch,
                window);
    }

    /**
     * @param resumed the resumed model's vocabulary, or null for a new run
     */
    public TrainingData load(Path corpusPath, PreparationSettings settings, Vocabulary resumed, int batch, int window) {
        if (PreparedCorpus.isPrepared(corpusPath)) {
            PreparedCorpus prepared = PreparedCorpus.open(corpusPath);
            PreparedHeader header = prepared.header();
            if (!header.level().equals(settings.level())) {
                throw new TrainingException(corpusPath + ": prepared at level " + header.level() + ", the run asks for "
                        + settings.level() + "; train with --level " + header.level().replace("word-lowercase",
                        "word --lowercase") + ", or prepare the sources again at this level");
            }
            String changed = prepared.changedSource();
            if (changed != null) {
                throw new TrainingException(corpusPath + ": " + changed + "; prepare it again (pena corpus prepare "
                        + "SOURCES --out " + corpusPath + ")");
            }
            if (resumed != null && !resumed.symbols().equals(header.symbols())) {
                throw new TrainingException(corpusPath + ": its vocabulary is not the checkpoint's; resume from the "
                        + "corpus the run started with");
            }
            return TrainingData.prepared(prepared, batch, window);
        }
        if (sourceBytes(corpusPath) < cacheFromBytes) {
            return inMemory(corpusPath, settings, resumed, batch, window);
        }
        Path cache = cacheRoot().resolve(cacheName(corpusPath, settings));
        PreparedCorpus prepared = current(cache, corpusPath);
        if (prepared == null) {
            PreparationProgress progress = new PreparationProgress(out, terminal);
            PreparedHeader header = new CorpusPreparer(settings).prepare(corpusPath, cache, progress);
            progress.done(header, cache);
            prepared = PreparedCorpus.open(cache);
        } else {
            out.println("corpus prepared earlier: " + cache);
        }
        if (resumed != null && !resumed.symbols().equals(prepared.header().symbols())) {
            out.println("note: the corpus's vocabulary is no longer the checkpoint's; reading it into memory with "
                    + "the checkpoint's");
            return inMemory(corpusPath, settings, resumed, batch, window);
        }
        return TrainingData.prepared(prepared, batch, window);
    }

    private static TrainingData inMemory(Path corpusPath, PreparationSettings settings, Vocabulary resumed, int batch,
                                         int window) {
        return TrainingData.prepare(Corpus.read(corpusPath), settings.valFraction(),
                Tokenizers.forLevel(settings.level()), resumed, batch, window, settings.maxVocabulary(),
                settings.minCount());
    }

    /** The cached folder when it is there, readable and still describes the sources; else null (said why). */
    private PreparedCorpus current(Path cache, Path corpusPath) {
        if (!PreparedCorpus.isPrepared(cache)) {
            out.printf(Locale.ROOT, "preparing %s once (later runs read it from %s)%n", corpusPath, cache);
            return null;
        }
        try {
            PreparedCorpus prepared = PreparedCorpus.open(cache);
            String stale = prepared.staleness(corpusPath);
            if (stale == null) {
                return prepared;
            }
            out.println("the corpus changed (" + stale + "): preparing it again");
        } catch (CorpusException e) {
            out.println("the cached corpus is unusable (" + e.getMessage() + "): preparing it again");
        }
        return null;
    }

    private static long sourceBytes(Path corpusPath) {
        long bytes = 0;
        for (Path file : Corpus.files(corpusPath)) {
            try {
                bytes += Files.size(file);
            } catch (IOException e) {
                throw new CorpusException(file + ": cannot read (" + e.getMessage() + ")", e);
            }
        }
        return bytes;
    }

    /**
     * The cache's folder: {@code pena.cache} (a system property) or {@code PENA_CACHE}, else
     * {@code $XDG_CACHE_HOME/pena/corpora}, else {@code ~/.cache/pena/corpora}.
     */
    static Path cacheRoot() {
        String chosen = System.getProperty("pena.cache", System.getenv("PENA_CACHE"));
        if (chosen != null && !chosen.isBlank()) {
            return Path.of(chosen);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("pena").resolve("corpora");
    }

    /** NAME-LEVEL-HASH: the hash of the corpus's absolute path and every setting that changes the ids. */
    static String cacheName(Path corpusPath, PreparationSettings settings) {
        String key = corpusPath.toAbsolutePath().normalize() + "\n" + settings.level() + "\n" + settings.maxVocabulary()
                + "\n" + settings.minCount() + "\n" + settings.valFraction() + "\n" + PreparedCorpus.FORMAT;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return Corpus.nameOf(corpusPath) + "-" + settings.level() + "-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
