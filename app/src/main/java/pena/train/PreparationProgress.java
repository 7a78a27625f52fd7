package pena.train;

import pena.data.CorpusPreparer;
import pena.data.PreparedHeader;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The progress line of {@code corpus prepare} (and of a training run preparing its corpus):
 * share read, MB/s, files, tokens and ETA; on a terminal it rewrites itself every second, in a
 * log it prints every 10 seconds. Ends with one summary line.
 */
public final class PreparationProgress implements CorpusPreparer.Listener {
    private final PrintWriter out;
    private final ProgressLine line;
    private final long start = System.nanoTime();

    public PreparationProgress(PrintWriter out, boolean terminal) {
        this.out = out;
        this.line = new ProgressLine(out, terminal, 10, true); // a small corpus prints only its summary
    }

    @Override
    public void progress(long bytesRead, long bytesTotal, int filesRead, int filesTotal, long tokens) {
        if (bytesRead >= bytesTotal || !line.due()) {
            return;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = bytesRead / Math.max(1e-9, seconds);
        line.show(String.format(Locale.ROOT, "preparing  %5.1f%%  %.1f MB/s  %,d/%,d files  %,d tokens  ETA %s",
                100.0 * bytesRead / Math.max(1, bytesTotal), rate / 1e6, filesRead, filesTotal, tokens,
                Progress.clock((bytesTotal - bytesRead) / Math.max(1e-9, rate))));
    }

    /** The summary line, once the folder is written. */
    public void done(PreparedHeader header, Path folder) {
        line.breakLine();
        double seconds = (System.nanoTime() - start) / 1e9;
        long bytes = header.sources().stream().mapToLong(PreparedHeader.Source::bytes).sum();
        out.printf(Locale.ROOT, "prepared %s: %,d files, %.1f MB in %.1f s (%.1f MB/s); %,d training and %,d validation "
                        + "tokens, vocabulary %,d, %d-byte ids -> %s%n", header.corpusName(), header.sources().size(),
                bytes / 1e6, seconds, bytes / 1e6 / Math.max(1e-9, seconds), header.trainingTokens(),
                header.validationTokens(), header.symbols().size(), header.idWidth(), folder);
        if (header.uncountedTokens() > 0) {
            out.printf(Locale.ROOT, "note: more than %,d distinct symbols; %,d tokens of symbols first seen after that "
                    + "are read as <unk>%n", CorpusPreparer.COUNTED_SYMBOLS, header.uncountedTokens());
        }
        out.flush();
    }
}
