package pena.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import pena.TestModels;
import pena.data.WindowArrays;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Model files as users and accidents shape them: re-zipped, oversized, a folder, half-written. */
class ModelFileBoundsTest {

    /** Copies {@code from} into a new zip, entry by entry, through {@code change}. */
    private interface EntryCopy {
        void copy(ZipEntry entry, InputStream in, ZipOutputStream out) throws IOException;
    }

    private static Path rewrite(Path from, Path to, List<String> folders, EntryCopy change) throws IOException {
        try (ZipFile zip = new ZipFile(from.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (String folder : folders) {
                out.putNextEntry(new ZipEntry(folder));
                out.closeEntry();
            }
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                try (InputStream in = zip.getInputStream(entry)) {
                    change.copy(entry, in, out);
                }
            }
        }
        return to;
    }

    private static void same(ZipEntry entry, InputStream in, ZipOutputStream out) throws IOException {
        out.putNextEntry(new ZipEntry(entry.getName()));
        in.transferTo(out);
        out.closeEntry();
    }

    @Test
    void aModelRepackedWithFolderEntriesLoadsTheSame(@TempDir Path dir) throws IOException {
        PenaModel model = TestModels.untrained("Olá, coração! Não é?", 2, 12);
        Path file = dir.resolve("m.zip");
        ModelFile.save(model, file, true);
        // what `zip -r` of the unpacked folder gives: a "pena/" folder entry before its files
        Path repacked = rewrite(file, dir.resolve("repacked.zip"), List.of("pena/"), ModelFileBoundsTest::same);
        PenaModel loaded = ModelFile.load(repacked, true);
        INDArray input = WindowArrays.oneHot(new int[][]{{1, 2, 3, 4}}, model.spec().vocabularySize());
        assertArrayEquals(model.network().output(input).dup().data().asFloat(),
                loaded.network().output(input).dup().data().asFloat());
        assertEquals(model.network().getUpdater().getStateViewArray().length(),
                loaded.network().getUpdater().getStateViewArray().length(), "the optimizer state loads too");
    }

    @Test
    void anEntryLargerThanItsConfigurationCanHoldIsRefusedWithoutReadingIt(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.zip");
        ModelFile.save(TestModels.untrained("abcdef", 1, 4), file, false);
        // 64 MB of parameters for a model of a few hundred: a damaged or hostile file
        Path huge = rewrite(file, dir.resolve("huge.zip"), List.of(), (entry, in, out) -> {
            if (!entry.getName().equals("coefficients.bin")) {
                same(entry, in, out);
                return;
            }
            out.putNextEntry(new ZipEntry(entry.getName()));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                out.write(zeros);
            }
            out.closeEntry();
        });
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(huge));
        assertTrue(e.getMessage().contains("coefficients.bin") && e.getMessage().contains("damaged"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());

        // a text entry past its bound: read no further than the bound
        Path hugeJson = rewrite(file, dir.resolve("json.zip"), List.of(), (entry, in, out) -> {
            if (!entry.getName().equals("pena/spec.json")) {
                same(entry, in, out);
                return;
            }
            out.putNextEntry(new ZipEntry(entry.getName()));
            OutputStream o = out;
            o.write('{');
            o.write(new byte[(int) NetworkEntries.MAX_SMALL_ENTRY + 1]);
            out.closeEntry();
        });
        ModelFileException json = assertThrows(ModelFileException.class, () -> ModelFile.load(hugeJson));
        assertTrue(json.getMessage().contains("pena/spec.json"), json.getMessage());
    }

    @Test
    void aFolderIsNotAModelFile(@TempDir Path dir) {
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(dir));
        assertTrue(e.getMessage().contains("is a folder, not a model file"), e.getMessage());
    }

    @Test
    void leftoversOfKilledSavesAreRemovedAndNothingElse(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("run.zip");
        List<Path> ours = List.of(dir.resolve(".run.zip.123.tmp"), dir.resolve(".run.zip.network.77.tmp"),
                dir.resolve("run.zip8812.tmp"));
        List<Path> others = List.of(dir.resolve(".other.zip.5.tmp"), dir.resolve("run.zip"),
                dir.resolve("run.zip.notes.tmp"), dir.resolve(".run.ckpt.zip.9.tmp"));
        for (Path p : ours) {
            Files.writeString(p, "half a model");
        }
        for (Path p : others) {
            Files.writeString(p, "keep");
        }
        assertEquals(3, ModelFile.removeLeftovers(target));
        for (Path p : ours) {
            assertFalse(Files.exists(p), p + " left");
        }
        for (Path p : others) {
            assertTrue(Files.exists(p), p + " removed");
        }
    }

    @Test
    void aSaveLeavesOnlyTheModelAndNamesItsTemporaryFilesAfterIt(@TempDir Path dir) throws IOException {
        ModelFile.save(TestModels.untrained("abcdef", 1, 4), dir.resolve("run.zip"), true);
        try (var files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("run.zip")), files.toList());
        }
    }
}
