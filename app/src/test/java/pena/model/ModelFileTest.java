package pena.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import pena.TestModels;
import pena.data.WindowArrays;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelFileTest {

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"lstm", "gru", "rnn"})
    void saveThenLoadGivesIdenticalOutputsAndMetadata(String cell, @TempDir Path dir) throws IOException {
        PenaModel model = TestModels.untrained("Olá, coração! Não é?", 2, 12, pena.nn.CellType.parse(cell));
        Path file = dir.resolve("m.zip");
        ModelFile.save(model, file, true);
        PenaModel loaded = ModelFile.load(file);

        INDArray input = WindowArrays.oneHot(new int[][]{{1, 2, 3, 4, 5, 6}}, model.spec().vocabularySize());
        assertArrayEquals(model.network().output(input).dup().data().asFloat(), loaded.network().output(input).dup().data().asFloat());
        assertEquals(model.spec(), loaded.spec());
        assertEquals(model.vocabulary().symbols(), loaded.vocabulary().symbols());
        assertArrayEquals(model.vocabulary().counts(), loaded.vocabulary().counts());
        assertEquals(model.validationTexts(), loaded.validationTexts());
        assertEquals(model.training().corpus(), loaded.training().corpus());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "temporary files left behind");
        }
    }

    @Test
    void dl4jsModelSerializerReadsTheNetworkAndItsOptimizerState(@TempDir Path dir) throws IOException {
        PenaModel model = TestModels.untrained("Olá, coração! Não é?", 2, 12, pena.nn.CellType.parse("lstm"));
        // Adam's moments are zero before the first step: give them values a mix-up would show
        INDArray state = model.network().getUpdater().getStateViewArray();
        state.assign(Nd4j.rand(state.dataType(), state.shape()));
        Path file = dir.resolve("m.zip");
        ModelFile.save(model, file, true);

        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true);
        assertEquals(model.network().params(), restored.params());
        assertEquals(state, restored.getUpdater().getStateViewArray());
        PenaModel loaded = ModelFile.load(file);
        assertEquals(model.network().params(), loaded.network().params());
        assertEquals(state, loaded.network().getUpdater().getStateViewArray());
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertEquals(ZipEntry.STORED, zip.getEntry("coefficients.bin").getMethod(), "arrays are stored, not deflated");
        }
    }

    @Test
    void aDamagedByteInAStoredArrayIsRefusedClearly(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.zip");
        ModelFile.save(TestModels.untrained("Olá, coração! Não é?", 2, 12, pena.nn.CellType.parse("lstm")), file, true);
        for (String name : new String[]{"coefficients.bin", "updaterState.bin"}) {
            long at;
            long size;
            try (var zip = new org.apache.commons.compress.archivers.zip.ZipFile(file.toFile())) {
                var entry = zip.getEntry(name);
                at = entry.getDataOffset();
                size = entry.getCompressedSize();
            }
            byte[] bytes = Files.readAllBytes(file);
            int middle = (int) (at + size / 2); // a weight's byte, past the array's header
            bytes[middle] ^= 0x10;
            Path damaged = Files.write(dir.resolve("damaged-" + name + ".zip"), bytes);
            ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(damaged));
            assertEquals(damaged + ": damaged model (" + name + " does not match its checksum)", e.getMessage());
        }
    }

    @Test
    void aTruncatedFileIsRefusedClearly(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.zip");
        ModelFile.save(TestModels.untrained("abcdef", 1, 4), file, false);
        byte[] bytes = Files.readAllBytes(file);
        Path truncated = Files.write(dir.resolve("cut.zip"), Arrays.copyOf(bytes, bytes.length / 2));
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(truncated));
        assertTrue(e.getMessage().startsWith(truncated + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void foreignFilesAreRefusedClearly(@TempDir Path dir) throws IOException {
        Path text = Files.writeString(dir.resolve("notes.zip"), "not a zip at all");
        assertTrue(assertThrows(ModelFileException.class, () -> ModelFile.load(text)).getMessage()
                .contains("not a Pena model"));

        Path otherZip = dir.resolve("other.zip");
        writeZip(otherZip, "hello.txt", "hi");
        assertTrue(assertThrows(ModelFileException.class, () -> ModelFile.load(otherZip)).getMessage()
                .contains("not a Pena model (no pena/format.json)"));

        Path newer = dir.resolve("newer.zip");
        writeZip(newer, "pena/format.json", "{\"format\":\"pena-model\",\"version\":99}");
        assertTrue(assertThrows(ModelFileException.class, () -> ModelFile.load(newer)).getMessage()
                .contains("format version 99"));

        assertTrue(assertThrows(ModelFileException.class, () -> ModelFile.load(dir.resolve("none.zip"))).getMessage()
                .contains("no such model file"));
    }

    private static void writeZip(Path file, String entry, String content) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            out.putNextEntry(new ZipEntry(entry));
            out.write(content.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
    }
}
