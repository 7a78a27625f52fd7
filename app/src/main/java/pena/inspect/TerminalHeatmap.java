package pena.inspect;

import java.awt.Color;
import java.util.List;
import java.util.Locale;

/**
 * The inspection as text for a terminal: per quantity, one row per unit and one column per
 * character, each cell a coloured block (24-bit ANSI colours); then the top next characters.
 */
public final class TerminalHeatmap {
    private TerminalHeatmap() {
    }

    public static String render(Inspection inspection, int layer, int units) {
        Inspection.LayerTrace trace = inspection.layers().get(layer);
        int shown = Math.min(units, trace.units());
        StringBuilder out = new StringBuilder();
        String header = "      " + String.join("", inspection.tokens().stream().map(TerminalHeatmap::visible).toList());
        out.append(String.format(Locale.ROOT, "layer %d of %d (%s, %d units, first %d shown)%n", layer + 1,
                inspection.layers().size(), inspection.cell(), trace.units(), shown));
        for (String id : trace.quantities()) {
            Quantity q = Quantity.of(id);
            float[][] values = trace.of(id);
            ColourScale scale = ColourScale.of(q, values);
            out.append('\n').append(q.label()).append(legend(q, scale)).append('\n').append(header).append('\n');
            for (int u = 0; u < shown; u++) {
                out.append(String.format(Locale.ROOT, "%5d ", u));
                for (float[] step : values) {
                    Color c = scale.colour(step[u]);
                    out.append(String.format(Locale.ROOT, "\u001b[48;2;%d;%d;%dm \u001b[0m", c.getRed(), c.getGreen(),
                            c.getBlue()));
                }
                out.append('\n');
            }
        }
        out.append("\nnext character / próximo caractere (top ").append(inspection.next().get(0).size()).append(")\n");
        for (int t = 0; t < inspection.tokens().size(); t++) {
            out.append(String.format(Locale.ROOT, "%4d %-3s →", t + 1, "'" + visible(inspection.tokens().get(t)) + "'"));
            for (Inspection.Candidate c : inspection.next().get(t)) {
                out.append(String.format(Locale.ROOT, "  %s %.3f", "'" + visible(c.token()) + "'", c.probability()));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String legend(Quantity q, ColourScale scale) {
        return switch (q.range()) {
            case SIGMOID -> "   [dark 0 = closed … bright 1 = open]";
            case TANH -> "   [blue -1 … white 0 … red +1]";
            case OPEN -> String.format(Locale.ROOT, "   [blue -%.2f … white 0 … red +%.2f]", scale.limit(), scale.limit());
        };
    }

    /** One visible column per token: space as ·, line break as ⏎. */
    static String visible(String token) {
        return switch (token) {
            case " " -> "·";
            case "\n" -> "⏎";
            case "\t" -> "⇥";
            default -> token;
        };
    }

    static List<String> visible(List<String> tokens) {
        return tokens.stream().map(TerminalHeatmap::visible).toList();
    }
}
