package pena.inspect;


import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

/**
 * Memory as a picture: the text with every token before the predicted one on a background
 * shaded by its influence (wrapped in lines), and below it the influence-against-distance chart.
 */
public final class MemoryPicture {
    private static final int WIDTH = 1000;
    private static final int LINE = 26;

    private MemoryPicture() {
    }

    public static void write(Attribution attribution, MemoryProfile profile, String unit, Path file) {
        BufferedImage chart = profile == null ? null
                : MemoryChart.image(List.of(profile), List.of(profile.cell()), unit, WIDTH, 520);
        Font font = new Font(Font.MONOSPACED, Font.PLAIN, 18);
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        FontMetrics metrics = probe.createGraphics().getFontMetrics(font);
        int x0 = 20;
        int lines = 1;
        int x = x0;
        for (int s = 0; s <= attribution.target(); s++) {
            int w = metrics.stringWidth(TerminalHeatmap.visible(attribution.tokens().get(s)));
            if (x + w > WIDTH - 20) {
                lines++;
                x = x0;
            }
            x += w;
        }
        int textHeight = 60 + lines * LINE + 20;
        int height = textHeight + (chart == null ? 0 : chart.getHeight());
        BufferedImage image = Pictures.canvas(WIDTH, height);
        Graphics2D g = Pictures.draw(image);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
        g.drawString(String.format(java.util.Locale.ROOT, "what shaped the prediction of '%s' (p = %.3f) / o que moldou a previsão",
                TerminalHeatmap.visible(attribution.tokens().get(attribution.target())), attribution.probability()), x0, 30);
        g.setFont(font);
        double[] relative = attribution.relative();
        x = x0;
        int y = 60;
        for (int s = 0; s <= attribution.target(); s++) {
            String token = TerminalHeatmap.visible(attribution.tokens().get(s));
            int w = metrics.stringWidth(token);
            if (x + w > WIDTH - 20) {
                y += LINE;
                x = x0;
            }
            boolean predicted = s == attribution.target();
            int[] c = predicted ? new int[]{40, 40, 40} : MemoryText.shade(relative[s]);
            g.setColor(new Color(c[0], c[1], c[2]));
            g.fillRect(x, y, w, LINE - 2);
            g.setColor(predicted ? Color.WHITE : Color.BLACK);
            g.drawString(token, x, y + LINE - 8);
            x += w;
        }
        if (chart != null) {
            g.drawImage(chart, 0, textHeight, null);
        }
        g.dispose();
        Pictures.writePng(image, file);
    }
}
