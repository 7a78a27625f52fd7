package pena.cli;

import pena.corpus.CatalogEntry;
import pena.corpus.Corpus;
import pena.corpus.CorpusException;
import pena.corpus.CorpusLibrary;
import pena.corpus.CorpusStats;
import pena.corpus.Fetcher;
import pena.data.CorpusPreparer;
import pena.data.PreparationSettings;
import pena.data.PreparedHeader;
import pena.nn.TokenLevel;
import pena.train.PreparationProgress;
import pena.train.TrainOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** {@code pena corpus list | fetch | stats | prepare}. */
@Command(name = "corpus", mixinStandardHelpOptions = true,
        description = "Lists, downloads, describes and prepares corpora.",
        subcommands = {CorpusCommand.ListCommand.class, CorpusCommand.FetchCommand.class,
                CorpusCommand.StatsCommand.class, CorpusCommand.PrepareCommand.class})
public final class CorpusCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "What is here and what can be downloaded.")
    static final class ListCommand implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            CorpusLibrary library = CorpusLibrary.standard();
            out.println("Here (" + library.root() + "):");
            for (Path path : library.localCorpora()) {
                out.printf(Locale.ROOT, "  %-40s %s%n", library.root().relativize(path), size(path));
            }
            out.println("Can be downloaded with `pena corpus fetch NAME` (needs internet):");
            for (CatalogEntry entry : library.catalog().entries()) {
                boolean here = Files.exists(library.downloadPath(entry.name()));
                out.printf(Locale.ROOT, "  %-14s %s, %s%s%n", entry.name(), entry.title(), entry.author(),
                        here ? "  [downloaded]" : "");
            }
            out.flush();
        }

        private static String size(Path path) {
            long bytes = CorpusLibrary.size(path);
            return bytes < 0 ? "" : String.format(Locale.ROOT, "%,d KB", bytes / 1024);
        }
    }

    @Command(name = "fetch", mixinStandardHelpOptions = true,
            description = "Downloads a catalogued work (see `pena corpus list`) or any plain-text URL into corpora/downloads/.")
    static final class FetchCommand implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "NAME|URL", description = "A catalog name or an http(s) address of a UTF-8 or Latin-1 text.")
        String what;

        @Option(names = "--name", description = "Name to save a URL under (default: from the URL).")
        String name;

        @Option(names = "--force", description = "Download again even if it is already here.")
        boolean force;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            CorpusLibrary library = CorpusLibrary.standard();
            URI url;
            String target;
            if (what.startsWith("http://") || what.startsWith("https://")) {
                url = URI.create(what);
                target = name != null ? name : nameFromUrl(url);
            } else {
                CatalogEntry entry = library.catalog().find(what).orElseThrow(() -> new CorpusException(
                        "'" + what + "' is not in the catalog (see `pena corpus list`) and not an http(s) URL"));
                url = entry.url();
                target = name != null ? name : entry.name();
            }
            Path path = library.downloadPath(target);
            if (Files.exists(path) && !force) {
                out.println(path + " is already here (use --force to download it again)");
                out.flush();
                return;
            }
            out.println("downloading " + url + " ...");
            out.flush();
            int characters = new Fetcher().fetch(url, path);
            out.printf(Locale.ROOT, "%s: %,d characters; train with --corpus %s%n", path, characters, target);
            out.flush();
        }

        private static String nameFromUrl(URI url) {
            String path = url.getPath() == null ? "" : url.getPath();
            String last = path.substring(path.lastIndexOf('/') + 1).replaceAll("\\.[A-Za-z0-9]+$", "");
            String cleaned = last.replaceAll("[^A-Za-z0-9_-]", "");
            return cleaned.isEmpty() ? "download" : cleaned;
        }
    }

    @Command(name = "stats", mixinStandardHelpOptions = true, description = "Size, symbols and unigram entropy of a corpus.")
    static final class StatsCommand implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "PATH|NAME", description = "A file, a folder of .txt files, or a corpus name.")
        String what;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            Path path = CorpusLibrary.standard().resolve(what);
            CorpusStats stats = CorpusStats.read(path); // one file at a time
            out.printf(Locale.ROOT, "corpus %s%n", Corpus.nameOf(path));
            out.printf(Locale.ROOT, "  documents        %,d%n", stats.documents());
            out.printf(Locale.ROOT, "  characters       %,d%n", stats.characters());
            out.printf(Locale.ROOT, "  words            %,d%n", stats.words());
            out.printf(Locale.ROOT, "  lines            %,d%n", stats.lines());
            out.printf(Locale.ROOT, "  distinct symbols %,d%n", stats.distinctSymbols());
            out.printf(Locale.ROOT, "  unigram entropy  %.3f bits per character (a model must do better)%n",
                    stats.unigramBitsPerChar());
            StringBuilder top = new StringBuilder("  most frequent    ");
            for (Map.Entry<String, Long> entry : stats.topSymbols()) {
                top.append(visible(entry.getKey())).append(' ');
            }
            out.println(top.toString().stripTrailing());
            out.flush();
        }

        private static String visible(String symbol) {
            return switch (symbol) {
                case " " -> "␠";
                case "\n" -> "⏎";
                case "\t" -> "⇥";
                default -> symbol;
            };
        }
    }

    @Command(name = "prepare", mixinStandardHelpOptions = true,
            description = "Reads a corpus once into token ids (a folder that train, evaluate and compare read "
                    + "memory-mapped): for corpora too large to read into memory at every run.")
    static final class PrepareCommand implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "PATH|NAME", description = "A file, a folder of .txt files, or a corpus name.")
        String what;

        @Option(names = "--out", required = true, description = "The folder to write (replaced if it holds a prepared corpus).")
        Path out;

        @Option(names = "--level", defaultValue = "char", description = "char or word (default: ${DEFAULT-VALUE}).")
        String level;

        @Option(names = "--lowercase", description = "Word level: lowercase every word.")
        boolean lowercase;

        @Option(names = "--max-vocab", defaultValue = "0",
                description = "At most this many ids, <unk> included (default: all characters; 10000 words).")
        int maxVocabulary;

        @Option(names = "--min-count", defaultValue = "1", description = "Symbols seen fewer times are <unk> (default: ${DEFAULT-VALUE}).")
        int minCount;

        @Option(names = "--val-fraction", defaultValue = "0.1",
                description = "The last share of each document held out for validation (default: ${DEFAULT-VALUE}).")
        double valFraction;

        @Override
        public void run() {
            PrintWriter printer = spec.commandLine().getOut();
            TokenLevel tokenLevel;
            try {
                tokenLevel = TokenLevel.of(level, lowercase);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            int limit = maxVocabulary > 0 ? maxVocabulary
                    : tokenLevel.words() ? TrainOptions.DEFAULT_WORD_VOCABULARY : Integer.MAX_VALUE;
            PreparationSettings settings;
            try {
                settings = new PreparationSettings(tokenLevel.id(), limit, minCount, valFraction);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            Path source = CorpusLibrary.standard().resolve(what);
            PreparationProgress progress = new PreparationProgress(printer, System.console() != null);
            PreparedHeader header = new CorpusPreparer(settings).prepare(source, out, progress);
            progress.done(header, out);
            printer.println("train with --corpus " + out + (tokenLevel.words() ? " --level word"
                    + (tokenLevel.lowercase() ? " --lowercase" : "") : ""));
            printer.flush();
        }
    }
}
