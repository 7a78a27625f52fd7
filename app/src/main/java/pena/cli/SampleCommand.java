package pena.cli;

import pena.generate.Sampler;
import pena.generate.SamplingOptions;
import pena.model.ModelFile;
import pena.model.PenaModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code pena sample}: writes text with a trained model, streaming it as it is drawn. */
@Command(name = "sample", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Generates text from a trained model.")
public final class SampleCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "A model written by `pena train` (models/NAME.zip).")
    Path model;

    @Option(names = "--prime", defaultValue = "", description = "Text the model continues (default: start of a paragraph).")
    String prime;

    @Option(names = "--length", defaultValue = "500", description = "Tokens to generate: characters, or words and punctuation marks for a word model (default: ${DEFAULT-VALUE}).")
    int length;

    @Option(names = "--temperature", defaultValue = "0.8", description = "0: always the most likely character; <1 safer, >1 wilder (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--top-k", defaultValue = "0", description = "Draw only among the k most likely characters; 0: all (default: ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = "--top-p", defaultValue = "1.0", description = "Draw only among the most likely characters that together have probability p (default: ${DEFAULT-VALUE}).")
    double topP;

    @Option(names = "--seed", description = "Random seed; the same seed gives the same text (default: a new one, printed).")
    Long seed;

    @Option(names = "--count", defaultValue = "1", description = "How many samples (default: ${DEFAULT-VALUE}).")
    int count;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (length < 1 || count < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--length and --count must be at least 1");
        }
        long firstSeed = seed != null ? seed : System.nanoTime() & 0xFFFFFFFFL;
        SamplingOptions first = new SamplingOptions(temperature, topK, topP, firstSeed);
        PenaModel loaded = ModelFile.load(model, false);
        Sampler sampler = new Sampler(loaded);
        boolean words = loaded.spec().level().words();
        var unknown = words ? sampler.unknownInPrime(prime) : java.util.Set.<String>of();
        if (!unknown.isEmpty()) {
            err.println("warning: the model does not know " + String.join(", ", unknown.stream()
                    .map(w -> "'" + w + "'").toList()) + "; it reads " + (unknown.size() == 1 ? "it" : "them")
                    + " as <unk>");
            err.flush();
        }
        long generated = 0;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                out.println();
                out.println("---");
            }
            out.print(prime);
            SamplingOptions options = new SamplingOptions(first.temperature(), first.topK(), first.topP(), firstSeed + i);
            sampler.generate(prime, length, options, text -> {
                out.print(text);
                out.flush();
            });
            generated += length;
        }
        out.println();
        out.flush();
        double seconds = (System.nanoTime() - start) / 1e9;
        String unit = words ? "token" : "character";
        err.printf(Locale.ROOT, "%d %ss in %.2f s: %.3f ms per %s (seed %d)%n", generated, unit, seconds,
                1000 * seconds / generated, unit, firstSeed);
        err.flush();
        return 0;
    }
}
