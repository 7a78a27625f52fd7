package pena;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where tests find text: the bundled sample, and ../shared/corpora when it is present. */
public final class TestData {
    private TestData() {
    }

    /** The sample corpus written for Pena (always in the repository). */
    public static Path sample() {
        return Path.of("corpora", "amostra");
    }

    /** Dom Casmurro from ../shared/corpora; the calling test is skipped when it is absent. */
    public static Path domCasmurro() {
        Path path = Path.of("..", "shared", "corpora", "machado", "romance", "domCasmurro.txt");
        Assumptions.assumeTrue(Files.isRegularFile(path), "../shared/corpora is absent");
        return path;
    }
}
