package pena.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Ids written at each width read back the same, unsigned, little-endian. */
class MappedTokenIdsTest {
    @Test
    void idsRoundTripAtEveryWidth(@TempDir Path dir) throws IOException {
        int[][] values = {{0, 1, 200, 255}, {0, 255, 256, 65_535}, {0, 65_536, 1 << 30, Integer.MAX_VALUE}};
        int[] widths = {1, 2, 4};
        for (int w = 0; w < widths.length; w++) {
            Path file = dir.resolve("ids" + widths[w]);
            try (IdFileWriter out = new IdFileWriter(file, widths[w])) {
                for (int v : values[w]) {
                    out.write(v);
                }
            }
            assertEquals(values[w].length * widths[w], Files.size(file));
            MappedTokenIds ids = MappedTokenIds.open(file, widths[w]);
            assertEquals(values[w].length, ids.size());
            for (int k = 0; k < values[w].length; k++) {
                assertEquals(values[w][k], ids.get(k), "width " + widths[w] + ", id " + k);
            }
            assertThrows(IndexOutOfBoundsException.class, () -> ids.get(ids.size()));
        }
        Files.write(dir.resolve("odd"), new byte[3]);
        assertThrows(IOException.class, () -> MappedTokenIds.open(dir.resolve("odd"), 2));
    }
}
