package pena.train;

import java.io.PrintWriter;

/**
 * One line of progress: on a terminal it rewrites itself at most once a second, in a log it is
 * printed as a new line at most every {@code logSeconds}. Training, preparing a corpus and
 * scoring a text show their progress through it.
 */
public final class ProgressLine {
    private final PrintWriter out;
    private final boolean terminal;
    private final long interval;
    private long lastPrint;
    private boolean printed;

    /** @param waitFirst the first line only after one interval (a short job then prints none) */
    public ProgressLine(PrintWriter out, boolean terminal, double logSeconds, boolean waitFirst) {
        this.out = out;
        this.terminal = terminal;
        this.interval = terminal ? 1_000_000_000L : (long) (logSeconds * 1e9);
        this.lastPrint = waitFirst ? System.nanoTime() : 0;
    }

    /** Whether a line is due now; when it is, the next one is due an interval later. */
    public boolean due() {
        long now = System.nanoTime();
        if (now - lastPrint < interval) {
            return false;
        }
        lastPrint = now;
        return true;
    }

    public void show(String line) {
        if (terminal) {
            out.print("\r" + line + "   ");
        } else {
            out.println(line);
        }
        printed = true;
        out.flush();
    }

    /** Ends a rewritten line before other output; the next line is due at once. */
    public void breakLine() {
        if (terminal && printed) {
            out.println();
        }
        printed = false;
        lastPrint = 0;
    }
}
