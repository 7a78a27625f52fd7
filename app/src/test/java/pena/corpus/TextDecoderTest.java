package pena.corpus;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextDecoderTest {

    @Test
    void latin1IsRefusedWithTheFileNameAndTheIconvCommand() {
        byte[] latin1 = "Coração de São João".getBytes(StandardCharsets.ISO_8859_1);
        CorpusException e = assertThrows(CorpusException.class, () -> TextDecoder.decode("livro.txt", latin1));
        assertTrue(e.getMessage().startsWith("livro.txt: not valid UTF-8"), e.getMessage());
        assertTrue(e.getMessage().contains("iconv -f latin1 -t utf-8"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void binaryIsRefused() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D};
        CorpusException e = assertThrows(CorpusException.class, () -> TextDecoder.decode("foto.png", png));
        assertTrue(e.getMessage().contains("binary"), e.getMessage());
    }

    @Test
    void normalizesToNfcAndUnixLineEndsAndDropsTheByteOrderMark() {
        String decomposed = "\uFEFFa\u0303o\r\nc\u0327e\r";
        String text = TextDecoder.decode("x.txt", decomposed.getBytes(StandardCharsets.UTF_8));
        assertEquals("ão\nçe\n", text);
        assertEquals(6, text.codePointCount(0, text.length()));
    }

    @Test
    void aNulByteAnywhereMakesAFileBinaryByOneRule() {
        byte[] late = ("Capitu olhou para mim. ".repeat(2000) + "\0 e sorriu.").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        CorpusException e = assertThrows(CorpusException.class, () -> TextDecoder.decode("late.txt", late));
        assertTrue(e.getMessage().contains("binary") && e.getMessage().contains("NUL"), e.getMessage());
        byte[] early = "\0Capitu".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(assertThrows(CorpusException.class, () -> TextDecoder.decode("early.txt", early)).getMessage()
                .contains("binary"));
    }

    @Test
    void utf16IsNamedWithTheCommandThatConvertsIt() {
        String text = "Ação e coração, disse Capitu.\n".repeat(20);
        for (java.nio.charset.Charset cs : java.util.List.of(java.nio.charset.StandardCharsets.UTF_16,
                java.nio.charset.StandardCharsets.UTF_16LE, java.nio.charset.StandardCharsets.UTF_16BE)) {
            CorpusException e = assertThrows(CorpusException.class, () -> TextDecoder.decode("u16.txt", text.getBytes(cs)));
            assertTrue(e.getMessage().contains("UTF-16") && e.getMessage().contains("iconv -f utf-16 -t utf-8"),
                    cs + ": " + e.getMessage());
        }
    }
}
