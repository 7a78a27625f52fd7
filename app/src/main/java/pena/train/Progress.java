package pena.train;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The progress line: where the run is, how fast it goes, the loss, and how long is left. On a
 * terminal it rewrites itself every second; in a log it prints every 15 seconds.
 */
final class Progress {
    private final ProgressLine line;

    Progress(PrintWriter out, boolean terminal) {
        this.line = new ProgressLine(out, terminal, 15, false);
    }

    void update(int epoch, double epochFraction, double tokensPerSecond, String unit, double loss, double rate,
                double etaSeconds) {
        if (line.due()) {
            line.show(String.format(Locale.ROOT, "epoch %d  %5.1f%%  %,.0f %s  loss %.3f  lr %.2g  ETA %s",
                    epoch + 1, 100 * epochFraction, tokensPerSecond, unit, loss, rate, clock(etaSeconds)));
        }
    }

    /** Ends a rewritten line before other output. */
    void breakLine() {
        line.breakLine();
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
