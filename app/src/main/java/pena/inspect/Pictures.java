package pena.inspect;

import pena.files.AtomicFile;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * What every picture Pena draws shares: a white canvas with antialiased text, the chart colours
 * and fonts (large, for a projector), and the PNG written to a temporary file and renamed.
 */
public final class Pictures {
    /** Series colours, in order, for every chart. */
    public static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
            new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b)};

    private Pictures() {
    }

    /** A white image of this size. */
    static BufferedImage canvas(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    /** The image's graphics, text antialiased, black ink. */
    static Graphics2D draw(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        return g;
    }

    /** An XChart styler set as every Pena chart is: title, axis, tick and legend fonts; white; grid. */
    public static void style(org.knowm.xchart.style.XYStyler styler, int titleSize) {
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, titleSize));
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, titleSize - 2));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, titleSize - 4));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, titleSize - 2));
        styler.setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotGridLinesVisible(true);
    }

    /** Writes the image as PNG, whole or not at all. */
    public static void writePng(BufferedImage image, Path file) {
        try {
            AtomicFile.write(file, temp -> ImageIO.write(image, "png", temp.toFile()));
        } catch (IOException e) {
            throw new InspectionException("cannot write " + file + " (" + e.getMessage() + ")");
        }
    }
}
