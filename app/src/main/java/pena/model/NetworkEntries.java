package pena.model;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The DL4J network's entries of a model file, the ones DL4J's {@code ModelSerializer} writes and
 * reads (configuration JSON, then parameters, then the updater's state), so that
 * {@code ModelSerializer.restoreMultiLayerNetwork} still opens a Pena model.
 *
 * <p>Restored straight from the zip, entry by entry, each read bounded by what the configuration
 * says it can hold: a damaged or hostile file is refused instead of filling the memory, and a
 * model re-packed with {@code zip -r} (folder entries) loads.
 *
 * <p>Written here rather than by {@code ModelSerializer}, which deflates the arrays: float
 * weights and Adam's moments shrink by 7 % that way, and deflating a word model's 57 MB took
 * 1.6 s at every evaluation point. The arrays are stored; the configuration is deflated.
 */
final class NetworkEntries {
    static final String CONFIGURATION = "configuration.json";
    static final String COEFFICIENTS = "coefficients.bin";
    static final String UPDATER = "updaterState.bin";
    /** The validation texts, the largest of Pena's JSON entries. */
    static final long MAX_TEXT_ENTRY = Math.min(1L << 30, Runtime.getRuntime().maxMemory() / 4);
    /** DL4J's configuration and Pena's other JSON entries (spec, vocabulary, history). */
    static final long MAX_SMALL_ENTRY = 64L << 20;
    /** An array's header in DL4J's binary format, generously. */
    private static final long ARRAY_HEADER = 64 * 1024;

    private NetworkEntries() {
    }

    static MultiLayerNetwork restore(ZipFile zip, Path file, boolean withOptimizer) throws IOException {
        String json = new String(read(zip, required(zip, file, CONFIGURATION), MAX_SMALL_ENTRY), StandardCharsets.UTF_8);
        MultiLayerConfiguration configuration = MultiLayerConfiguration.fromJson(FormerClassNames.upgrade(json));
        long parameters = 0;
        for (NeuralNetConfiguration layer : configuration.getConfs()) {
            parameters += layer.getLayer().initializer().numParams(layer);
        }
        long bound = parameters * Double.BYTES + ARRAY_HEADER;
        INDArray params = array(zip, required(zip, file, COEFFICIENTS), bound, file);
        if (params.length() != parameters) {
            throw new ModelFileException(file + ": damaged model (" + params.length() + " parameters stored, the "
                    + "configuration needs " + parameters + ")");
        }
        configuration.setDataType(params.dataType());
        MultiLayerNetwork network = new MultiLayerNetwork(configuration);
        network.init(params, false);
        ZipEntry updater = zip.getEntry(UPDATER);
        if (withOptimizer && updater != null) {
            // Adam keeps two numbers per parameter
            INDArray state = array(zip, updater, 2 * bound, file);
            network.getUpdater().setStateViewArray(network, state, false);
        }
        return network;
    }

    /** Writes the network's entries into {@code out}, which must write to a file (stored entries are sized after). */
    static void write(MultiLayerNetwork network, ZipArchiveOutputStream out, boolean withOptimizer) throws IOException {
        put(out, CONFIGURATION, network.getLayerWiseConfigurations().toJson().getBytes(StandardCharsets.UTF_8));
        putArray(out, COEFFICIENTS, network.params());
        if (withOptimizer) {
            INDArray state = network.getUpdater().getStateViewArray();
            if (state != null && state.length() > 0) {
                putArray(out, UPDATER, state);
            }
        }
    }

    /** A deflated entry (the output's default method): the JSON entries, DL4J's and Pena's. */
    static void put(ZipArchiveOutputStream out, String name, byte[] content) throws IOException {
        out.putArchiveEntry(new ZipArchiveEntry(name));
        out.write(content);
        out.closeArchiveEntry();
    }

    private static void putArray(ZipArchiveOutputStream out, String name, INDArray array) throws IOException {
        ZipArchiveEntry entry = new ZipArchiveEntry(name);
        entry.setMethod(ZipEntry.STORED);
        out.putArchiveEntry(entry);
        // DL4J's binary array format, as ModelSerializer writes it; the stream is not closed (out goes on)
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
        Nd4j.write(array, data);
        data.flush();
        out.closeArchiveEntry();
    }

    private static INDArray array(ZipFile zip, ZipEntry entry, long bound, Path file) throws IOException {
        if (entry.getSize() > bound) {
            throw new ModelFileException(file + ": damaged model (" + entry.getName() + " holds " + entry.getSize()
                    + " bytes, more than its configuration can use)");
        }
        // java.util.zip checks no CRC, and a stored array has no deflate stream whose decoding would
        // fail on a damaged byte: the entry's checksum is checked here, or a flipped bit loads as a weight
        CheckedInputStream checked = new CheckedInputStream(
                new Bounded(zip.getInputStream(entry), bound, file, entry.getName()), new CRC32());
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(checked))) {
            INDArray array = Nd4j.read(in);
            in.transferTo(OutputStream.nullOutputStream());
            if (entry.getCrc() != -1 && checked.getChecksum().getValue() != entry.getCrc()) {
                throw new ModelFileException(file + ": damaged model (" + entry.getName()
                        + " does not match its checksum)");
            }
            return array;
        }
    }

    /** The entry's bytes, refused past {@code limit} whatever its header claims. */
    static byte[] read(ZipFile zip, ZipEntry entry, long limit) throws IOException {
        if (entry.getSize() > limit) {
            throw new ModelFileException(zip.getName() + ": damaged model (" + entry.getName() + " holds "
                    + entry.getSize() + " bytes; at most " + limit + " are read)");
        }
        try (InputStream in = new Bounded(zip.getInputStream(entry), limit, Path.of(zip.getName()), entry.getName())) {
            return in.readAllBytes();
        }
    }

    private static ZipEntry required(ZipFile zip, Path file, String name) {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null || entry.isDirectory()) {
            throw new ModelFileException(file + ": damaged model (no " + name + ")");
        }
        return entry;
    }

    /** A stream that refuses to give more than {@code limit} bytes. */
    private static final class Bounded extends FilterInputStream {
        private final long limit;
        private final Path file;
        private final String name;
        private long count;

        Bounded(InputStream in, long limit, Path file, String name) {
            super(in);
            this.limit = limit;
            this.file = file;
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) {
            count += n;
            if (count > limit) {
                throw new ModelFileException(file + ": damaged model (" + name + " is larger than " + limit
                        + " bytes, more than a model of its configuration holds)");
            }
        }
    }
}
