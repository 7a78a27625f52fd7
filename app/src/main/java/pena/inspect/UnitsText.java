package pena.inspect;

import java.awt.Color;
import java.util.Locale;

/**
 * The units report for a terminal: per feature, the best units with their scores, then an
 * excerpt of the text coloured character by character by the best unit's value (as Karpathy
 * shows his cells: blue below zero, white at zero, red above).
 */
public final class UnitsText {
    /** Characters of each excerpt. */
    static final int EXCERPT = 110;

    private UnitsText() {
    }

    public static String render(UnitsReport report) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "units that follow a feature of the text / unidades que seguem um traço do texto%n"
                        + "%s, %d units ranked (every layer's h%s), over %d characters%n", report.cell(), report.units(),
                report.cell().equals("lstm") ? " and C" : "", report.tokens().size()));
        for (UnitsReport.FeatureResult f : report.features()) {
            out.append('\n').append(f.feature().english).append(" / ").append(f.feature().portuguese)
                    .append(" (").append(f.feature().measure()).append(")\n");
            if (!f.present()) {
                out.append("  not in this text / ausente deste texto\n");
                continue;
            }
            for (int r = 0; r < f.top().size(); r++) {
                UnitRanking.Score s = f.top().get(r);
                out.append(String.format(Locale.ROOT, "  %d. %s  %.3f  (%s)%n", r + 1, name(s.unit()), s.score(),
                        direction(f.feature(), s.higher())));
            }
            int[] span = excerpt(f);
            UnitRanking.Unit best = f.top().get(0).unit();
            ColourScale scale = ColourScale.of(Quantity.of(best.quantity()), new float[][]{
                    java.util.Arrays.copyOfRange(f.bestValues(), span[0], span[1])});
            out.append("  ");
            for (int t = span[0]; t < span[1]; t++) {
                Color c = scale.colour(f.bestValues()[t]);
                out.append(String.format(Locale.ROOT, "\u001b[48;2;%d;%d;%dm\u001b[38;2;0;0;0m%s\u001b[0m", c.getRed(),
                        c.getGreen(), c.getBlue(), TerminalHeatmap.visible(report.tokens().get(t))));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** e.g. {@code layer 2 C 143}. */
    static String name(UnitRanking.Unit unit) {
        return "layer " + (unit.layer() + 1) + " " + (unit.quantity().equals("c") ? "C" : "h") + " " + unit.unit();
    }

    static String direction(TextFeature feature, boolean higher) {
        if (feature.binary) {
            return higher ? "higher where it holds" : "lower where it holds";
        }
        return higher ? "rises with it" : "falls as it rises";
    }

    /** [from, to) of an excerpt that shows the feature: from a little before where it first holds. */
    public static int[] excerpt(UnitsReport.FeatureResult f) {
        int n = f.target().length;
        int first = 0;
        while (first < n && f.target()[first] < 0.5) {
            first++;
        }
        int from = first >= n ? 0 : Math.max(0, first - 30);
        return new int[]{from, Math.min(n, from + EXCERPT)};
    }
}
