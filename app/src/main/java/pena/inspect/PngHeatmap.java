package pena.inspect;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * The inspection of one layer as a picture: a heatmap per quantity (units down, characters
 * across, each character written above its column). Drawn with Java2D: a grid of cells labelled
 * by characters is simpler to draw directly than to bend a chart library's heatmap into.
 */
public final class PngHeatmap {
    private static final int CELL = 16;
    private static final int ROW = 10;
    private static final int LEFT = 60;

    private PngHeatmap() {
    }

    public static void write(Inspection inspection, int layer, int units, Path file) {
        Inspection.LayerTrace trace = inspection.layers().get(layer);
        int shown = Math.min(units, trace.units());
        int steps = inspection.tokens().size();
        int panel = 58 + shown * ROW;
        int width = Math.max(700, LEFT + steps * CELL + 20);
        int height = 50 + trace.quantities().size() * panel;
        BufferedImage image = Pictures.canvas(width, height);
        Graphics2D g = Pictures.draw(image);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(String.format("%s — layer %d of %d, units 0-%d of %d", inspection.cell(), layer + 1,
                inspection.layers().size(), shown - 1, trace.units()), 10, 24);
        int y = 50;
        for (String id : trace.quantities()) {
            Quantity q = Quantity.of(id);
            float[][] values = trace.of(id);
            ColourScale scale = ColourScale.of(q, values);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
            String range = q.range() == Quantity.Range.OPEN
                    ? String.format("  (colour at ±%.2f)", scale.limit()) : "";
            g.drawString(q.label() + range, 10, y + 14);
            g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 13));
            FontMetrics metrics = g.getFontMetrics();
            for (int t = 0; t < steps; t++) {
                String s = TerminalHeatmap.visible(inspection.tokens().get(t));
                g.drawString(s, LEFT + t * CELL + (CELL - metrics.stringWidth(s)) / 2, y + 36);
            }
            int top = y + 42;
            for (int u = 0; u < shown; u++) {
                if (u % 8 == 0) {
                    g.setColor(Color.GRAY);
                    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
                    g.drawString(String.valueOf(u), 10, top + u * ROW + ROW - 1);
                }
                for (int t = 0; t < steps; t++) {
                    g.setColor(scale.colour(values[t][u]));
                    g.fillRect(LEFT + t * CELL, top + u * ROW, CELL - 1, ROW - 1);
                }
            }
            y += panel;
        }
        g.dispose();
        Pictures.writePng(image, file);
    }
}
