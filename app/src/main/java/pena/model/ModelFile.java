package pena.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import pena.files.AtomicFile;
import pena.nn.NetworkSpec;
import pena.layers.StatefulNetwork;
import pena.token.Vocabulary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads and writes {@link PenaModel}s. The zip holds DL4J's {@code ModelSerializer} entries
 * ({@code configuration.json}, {@code coefficients.bin}, optionally {@code updaterState.bin})
 * and Pena's:
 *
 * <pre>
 *   pena/format.json      {"format": "pena-model", "version": 1}
 *   pena/spec.json        the NetworkSpec
 *   pena/vocabulary.json  symbols in id order and their training counts
 *   pena/training.json    the TrainingState: data settings, position, history
 *   pena/validation.json  the validation split, one text per document: what `pena evaluate` scores by default
 * </pre>
 */
public final class ModelFile {
    public static final String FORMAT = "pena-model";
    public static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private record Format(String format, int version) {
    }

    private record VocabularyData(List<String> symbols, long[] counts) {
    }

    private ModelFile() {
    }

    /**
     * Writes the model to a temporary file beside {@code target} and renames it into place.
     *
     * @param withOptimizer keep Adam's state (needed to resume; triples the file size)
     */
    public static void save(PenaModel model, Path target, boolean withOptimizer) {
        try {
            AtomicFile.write(target, temp -> writeZip(model, withOptimizer, temp));
        } catch (IOException e) {
            throw new ModelFileException(target + ": cannot write the model (" + e.getMessage() + ")", e);
        }
    }

    /** DL4J's entries, then Pena's. */
    private static void writeZip(PenaModel model, boolean withOptimizer, Path zipFile) throws IOException {
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zipFile.toFile())) {
            NetworkEntries.write(model.network(), out, withOptimizer);
            NetworkEntries.put(out, "pena/format.json", JSON.writeValueAsBytes(new Format(FORMAT, VERSION)));
            NetworkEntries.put(out, "pena/spec.json", JSON.writeValueAsBytes(model.spec()));
            NetworkEntries.put(out, "pena/vocabulary.json", JSON.writeValueAsBytes(
                    new VocabularyData(model.vocabulary().symbols(), model.vocabulary().counts())));
            NetworkEntries.put(out, "pena/training.json", JSON.writeValueAsBytes(model.training()));
            NetworkEntries.put(out, "pena/validation.json", JSON.writeValueAsBytes(model.validationTexts()));
        }
    }

    /**
     * Removes the temporary files that saves of {@code target} left behind when their process was
     * killed mid-write (call it holding the run's lock, so no save of it is under way).
     *
     * @return how many were removed
     */
    public static int removeLeftovers(Path target) {
        return AtomicFile.removeLeftovers(target);
    }

    /** Reads a model; anything that is not a readable Pena model of this format is refused clearly. */
    public static PenaModel load(Path file) {
        return load(file, true);
    }

    /** @param withOptimizer also restore the optimizer state (for resuming training) */
    public static PenaModel load(Path file, boolean withOptimizer) {
        if (Files.isDirectory(file)) {
            throw new ModelFileException(file + ": is a folder, not a model file; give the .zip that `pena train` "
                    + "wrote, e.g. models/demo.zip");
        }
        if (!Files.isRegularFile(file)) {
            throw new ModelFileException(file + ": no such model file" + hint(file));
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry formatEntry = zip.getEntry("pena/format.json");
            if (formatEntry == null) {
                throw new ModelFileException(file + ": not a Pena model (no pena/format.json); "
                        + "give a .zip written by `pena train`");
            }
            Format format = JSON.readValue(read(zip, formatEntry), Format.class);
            if (!FORMAT.equals(format.format())) {
                throw new ModelFileException(file + ": not a Pena model (format '" + format.format() + "')");
            }
            if (format.version() != VERSION) {
                throw new ModelFileException(file + ": model format version " + format.version()
                        + ", this Pena reads version " + VERSION + "; retrain it or use the Pena that wrote it");
            }
            NetworkSpec spec = JSON.readValue(read(zip, required(zip, file, "pena/spec.json")), NetworkSpec.class);
            VocabularyData vocabularyData = JSON.readValue(read(zip, required(zip, file, "pena/vocabulary.json")),
                    VocabularyData.class);
            TrainingState training = JSON.readValue(read(zip, required(zip, file, "pena/training.json")),
                    TrainingState.class);
            List<String> validation = List.of(JSON.readValue(read(zip, required(zip, file, "pena/validation.json")),
                    String[].class));
            MultiLayerNetwork restored = NetworkEntries.restore(zip, file, withOptimizer);
            Vocabulary vocabulary = new Vocabulary(vocabularyData.symbols(), vocabularyData.counts());
            if (vocabulary.size() != spec.vocabularySize()) {
                throw new ModelFileException(file + ": damaged model (vocabulary of " + vocabulary.size()
                        + " symbols, network built for " + spec.vocabularySize() + ")");
            }
            return new PenaModel(StatefulNetwork.of(restored), spec, vocabulary, training, validation);
        } catch (ModelFileException e) {
            throw e;
        } catch (ZipException e) {
            throw new ModelFileException(file + ": not a Pena model, or a damaged or truncated one (not a readable zip)",
                    e);
        } catch (IOException | RuntimeException e) {
            throw new ModelFileException(file + ": damaged or truncated model file (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage())) + ")", e);
        } catch (OutOfMemoryError e) {
            throw new ModelFileException(file + ": too large to load in this Java's memory (" + Runtime.getRuntime()
                    .maxMemory() / (1 << 20) + " MB); a model of this size is damaged, or give Java more with -Xmx");
        }
    }

    private static ZipEntry required(ZipFile zip, Path file, String name) {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new ModelFileException(file + ": damaged model (no " + name + ")");
        }
        return entry;
    }

    private static byte[] read(ZipFile zip, ZipEntry entry) throws IOException {
        long limit = entry.getName().equals("pena/validation.json") ? NetworkEntries.MAX_TEXT_ENTRY
                : NetworkEntries.MAX_SMALL_ENTRY;
        return NetworkEntries.read(zip, entry, limit);
    }

    private static String hint(Path file) {
        return file.toString().endsWith(".zip") ? "" : " (model files end in .zip, e.g. models/demo.zip)";
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
