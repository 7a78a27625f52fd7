package pena.inspect;

import java.util.Locale;

/**
 * Memory for a terminal: the text with each token shaded by its influence on the chosen
 * prediction (24-bit ANSI background, white for none to deep orange for the largest), then
 * the profile's influence against distance as a small column chart on a log scale.
 */
public final class MemoryText {
    private static final String BLOCKS = " ▁▂▃▄▅▆▇█";
    private static final int CHART_ROWS = 6;
    private static final int CHART_COLUMNS = 64;

    private MemoryText() {
    }

    public static String render(Attribution attribution, MemoryProfile profile, String unit) {
        StringBuilder out = new StringBuilder();
        double[] relative = attribution.relative();
        out.append(String.format(Locale.ROOT, "what shaped the prediction of '%s' (token %d, p = %.3f), %s arithmetic:%n",
                TerminalHeatmap.visible(attribution.tokens().get(attribution.target())), attribution.target() + 1,
                attribution.probability(), attribution.precision()));
        out.append("o que moldou a previsão: cada caractere anterior sombreado pela sua influência\n\n  ");
        for (int s = 0; s < attribution.target(); s++) {
            int[] c = shade(relative[s]);
            out.append(String.format(Locale.ROOT, "\u001b[48;2;%d;%d;%dm\u001b[38;2;0;0;0m%s\u001b[0m", c[0], c[1], c[2],
                    TerminalHeatmap.visible(attribution.tokens().get(s))));
        }
        out.append("\u001b[7m").append(TerminalHeatmap.visible(attribution.tokens().get(attribution.target())))
                .append("\u001b[0m\n  [white: no influence … orange: the most; inverse: the predicted one]\n");
        if (profile != null) {
            out.append('\n').append(chart(profile, unit));
        }
        return out.toString();
    }

    /** The profile as a column chart: one column per distance (binned to 64), log scale, and its shares. */
    public static String chart(MemoryProfile profile, String unit) {
        double[] influence = profile.influence();
        int columns = Math.min(CHART_COLUMNS, influence.length);
        double[] binned = new double[columns];
        for (int c = 0; c < columns; c++) {
            int from = c * influence.length / columns;
            int to = Math.max(from + 1, (c + 1) * influence.length / columns);
            double sum = 0;
            for (int k = from; k < to; k++) {
                sum += influence[k];
            }
            binned[c] = sum / (to - from);
        }
        double top = Double.MIN_VALUE;
        double bottom = Double.MAX_VALUE;
        for (double v : binned) {
            if (v > 0) {
                top = Math.max(top, v);
                bottom = Math.min(bottom, v);
            }
        }
        bottom = Math.min(bottom, top / 10); // at least one decade on the axis
        double span = Math.log10(top) - Math.log10(bottom);
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%s, mean influence against distance (%d positions, window %d, log scale):%n", profile.cell(),
                profile.positions(), profile.window()));
        for (int row = CHART_ROWS - 1; row >= 0; row--) {
            double label = Math.pow(10, Math.log10(bottom) + span * (row + 1) / CHART_ROWS);
            out.append(String.format(Locale.ROOT, "%9.1e │", label));
            for (double v : binned) {
                double eighths = v > 0 ? (Math.log10(v) - Math.log10(bottom)) / span * CHART_ROWS * 8 : 0;
                int here = (int) Math.round(Math.max(0, Math.min(8, eighths - row * 8)));
                out.append(BLOCKS.charAt(here));
            }
            out.append('\n');
        }
        out.append("          └").append("─".repeat(columns)).append('\n');
        out.append(String.format(Locale.ROOT, "           1%s%d %s back%n", " ".repeat(Math.max(1, columns - 12)),
                influence.length, unit));
        StringBuilder shares = new StringBuilder("  share of the influence beyond / parcela além de");
        for (int d : MemoryProfile.QUOTED_DISTANCES) {
            if (d < influence.length) {
                shares.append(String.format(Locale.ROOT, "  %d: %.1f%%", d, 100 * profile.shareBeyond(d)));
            }
        }
        out.append(shares).append(String.format(Locale.ROOT, "  (half within %d)%n", profile.halfDistance()));
        for (int l = 0; l < profile.forgetPath().size(); l++) {
            double[] path = profile.forgetPath().get(l);
            out.append(String.format(Locale.ROOT, "  layer %d cell-state path Π f (mean over units): d=10 %.3f",
                    l + 1, path[Math.min(9, path.length - 1)]));
            if (path.length >= 50) {
                out.append(String.format(Locale.ROOT, ", d=50 %.4f", path[49]));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** White (0) to deep orange (1). */
    static int[] shade(double t) {
        double v = Math.max(0, Math.min(1, t));
        return new int[]{(int) Math.round(255 + (230 - 255) * v), (int) Math.round(255 + (85 - 255) * v),
                (int) Math.round(255 + (13 - 255) * v)};
    }
}
