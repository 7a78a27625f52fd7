package pena.inspect;


import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;

/** The units report as a picture: per feature its best unit and an excerpt coloured by that unit's value. */
public final class UnitsPicture {
    private static final int WIDTH = 1200;
    private static final int PANEL = 74;

    private UnitsPicture() {
    }

    public static void write(UnitsReport report, Path file) {
        int height = 50 + report.features().size() * PANEL;
        BufferedImage image = Pictures.canvas(WIDTH, height);
        Graphics2D g = Pictures.draw(image);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
        g.drawString(String.format(Locale.ROOT, "units that follow a feature / unidades que seguem um traço — %s, %d units, %d characters",
                report.cell(), report.units(), report.tokens().size()), 12, 28);
        Font mono = new Font(Font.MONOSPACED, Font.PLAIN, 15);
        int y = 50;
        for (UnitsReport.FeatureResult f : report.features()) {
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
            String title = f.feature().english + " / " + f.feature().portuguese + ": " + (f.present()
                    ? String.format(Locale.ROOT, "%s %s %.3f (%s)", UnitsText.name(f.top().get(0).unit()),
                    f.feature().measure(), f.top().get(0).score(), UnitsText.direction(f.feature(), f.top().get(0).higher()))
                    : "not in this text");
            g.drawString(title, 12, y + 18);
            if (f.present()) {
                int[] span = UnitsText.excerpt(f);
                ColourScale scale = ColourScale.of(Quantity.of(f.top().get(0).unit().quantity()), new float[][]{
                        java.util.Arrays.copyOfRange(f.bestValues(), span[0], span[1])});
                g.setFont(mono);
                FontMetrics metrics = g.getFontMetrics();
                int x = 12;
                for (int t = span[0]; t < span[1] && x < WIDTH - 20; t++) {
                    String s = TerminalHeatmap.visible(report.tokens().get(t));
                    int w = Math.max(metrics.stringWidth(s), 8);
                    g.setColor(scale.colour(f.bestValues()[t]));
                    g.fillRect(x, y + 28, w, 24);
                    g.setColor(Color.BLACK);
                    g.drawString(s, x, y + 46);
                    x += w;
                }
            }
            y += PANEL;
        }
        g.dispose();
        Pictures.writePng(image, file);
    }
}
