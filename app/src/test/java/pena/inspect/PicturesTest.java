package pena.inspect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pena.TestModels;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PicturesTest {
    private final Inspection inspection = new Inspector(TestModels.untrained("a casa, a rua.\n", 2, 8))
            .inspect("a rua, a casa", 3);

    @Test
    void terminalHeatmapHasOneRowPerUnitAndOneCellPerCharacter() {
        String text = TerminalHeatmap.render(inspection, 0, 4);
        for (String label : List.of("ft forget gate", "it input gate", "ot output gate", "Ct cell state", "ht output")) {
            assertTrue(text.contains(label), label);
        }
        String firstRow = text.lines().filter(l -> l.startsWith("    0 ")).findFirst().orElseThrow();
        assertEquals(13, firstRow.split("\u001b\\[48;2;", -1).length - 1);
        assertTrue(text.contains("a·rua,·a·casa"));
    }

    @Test
    void csvHasEveryValueAndTheNextCharacters() {
        List<String> rows = CsvExport.csv(inspection).lines().toList();
        // 13 steps x 2 layers x 6 quantities x 8 units, and 13 x 3 next characters
        assertEquals(1 + 13 * 2 * 6 * 8 + 13 * 3, rows.size());
        assertTrue(rows.contains("2,\" \",,next,1," + String.format(java.util.Locale.ROOT, "%.6f",
                inspection.next().get(1).get(0).probability()) + ",\"" + inspection.next().get(1).get(0).token() + "\""));
    }

    @Test
    void pngIsAPictureWithAPanelPerQuantity(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("gates.png");
        PngHeatmap.write(inspection, 1, 8, file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertTrue(image.getHeight() > 6 * 8 * 10, "height " + image.getHeight());
        assertTrue(Files.list(dir).count() == 1, "no temporary file left");
    }
}
