package pena.train;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The progress line: where the run is, how fast it goes, the loss, and how long is left. On a
 * terminal it rewrites itself every second; in a log it prints every 15 seconds.
 */
final class Progress {
    private final PrintWriter out;
    private final boolean terminal;
    private long lastPrint;

    Progress(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    void update(int epoch, double epochFraction, double tokensPerSecond, String unit, double loss, double rate,
                double etaSeconds) {
        long now = System.nanoTime();
        long interval = terminal ? 1_000_000_000L : 15_000_000_000L;
        if (now - lastPrint < interval) {
            return;
        }
        lastPrint = now;
        String line = String.format(Locale.ROOT, "epoch %d  %5.1f%%  %,.0f %s  loss %.3f  lr %.2g  ETA %s",
                epoch + 1, 100 * epochFraction, tokensPerSecond, unit, loss, rate, clock(etaSeconds));
        if (terminal) {
            out.print("\r" + line + "   ");
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** Ends a rewritten line before other output. */
    void breakLine() {
        if (terminal && lastPrint != 0) {
            out.println();
        }
        lastPrint = 0;
    }

    static String clock(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "--:--";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
