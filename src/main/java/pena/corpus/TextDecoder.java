package pena.corpus;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * Turns bytes into Pena's canonical text: strict UTF-8 (no silent replacement characters),
 * byte-order mark removed, {@code \r\n} and {@code \r} as {@code \n}, Unicode NFC so that
 * "ã" is one code point whichever way the source wrote it.
 */
public final class TextDecoder {
    private TextDecoder() {
    }

    /**
     * @param source the file or URL, named in error messages
     * @throws CorpusException for binary data or bytes that are not UTF-8
     */
    public static String decode(String source, byte[] bytes) {
        if (looksBinary(bytes)) {
            throw new CorpusException(source + ": looks like a binary file, not text; give a UTF-8 text file (.txt)");
        }
        String text = strictUtf8(source, bytes);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    private static String strictUtf8(String source, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new CorpusException(source + ": not valid UTF-8 (byte " + in.position()
                    + "); if it is Latin-1, convert it first: iconv -f latin1 -t utf-8 '" + source
                    + "' > converted.txt");
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    /** NUL bytes or many control characters in the first 8 KB: an image, a zip, a .doc. */
    static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, 8192);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                return true;
            }
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
                control++;
            }
        }
        return n > 0 && control * 10 > n;
    }
}
